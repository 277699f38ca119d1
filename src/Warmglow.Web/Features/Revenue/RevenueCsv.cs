using System.Globalization;
using System.Text;
using Warmglow.Core.Csv;
using Warmglow.Core.Validation;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Revenue;

/// <summary>Reading the revenue-event CSV (columns key, kind, amount, currency, date, source, member); every problem is a "row N" error.</summary>
static class RevenueCsv
{
    public static List<(int Line, EventInput Input)> ParseEvents(string text, string[] headers, FieldErrors errors)
    {
        var rows = new List<(int, EventInput)>();
        foreach (var row in CsvTable.Read(text, headers, ["member", "kind"], errors))
        {
            var line = row.Line;
            string? F(string name) => row[name];
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
