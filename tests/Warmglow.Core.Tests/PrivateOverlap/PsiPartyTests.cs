using System.Text;
using Warmglow.Core.PrivateOverlap;

namespace Warmglow.Core.Tests.PrivateOverlap;

public class PsiPartyTests
{
    static List<string> Keys(int from, int count) => Enumerable.Range(from, count).Select(i => PsiKeys.For($"company-{i}.example", null, null)!).ToList();

    /// <summary>Both parties, as the two deployments run them: A blinds, B answers with its own list and A's re-blinded, A re-blinds B's.</summary>
    static (PsiResult A, PsiResult B, byte[][] Messages) Run(IReadOnlyList<string> ours, IReadOnlyList<string> theirs, bool aMayName, bool bMayName)
    {
        using var a = PsiParty.Create(ours);
        using var b = PsiParty.Create(theirs);
        var x = a.BlindOwn();
        var y = b.BlindOwn();
        var z = b.Reblind(x, keepOrder: aMayName);
        var w = a.Reblind(y, keepOrder: bMayName);
        return (a.Intersect(z, w, aMayName), b.Intersect(w, z, bMayName), [x, y, z, w]);
    }

    [Fact]
    public void TwoParties_GetTheExactIntersectionSize_AndOnlyNamedRecordsWhenAllowed()
    {
        var ours = Keys(0, 300);
        var theirs = Keys(200, 250).Append(PsiKeys.For(null, "acme", "de")!).ToList(); // 100 shared
        ours.Add(PsiKeys.For(null, "acme", "de")!);                                       // the name key matches too
        ours.Add(PsiKeys.For(null, "acme", "fr")!);                                       // another country does not

        var counts = Run(ours, theirs, aMayName: false, bMayName: false);
        Assert.Equal(101, counts.A.Count);
        Assert.Equal(101, counts.B.Count);
        Assert.Null(counts.A.OwnIndexes);
        Assert.Null(counts.B.OwnIndexes);

        var named = Run(ours, theirs, aMayName: true, bMayName: true);
        Assert.Equal(101, named.A.Count);
        var expected = ours.Select((k, i) => (k, i)).Where(p => theirs.Contains(p.k)).Select(p => p.i).ToList();
        Assert.Equal(expected, named.A.OwnIndexes);
        Assert.Equal(theirs.Select((k, i) => (k, i)).Where(p => ours.Contains(p.k)).Select(p => p.i).ToList(), named.B.OwnIndexes);
    }

    [Fact]
    public void EmptyAndDisjointLists_CountZero()
    {
        Assert.Equal(0, Run(Keys(0, 20), Keys(100, 20), false, false).A.Count);
        Assert.Equal(0, Run([], Keys(100, 20), false, false).B.Count);
    }

    [Fact]
    public void Messages_RevealNoKeyInTheClear_NorItsUnblindedHash()
    {
        var ours = Keys(0, 50);
        var (_, _, messages) = Run(ours, Keys(25, 50), true, true);
        var point = new byte[32];
        foreach (var key in ours)
        {
            var clear = Encoding.UTF8.GetBytes(key);
            var domain = Encoding.UTF8.GetBytes(key[2..]);
            Ristretto255.HashToGroup(clear, point);
            foreach (var m in messages)
            {
                Assert.Equal(-1, m.AsSpan().IndexOf(clear));
                Assert.Equal(-1, m.AsSpan().IndexOf(domain));
                Assert.Equal(-1, m.AsSpan().IndexOf(point)); // H(k) itself never travels, only H(k)^a
            }
        }
        Assert.All(messages, m => Assert.Equal(0, m.Length % 32));
    }

    [Fact]
    public void DifferentRuns_ProduceDifferentBlindedValues_ForTheSameKeys()
    {
        var keys = Keys(0, 40);
        using var first = PsiParty.Create(keys);
        using var second = PsiParty.Create(keys);
        var one = first.BlindOwn().Chunk(32).Select(Convert.ToHexString).ToHashSet();
        var two = second.BlindOwn().Chunk(32).Select(Convert.ToHexString).ToHashSet();
        Assert.Equal(40, one.Count);
        Assert.Empty(one.Intersect(two));
    }

    [Fact]
    public void BadPeerInput_IsRefused_NotMultiplied()
    {
        using var a = PsiParty.Create(Keys(0, 3));
        Assert.Throws<PsiInvalidMessage>(() => a.Reblind(new byte[33], false));
        Assert.Throws<PsiInvalidMessage>(() => a.Reblind(new byte[32], false));               // the identity
        Assert.Throws<PsiInvalidMessage>(() => a.Reblind(Enumerable.Repeat((byte)0xff, 32).ToArray(), false)); // not a canonical encoding
        a.BlindOwn();
        Assert.Throws<PsiInvalidMessage>(() => a.Intersect(new byte[64], new byte[32], false)); // not one answer per value
    }

    [Fact]
    public void Frames_RoundTrip_AndRefuseMalformedOrOversizeLists()
    {
        var list = new byte[3 * 32];
        Random.Shared.NextBytes(list);
        var frame = PsiFrame.Encode("{\"a\":1}", list, []);
        var (json, lists) = PsiFrame.Decode(frame, 2, 10);
        Assert.Equal("{\"a\":1}", json);
        Assert.Equal(list, lists[0]);
        Assert.Empty(lists[1]);
        Assert.Throws<PsiInvalidMessage>(() => PsiFrame.Decode(frame, 2, 2));            // over the cap
        Assert.Throws<PsiInvalidMessage>(() => PsiFrame.Decode(frame[..^1], 2, 10));     // cut short
        Assert.Throws<PsiInvalidMessage>(() => PsiFrame.Decode([.. frame, 0], 2, 10));   // trailing bytes
        Assert.Throws<PsiInvalidMessage>(() => PsiFrame.Decode("nope"u8, 2, 10));
    }

    [Fact]
    public void Keys_PreferTheDomain_AndNeverConfuseADomainWithAName()
    {
        Assert.Equal("d:acme.com", PsiKeys.For("acme.com", "acme", "de"));
        Assert.Equal("n:acme.com|", PsiKeys.For(null, "acme.com", null));
        Assert.Null(PsiKeys.For(null, null, null));
    }
}
