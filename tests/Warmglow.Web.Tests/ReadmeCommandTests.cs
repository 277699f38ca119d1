using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Warmglow.Web.Tests;

/// <summary>
/// The README's first command, as a person runs it: the real program, a fresh SQLite file, <c>--demo</c>. It must load
/// the demo and answer. (In-process test hosts share state that a first start does not have: the data-protection key
/// ring, for one, which a demo contributor once created inside the demo's own SQLite transaction and deadlocked on.)
/// </summary>
public sealed class ReadmeCommandTests
{
    [Fact]
    public async Task FreshDatabase_WithDemo_LoadsTheDemo_AndOpensSetup()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Warmglow.slnx"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Warmglow.slnx not found above the test binaries.");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // …/bin/<Configuration>/net10.0
        var web = Path.Combine(root, "src", "Warmglow.Web");
        var dll = Path.Combine(web, "bin", configuration, "net10.0", "Warmglow.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is built with the solution");

        var dir = Directory.CreateTempSubdirectory("warmglow-readme-");
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; }
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--demo" }) start.ArgumentList.Add(a);
        start.Environment["ConnectionStrings__Warmglow"] = $"Data Source={Path.Combine(dir.FullName, "warmglow.db")}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var output = new StringBuilder();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
            HttpResponseMessage? home = null;
            for (var deadline = DateTime.UtcNow.AddMinutes(4); DateTime.UtcNow < deadline && !process.HasExited;)
            {
                try { home = await http.GetAsync($"http://127.0.0.1:{port}/"); break; }
                catch (HttpRequestException) { await Task.Delay(500); }
                catch (TaskCanceledException) { }
            }
            string log;
            lock (output) log = output.ToString();
            Assert.False(process.HasExited, $"The program stopped:\n{log}");
            Assert.NotNull(home);
            Assert.Equal(HttpStatusCode.Redirect, home!.StatusCode);
            Assert.Equal("/Setup", home.Headers.Location?.OriginalString);
            Assert.Contains("--demo: loaded 20 partners", log);
            Assert.DoesNotContain("Unhandled exception", log);
        }
        finally
        {
            if (!process.HasExited) { process.Kill(entireProcessTree: true); await process.WaitForExitAsync(); }
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }
}
