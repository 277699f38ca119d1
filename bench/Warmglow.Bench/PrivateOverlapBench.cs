using System.Diagnostics;
using Warmglow.Core.PrivateOverlap;

/// <summary>
/// The private overlap of two key lists (docs/decisions/0031), both parties in one process, each step timed: hashing and
/// blinding our n keys, the peer's m keys, re-blinding each other's list, and the two intersections. No network: the
/// HTTP leg moves 32 bytes a key and a message of 2 × 32 MB for 1M keys. Keys are domain-shaped, 30% shared.
/// Usage: dotnet run -c Release --project bench/Warmglow.Bench -- psi [keys=1000000]
/// </summary>
static class PrivateOverlapBench
{
    public static void Run(string[] args)
    {
        var n = args.Length > 0 && int.TryParse(args[0], out var k) ? k : 1_000_000;
        var shared = n * 3 / 10;
        var ours = Enumerable.Range(0, n).Select(i => $"d:company-{i}.example").ToList();
        var theirs = Enumerable.Range(n - shared, n).Select(i => $"d:company-{i}.example").ToList();
        Console.WriteLine($"private overlap: {n:N0} × {n:N0} keys ({shared:N0} shared), {Environment.ProcessorCount} cores");
        var total = Stopwatch.StartNew();
        var sw = Stopwatch.StartNew();
        using var a = PsiParty.Create(ours);
        using var b = PsiParty.Create(theirs);
        var x = a.BlindOwn();
        Console.WriteLine($"  A hashes and blinds its keys: {sw.Elapsed.TotalSeconds:F1} s"); sw.Restart();
        var y = b.BlindOwn();
        Console.WriteLine($"  B hashes and blinds its keys: {sw.Elapsed.TotalSeconds:F1} s"); sw.Restart();
        var z = b.Reblind(x, keepOrder: true);
        Console.WriteLine($"  B re-blinds A's list: {sw.Elapsed.TotalSeconds:F1} s"); sw.Restart();
        var w = a.Reblind(y, keepOrder: false);
        Console.WriteLine($"  A re-blinds B's list: {sw.Elapsed.TotalSeconds:F1} s"); sw.Restart();
        var ra = a.Intersect(z, w, ownInOrder: true);
        var rb = b.Intersect(w, z, ownInOrder: false);
        Console.WriteLine($"  both intersections: {sw.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"  CPU time {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s (wall time stretches with other load; CPU time / cores is the quiet-machine figure)");
        Console.WriteLine($"  total {total.Elapsed.TotalSeconds:F1} s; A counts {ra.Count:N0} (expected {shared:N0}), B counts {rb.Count:N0}; " +
            $"{ra.OwnIndexes!.Count:N0} of A's records named");
        if (ra.Count != shared || rb.Count != shared) throw new InvalidOperationException("Wrong count.");
    }
}
