using System.Text;

namespace Warmglow.Core.Csv;

/// <summary>
/// The strict RFC 4180 rules of <see cref="Csv.Parse"/>, one record at a time from a <see cref="TextReader"/>, so an
/// import of a million rows never holds the file in memory. A record with a syntax error is returned as an error (its
/// line) and reading goes on with the next record, as <see cref="Csv.Parse"/> does. Blank lines are skipped.
/// </summary>
public sealed class CsvStreamReader(TextReader reader, int bufferSize = 64 * 1024)
{
    readonly char[] _buffer = new char[bufferSize];
    int _pos, _len;
    bool _eof;
    int _line = 1;

    async ValueTask<int> PeekAsync()
    {
        if (_pos < _len) return _buffer[_pos];
        if (_eof) return -1;
        _len = await reader.ReadAsync(_buffer.AsMemory());
        _pos = 0;
        if (_len == 0) { _eof = true; return -1; }
        return _buffer[_pos];
    }

    /// <summary>The next record, or a syntax error, or (null, null) at the end of the input.</summary>
    public async ValueTask<(CsvRecord? Record, CsvSyntaxError? Error)> ReadAsync()
    {
        while (true)
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            var recordLine = _line;
            bool inQuotes = false, quoted = false, anyQuoted = false, any = false;
            string? broken = null;
            while (true)
            {
                var next = await PeekAsync();
                if (next < 0)
                {
                    if (inQuotes) return (null, new CsvSyntaxError(recordLine, "opens a quote that is never closed."));
                    if (!any) return (null, null);
                    break;
                }
                var c = (char)next;
                _pos++;
                any = true;
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (await PeekAsync() == '"') { field.Append('"'); _pos++; continue; }
                        inQuotes = false;
                        var after = await PeekAsync();
                        if (after >= 0 && after is not (',' or '\r' or '\n'))
                            broken ??= $"has text after a closing quote in field {fields.Count + 1}.";
                        continue;
                    }
                    if (c == '\n' || (c == '\r' && await PeekAsync() != '\n')) _line++;
                    field.Append(c);
                    continue;
                }
                if (c == ',') { End(); continue; }
                if (c is '\r' or '\n')
                {
                    if (c == '\r' && await PeekAsync() == '\n') _pos++;
                    _line++;
                    break;
                }
                if (c == '"' && field.Length == 0 && !quoted) { inQuotes = quoted = true; continue; }
                if (c == '"') { broken ??= $"has a quote inside unquoted field {fields.Count + 1}; wrap the field in quotes and double the inner quote (\"\")."; continue; }
                field.Append(c);
            }
            End();
            if (broken is not null) return (null, new CsvSyntaxError(recordLine, broken));
            var blank = fields.Count == 1 && fields[0].Length == 0 && !anyQuoted;
            if (blank) continue;
            return (new CsvRecord(recordLine, fields), null);

            void End()
            {
                fields.Add(Csv.Unneutralize(field.ToString()));
                field.Clear();
                anyQuoted |= quoted;
                quoted = false;
            }
        }
    }
}
