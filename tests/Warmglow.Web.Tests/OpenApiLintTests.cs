using System.Diagnostics;
using System.Net;

namespace Warmglow.Web.Tests;

/// <summary>
/// The OpenAPI document, fetched anonymously (it is public), is lint-clean under Redocly CLI's recommended rules
/// (the version pinned in tools/openapi-lint/package.json, configured by tools/openapi-lint/redocly.yaml).
/// Without node/npm the test skips on a laptop and fails when CI=true.
/// </summary>
public sealed class OpenApiLintTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    static readonly bool Ci = Environment.GetEnvironmentVariable("CI") == "true";

    static string LintDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Warmglow.slnx"))) return Path.Combine(dir.FullName, "tools", "openapi-lint");
        throw new InvalidOperationException("Could not find the repository root (Warmglow.slnx) above " + AppContext.BaseDirectory);
    }

    static (int Code, string Output) Run(string file, string arguments, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} {arguments} did not finish within {timeout}");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The redocly binary, installed by `npm ci` if needed; null (with the reason) when that is impossible.</summary>
    static (string? Redocly, string? Unavailable) Redocly(string directory)
    {
        var bin = Path.Combine(directory, "node_modules", ".bin", "redocly");
        if (File.Exists(bin)) return (bin, null);
        try
        {
            var (code, output) = Run("npm", "ci --no-audit --no-fund", directory, TimeSpan.FromMinutes(5));
            if (code == 0 && File.Exists(bin)) return (bin, null);
            return (null, $"`npm ci` in {directory} failed ({code}): {output[^Math.Min(output.Length, 2000)..]}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"npm is not installed ({e.Message}).");
        }
    }

    [SkippableFact]
    public async Task OpenApiDocument_IsPublic_AndLintCleanUnderRedocly()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();

        var directory = LintDirectory();
        var (redocly, unavailable) = Redocly(directory);
        if (redocly is null)
        {
            if (Ci) Assert.Fail($"CI=true and Redocly CLI is unavailable: {unavailable}");
            Skip.If(true, unavailable);
        }

        var file = Path.Combine(Path.GetTempPath(), $"warmglow-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            var (code, output) = Run(redocly!, $"lint \"{file}\" --config redocly.yaml --format stylish --max-problems 200", directory, TimeSpan.FromMinutes(3));
            Assert.True(code == 0, $"redocly lint found problems (exit {code}):\n{output}");
            Assert.Contains("valid", output);
            Assert.DoesNotContain("warning", output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
