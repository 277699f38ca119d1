using System.Text;

namespace Warmglow.Core.Csv;

/// <summary>A parsed CSV record and the 1-based line of the file it starts on.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A problem in the CSV syntax itself, at a 1-based line.</summary>
public sealed record CsvSyntaxError(int Line, string Message);

/// <summary>
/// A strict RFC 4180 reader and writer. Strict on purpose: an import must refuse a file it cannot read
/// unambiguously (a stray quote, a quote never closed) instead of guessing and importing garbage.
/// The writer also neutralizes formulas (CSV injection, see <see cref="Neutralize"/> and docs/decisions/0004-csv.md);
/// the reader undoes exactly that, so write → read gives back every value.
/// </summary>
public static partial class Csv
{
    /// <summary>
    /// A cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return, OWASP's list)
    /// gets a leading single quote, so it shows as text. A plain negative number (-12.50) is left alone: spreadsheets
    /// read it as a number, never a formula. Cells that already start with quotes before such a character get one more,
    /// so that <see cref="Unneutralize"/> (one quote off) is its exact inverse.
    /// </summary>
    public static string Neutralize(string value) =>
        FormulaLike().IsMatch(value) && !PlainNegativeNumber().IsMatch(value) ? "'" + value : value;

    /// <summary>The inverse of <see cref="Neutralize"/>: one leading quote off a cell that has quotes before a formula character.</summary>
    public static string Unneutralize(string value) => QuotedFormula().IsMatch(value) ? value[1..] : value;

    [System.Text.RegularExpressions.GeneratedRegex("^'*[=+\\-@\t\r]")]
    private static partial System.Text.RegularExpressions.Regex FormulaLike();

    [System.Text.RegularExpressions.GeneratedRegex("^'+[=+\\-@\t\r]")]
    private static partial System.Text.RegularExpressions.Regex QuotedFormula();

    [System.Text.RegularExpressions.GeneratedRegex("^-[0-9]+(\\.[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex PlainNegativeNumber();

    public static (List<CsvRecord> Records, List<CsvSyntaxError> Errors) Parse(string text)
    {
        var records = new List<CsvRecord>();
        var errors = new List<CsvSyntaxError>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1, i = 0;
        bool inQuotes = false, quoted = false, recordBroken = false;

        bool anyQuoted = false;

        void EndField()
        {
            fields.Add(Unneutralize(field.ToString()));
            field.Clear();
            anyQuoted |= quoted;
            quoted = false;
        }

        void EndRecord()
        {
            EndField();
            // A blank line is skipped; a line holding only "" is a record with one empty field.
            var blank = fields.Count == 1 && fields[0].Length == 0 && !anyQuoted;
            if (!recordBroken && !blank) records.Add(new CsvRecord(recordLine, fields.ToList()));
            anyQuoted = false;
            fields.Clear();
            recordBroken = false;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                    inQuotes = false;
                    i++;
                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        Broken($"has text after a closing quote in field {fields.Count + 1}.");
                    }
                    continue;
                }
                // Count line breaks inside quotes the way they are counted outside: CRLF, LF or a lone CR.
                if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) line++;
                field.Append(c);
                i++;
                continue;
            }
            switch (c)
            {
                case ',':
                    EndField();
                    i++;
                    break;
                case '\r' or '\n':
                    EndRecord();
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    recordLine = line;
                    break;
                case '"' when field.Length == 0 && !quoted:
                    inQuotes = quoted = true;
                    i++;
                    break;
                case '"':
                    Broken($"has a quote inside unquoted field {fields.Count + 1}; wrap the field in quotes and double the inner quote (\"\").");
                    i++;
                    break;
                default:
                    field.Append(c);
                    i++;
                    break;
            }
        }
        if (inQuotes)
        {
            errors.Add(new CsvSyntaxError(recordLine, "opens a quote that is never closed."));
            recordBroken = true;
        }
        if (field.Length > 0 || fields.Count > 0 || quoted) EndRecord();
        return (records, errors);

        void Broken(string message)
        {
            if (!recordBroken) errors.Add(new CsvSyntaxError(recordLine, message));
            recordBroken = true;
        }
    }

    /// <summary>One cell as written: neutralized (see <see cref="Neutralize"/>), quoted when needed and always when neutralized.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var safe = Neutralize(value);
        if (safe.Length != value.Length) return $"\"{safe.Replace("\"", "\"\"")}\"";
        var needsQuotes = value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value[0] == ' ' || value[^1] == ' ';
        return needsQuotes ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    public static void WriteRecord(StringBuilder sb, IEnumerable<string?> fields)
    {
        var list = fields.ToList();
        // One empty field alone would be a blank line, which readers skip: quote it.
        if (list.Count == 1 && string.IsNullOrEmpty(list[0])) sb.Append("\"\"");
        else sb.AppendJoin(',', list.Select(Escape));
        sb.Append("\r\n");
    }
}
