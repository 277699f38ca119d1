using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace Warmglow.Web.Features.Revenue;

/// <summary>
/// A statement's lines as one compact value (docs/decisions/0008): gzip of a JSON array, one array per line:
/// <c>[eventId, "key", "yyyy-MM-dd", "source", "member"|null, amount, adjustment, [share, …]]</c>, amounts as exact
/// JSON decimals. Written once when the statement is issued; read back whole for the statement page, print and CSV.
/// </summary>
public static class StatementLineCodec
{
    public static byte[] Encode(IEnumerable<(RevenueEntry Event, bool Adjustment, decimal[] Shares)> lines)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new Utf8JsonWriter(gzip))
        {
            Span<char> date = stackalloc char[10];
            w.WriteStartArray();
            foreach (var (e, adjustment, shares) in lines)
            {
                w.WriteStartArray();
                w.WriteNumberValue(e.Id);
                w.WriteStringValue(e.Key);
                e.Date.TryFormat(date, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                w.WriteStringValue(date[..n]);
                w.WriteStringValue(e.Source);
                if (e.MemberId is null) w.WriteNullValue(); else w.WriteStringValue(e.MemberId);
                w.WriteNumberValue(e.Amount);
                w.WriteBooleanValue(adjustment);
                w.WriteStartArray();
                foreach (var s in shares) w.WriteNumberValue(s);
                w.WriteEndArray();
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        return buffer.ToArray();
    }

    public static List<StatementLineDto> Decode(byte[] data)
    {
        using var json = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress)) gzip.CopyTo(json);
        using var doc = JsonDocument.Parse(json.GetBuffer().AsMemory(0, (int)json.Length));
        var lines = new List<StatementLineDto>(doc.RootElement.GetArrayLength());
        foreach (var l in doc.RootElement.EnumerateArray())
        {
            var shares = l[7];
            var parts = new decimal[shares.GetArrayLength()];
            var i = 0;
            foreach (var s in shares.EnumerateArray()) parts[i++] = s.GetDecimal();
            lines.Add(new StatementLineDto(l[0].GetInt32(), l[1].GetString()!,
                DateOnly.ParseExact(l[2].GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture), l[3].GetString()!,
                l[4].ValueKind == JsonValueKind.Null ? null : l[4].GetString(), l[5].GetDecimal(), l[6].GetBoolean(), parts));
        }
        return lines;
    }
}
