using System.Globalization;
using System.Text;
using Warmglow.Core.Csv;
using Warmglow.Core.Validation;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Revenue;

/// <summary>Reading the revenue-event CSV (columns key, kind, amount, currency, date, source, member); every problem is a "row N" error.</summary>
static class RevenueCsv
{
    public static async Task<string> ReadUtf8Async(Stream stream, int maxBytes, string[] headers, CancellationToken ct)
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

    public static List<(int Line, EventInput Input)> ParseEvents(string text, string[] headers, FieldErrors errors)
    {
        var rows = new List<(int, EventInput)>();
        var (records, syntax) = Csv.Parse(text);
        foreach (var e in syntax) errors.Add($"row {e.Line}", e.Message);
        if (records.Count == 0 || records[0].Line != 1)
        {
            if (syntax.All(e => e.Line != 1)) errors.Add("file", "has no header row. Expected: " + string.Join(",", headers));
            return rows;
        }
        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var required = headers.Where(h => h != "member" && h != "kind").ToArray();
        var missing = required.Where(h => !header.Contains(h)).ToList();
        var unknown = header.Where(h => !headers.Contains(h)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0) parts.Add("missing column(s): " + string.Join(", ", missing));
            if (unknown.Count > 0) parts.Add("unknown column(s): " + string.Join(", ", unknown.Select(u => $"'{u}'")));
            errors.Add("header", $"{string.Join("; ", parts)}. Expected: {string.Join(",", headers)}");
            return rows;
        }
        var index = headers.ToDictionary(h => h, h => Array.IndexOf(header, h));
        foreach (var record in records.Skip(1))
        {
            var (line, fields) = (record.Line, record.Fields);
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            if (fields.Count != header.Length)
            {
                errors.Add($"row {line}", $"has {fields.Count} fields; the header has {header.Length}. Check for a missing or extra comma.");
                continue;
            }
            string? F(string name) => index[name] < 0 ? null : FieldRules.Clean(fields[index[name]]);
            var ok = true;
            decimal? amount = null;
            if (F("amount") is { } a)
            {
                if (decimal.TryParse(a, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) amount = d;
                else { errors.Add($"row {line}", $"amount '{a}' is not a number; write it like 1234.50 (a dot for decimals, no thousands separators)."); ok = false; }
            }
            DateOnly? date = null;
            if (F("date") is { } ds)
            {
                if (DateOnly.TryParseExact(ds, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dd)) date = dd;
                else { errors.Add($"row {line}", $"date '{ds}' is not a date; write it as yyyy-MM-dd."); ok = false; }
            }
            RevenueKind? kind = null;
            if (F("kind") is { } ks)
            {
                if (Enum.TryParse<RevenueKind>(ks, true, out var k) && !int.TryParse(ks, out _)) kind = k;
                else { errors.Add($"row {line}", $"kind '{ks}' must be sale or refund."); ok = false; }
            }
            if (ok) rows.Add((line, new EventInput(F("key"), amount, F("currency"), date, F("source"), kind, F("member"))));
        }
        return rows;
    }
}
