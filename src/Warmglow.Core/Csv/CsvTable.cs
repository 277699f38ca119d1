using Warmglow.Core.Validation;

namespace Warmglow.Core.Csv;

/// <summary>One data row of an imported table: its line in the file and its cells by column name.</summary>
public sealed class CsvRow(int line, IReadOnlyList<string> fields, IReadOnlyDictionary<string, int> index)
{
    public int Line { get; } = line;

    /// <summary>The trimmed cell of <paramref name="column"/>; null when the cell is blank or the column is absent.</summary>
    public string? this[string column] => index.TryGetValue(column, out var i) && i >= 0 ? FieldRules.Clean(fields[i]) : null;
}

/// <summary>
/// Reads a CSV import with a header row, the same way for every importer: syntax errors by row, the header checked
/// against the expected columns (missing required ones, unknown ones), every row's field count checked against the
/// header, blank rows skipped. Errors go to <paramref name="errors"/> as "file", "header" or "row N"; rows with the
/// wrong field count are reported and left out, so callers validate only well-formed rows.
/// </summary>
public static class CsvTable
{
    public static List<CsvRow> Read(string text, IReadOnlyList<string> columns, IReadOnlyCollection<string> optional, FieldErrors errors)
    {
        var rows = new List<CsvRow>();
        var expected = string.Join(",", columns);
        var (records, syntax) = Csv.Parse(text);
        foreach (var e in syntax) errors.Add($"row {e.Line}", e.Message);
        if (records.Count == 0 || records[0].Line != 1)
        {
            if (syntax.All(e => e.Line != 1)) errors.Add("file", "has no header row. Expected: " + expected);
            return rows;
        }
        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = columns.Where(c => !optional.Contains(c) && !header.Contains(c)).ToList();
        var unknown = header.Where(h => !columns.Contains(h)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0) parts.Add("missing column(s): " + string.Join(", ", missing));
            if (unknown.Count > 0) parts.Add("unknown column(s): " + string.Join(", ", unknown.Select(u => $"'{u}'")));
            errors.Add("header", $"{string.Join("; ", parts)}. Expected: {expected}");
            return rows;
        }
        var index = columns.ToDictionary(c => c, c => Array.IndexOf(header, c));
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace)) continue;
            if (record.Fields.Count != header.Length)
            {
                errors.Add($"row {record.Line}", $"has {record.Fields.Count} fields; the header has {header.Length}. Check for a missing or extra comma.");
                continue;
            }
            rows.Add(new CsvRow(record.Line, record.Fields, index));
        }
        return rows;
    }
}
