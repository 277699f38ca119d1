using System.Text;

namespace Warmglow.Web.Infrastructure;

/// <summary>Reads an uploaded CSV file the same way for every import: size-capped, strict UTF-8 (BOM allowed), never empty.</summary>
public static class CsvUpload
{
    public static async Task<string> ReadUtf8Async(Stream stream, int maxBytes, IReadOnlyList<string> headers, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) throw ValidationFailed.For("file", $"is larger than {maxBytes / 1024 / 1024} MB.");
        }
        if (buffer.Length == 0) throw ValidationFailed.For("file", "is empty. Expected a header row: " + string.Join(",", headers));
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray()).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            throw ValidationFailed.For("file", $"is not valid UTF-8 (bad byte at position {e.Index}). Save it as 'CSV UTF-8' and upload again.");
        }
    }
}
