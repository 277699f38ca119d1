using Warmglow.Web.Infrastructure;
using System.Diagnostics;

namespace Warmglow.Web.Features.Reports;

/// <summary>
/// Prints a report's standalone HTML to PDF with headless Chromium, when it is installed (Debian: <c>apt-get install
/// chromium</c>). <c>Reports:Chromium</c> names the executable; otherwise the usual names are looked up on the PATH. The
/// page is written to a private temporary folder and printed from there, so Chromium needs no access to Warmglow itself
/// (no cookie, no network). Without Chromium the report page prints from any browser.
/// </summary>
public sealed class PdfPrinter(IConfiguration config, ILogger<PdfPrinter> log)
{
    static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>The Chromium executable, or null when none is installed.</summary>
    public string? Executable
    {
        get
        {
            if (config["Reports:Chromium"] is { Length: > 0 } configured) return File.Exists(configured) ? configured : null;
            var path = Environment.GetEnvironmentVariable("PATH") ?? "";
            return Names.SelectMany(n => path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, n)))
                .FirstOrDefault(File.Exists);
        }
    }

    public bool Available => Executable is not null;

    /// <summary>The PDF of <paramref name="html"/>; a <see cref="Conflict"/> when Chromium is missing or fails.</summary>
    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        var exe = Executable ?? throw new Conflict("PDF downloads need Chromium on the server (apt-get install chromium). Print the report page from your browser instead: it is laid out for paper.");
        var dir = Directory.CreateTempSubdirectory("warmglow-report-");
        try
        {
            var page = Path.Combine(dir.FullName, "report.html");
            var pdf = Path.Combine(dir.FullName, "report.pdf");
            await File.WriteAllTextAsync(page, html, ct);
            var psi = new ProcessStartInfo(exe)
            {
                RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
                ArgumentList =
                {
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                    "--disable-background-networking", "--no-pdf-header-footer", "--hide-scrollbars",
                    $"--user-data-dir={Path.Combine(dir.FullName, "profile")}", $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri,
                },
            };
            using var process = Process.Start(psi) ?? throw new Conflict("Chromium could not be started to make the PDF.");
            var stderr = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (ct.IsCancellationRequested) throw;
                throw new Conflict("Making the PDF took too long. Print the report page from your browser instead.");
            }
            if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
            {
                log.LogWarning("Chromium made no PDF (exit {Code}): {Error}", process.ExitCode, await stderr);
                throw new Conflict("The PDF could not be made. Print the report page from your browser instead.");
            }
            return await File.ReadAllBytesAsync(pdf, ct);
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { /* Chromium may still hold its profile for a moment */ }
        }
    }
}
