using Warmglow.Core.Csv;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Mapping;

/// <summary>
/// Reads a CRM export the same way wherever one is uploaded (account mapping's populations, the referrals module's own
/// customers and opportunities): the header and its column map, then each row's rules and keys, one row in memory at a
/// time. Syntax and rule errors go into the caller's <see cref="FieldErrors"/> row by row (at most
/// <see cref="MaxRowErrors"/> listed), and <see cref="Finish"/> adds the file-level ones.
/// </summary>
public sealed class PopulationCsv
{
    public const int MaxRowErrors = 50;

    readonly CsvStreamReader _csv;
    readonly FieldErrors _errors;

    PopulationCsv(CsvStreamReader csv, FieldErrors errors, IReadOnlyList<string> columns, ColumnMap map) =>
        (_csv, _errors, Columns, Map) = (csv, errors, columns, map);

    /// <summary>The header's column names, trimmed (and without a byte-order mark).</summary>
    public IReadOnlyList<string> Columns { get; }
    public ColumnMap Map { get; }
    /// <summary>Data rows read so far, good or bad.</summary>
    public int Rows { get; private set; }
    /// <summary>Rows with an error so far, listed or not.</summary>
    public int RowErrors { get; private set; }

    /// <summary>Reads the header; null when it cannot be used, the reason then in <paramref name="errors"/> ("file" or the column fields).</summary>
    public static async Task<PopulationCsv?> OpenAsync(TextReader text, IReadOnlyDictionary<PopulationField, string>? mapping, FieldErrors errors)
    {
        var csv = new CsvStreamReader(text);
        var (header, headerError) = await csv.ReadAsync();
        if (headerError is not null)
        {
            errors.Add("file", $"has a header row that cannot be read: it {headerError.Message}");
            return null;
        }
        if (header is null)
        {
            errors.Add("file", "is empty. Expected a header row, for example: Account Name,Website,Billing Country,Type.");
            return null;
        }
        var columns = header.Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToList();
        var map = PopulationColumns.Resolve(columns, mapping, errors);
        return map is null ? null : new PopulationCsv(csv, errors, columns, map);
    }

    /// <summary>Every row that passes the rules, in file order; the others are recorded as errors and skipped.</summary>
    public async IAsyncEnumerable<PopulationRow> RowsAsync()
    {
        while (true)
        {
            var (record, syntax) = await _csv.ReadAsync();
            if (record is null && syntax is null) yield break;
            Rows++;
            if (syntax is not null)
            {
                Fail($"row {syntax.Line}", syntax.Message);
                continue;
            }
            var here = new FieldErrors();
            var row = PopulationColumns.Read(record!.Line, record.Fields, Map, here);
            if (row is null)
            {
                RowErrors++;
                foreach (var (field, messages) in here.ToDictionary())
                    foreach (var m in messages)
                        if (RowErrors <= MaxRowErrors) _errors.Add(field, m);
                continue;
            }
            yield return row;
        }
    }

    void Fail(string field, string message)
    {
        if (++RowErrors <= MaxRowErrors) _errors.Add(field, message);
    }

    /// <summary>The file-level errors, once every row is read: too many bad rows to list, or no data rows at all.</summary>
    public void Finish()
    {
        if (RowErrors > MaxRowErrors) _errors.Add("file", $"has {RowErrors} rows with errors; the first {MaxRowErrors} are listed.");
        if (Rows == 0) _errors.Add("file", "has a header row but no data rows.");
    }
}
