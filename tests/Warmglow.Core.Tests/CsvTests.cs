using System.Text;
using Warmglow.Core.Csv;
using CsvIo = Warmglow.Core.Csv.Csv;

namespace Warmglow.Core.Tests;

public class CsvTests
{
    static List<string[]> Fields(List<CsvRecord> records) => records.Select(r => r.Fields.ToArray()).ToList();

    // ---- parsing well-formed input ----

    [Fact]
    public void Parse_SimpleRows_ReturnsFieldsAndLines()
    {
        var (records, errors) = CsvIo.Parse("name,website\nAcme,https://acme.example\nGlobex,");

        Assert.Empty(errors);
        Assert.Equal([["name", "website"], ["Acme", "https://acme.example"], ["Globex", ""]], Fields(records));
        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
    }

    [Fact]
    public void Parse_EmptyText_HasNoRecordsAndNoErrors()
    {
        var (records, errors) = CsvIo.Parse("");

        Assert.Empty(records);
        Assert.Empty(errors);
    }

    [Fact]
    public void Parse_KeepsSpacesAndEmptyFields()
    {
        var (records, errors) = CsvIo.Parse(" a , b ,,\n");

        Assert.Empty(errors);
        Assert.Equal([[" a ", " b ", "", ""]], Fields(records));
    }

    [Fact]
    public void Parse_QuotedFieldWithComma_IsOneField()
    {
        var (records, errors) = CsvIo.Parse("\"Acme, Inc.\",EU\n");

        Assert.Empty(errors);
        Assert.Equal([["Acme, Inc.", "EU"]], Fields(records));
    }

    [Fact]
    public void Parse_DoubledQuoteInsideQuotedField_IsOneQuote()
    {
        var (records, errors) = CsvIo.Parse("\"She said \"\"hi\"\"\",x\n\"\"\"\"\n");

        Assert.Empty(errors);
        Assert.Equal([["She said \"hi\"", "x"], ["\""]], Fields(records));
    }

    [Fact]
    public void Parse_EmptyQuotedFields_AreEmptyStrings()
    {
        var (records, errors) = CsvIo.Parse("\"\",\"\",x");

        Assert.Empty(errors);
        Assert.Equal([["", "", "x"]], Fields(records));
    }

    [Fact]
    public void Parse_EmbeddedNewline_IsKept_AndNextRecordLineAccountsForIt()
    {
        var (records, errors) = CsvIo.Parse("a,\"line one\nline two\nline three\"\nb,c\n");

        Assert.Empty(errors);
        Assert.Equal([["a", "line one\nline two\nline three"], ["b", "c"]], Fields(records));
        Assert.Equal([1, 4], records.Select(r => r.Line));
    }

    [Fact]
    public void Parse_EmbeddedCrLf_IsKept_AndCountsAsOneLine()
    {
        var (records, errors) = CsvIo.Parse("a,\"x\r\ny\"\r\nb,c\r\n");

        Assert.Empty(errors);
        Assert.Equal([["a", "x\r\ny"], ["b", "c"]], Fields(records));
        Assert.Equal([1, 3], records.Select(r => r.Line));
    }

    // A lone CR ends a record outside quotes (and counts as a line there), so it is a line break
    // inside a quoted field too: the next record starts on line 3.
    [Fact]
    public void Parse_LoneCrInsideQuotedField_CountsAsALineForTheNextRecord()
    {
        var (records, errors) = CsvIo.Parse("a,\"x\ry\"\rb,c\r");

        Assert.Empty(errors);
        Assert.Equal([["a", "x\ry"], ["b", "c"]], Fields(records));
        Assert.Equal([1, 3], records.Select(r => r.Line));
    }

    [Theory]
    [InlineData("a,b\r\nc,d\r\ne,f")]
    [InlineData("a,b\nc,d\ne,f")]
    [InlineData("a,b\rc,d\re,f")]
    [InlineData("a,b\r\nc,d\ne,f\r\n")]
    public void Parse_CrLfLfAndCrLineEndings_AllWork(string text)
    {
        var (records, errors) = CsvIo.Parse(text);

        Assert.Empty(errors);
        Assert.Equal([["a", "b"], ["c", "d"], ["e", "f"]], Fields(records));
        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
    }

    [Theory]
    [InlineData("a,b\n")]
    [InlineData("a,b\r\n")]
    [InlineData("a,b")]
    public void Parse_TrailingNewline_DoesNotCreateAnEmptyRecord(string text)
    {
        var (records, errors) = CsvIo.Parse(text);

        Assert.Empty(errors);
        Assert.Equal([["a", "b"]], Fields(records));
    }

    [Fact]
    public void Parse_BlankLines_AreSkipped_ButLinesStillCount()
    {
        var (records, errors) = CsvIo.Parse("\na,b\n\n\r\nc,d\n\n");

        Assert.Empty(errors);
        Assert.Equal([["a", "b"], ["c", "d"]], Fields(records));
        Assert.Equal([2, 5], records.Select(r => r.Line));
    }

    // ---- syntax errors ----

    [Fact]
    public void Parse_StrayQuoteInUnquotedField_IsOneErrorOnItsLine_AndThatRecordIsDropped()
    {
        var (records, errors) = CsvIo.Parse("a,b\nAcme 5\" screen,x\"y\nc,d\n");

        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("quote inside unquoted field 1", error.Message);
        Assert.Equal([["a", "b"], ["c", "d"]], Fields(records));
        Assert.Equal([1, 3], records.Select(r => r.Line));
    }

    [Fact]
    public void Parse_StrayQuoteAfterAMultiLineRecord_ReportsTheRightLine()
    {
        var (records, errors) = CsvIo.Parse("a,\"1\n2\"\nb,c\"d\ne,f");

        var error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("field 2", error.Message);
        Assert.Equal([1, 4], records.Select(r => r.Line));
    }

    [Fact]
    public void Parse_TextAfterClosingQuote_IsAnError_AndThatRecordIsDropped()
    {
        var (records, errors) = CsvIo.Parse("a,b\n\"Acme\" Inc,x\nc,d");

        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("after a closing quote in field 1", error.Message);
        Assert.Equal([["a", "b"], ["c", "d"]], Fields(records));
    }

    [Fact]
    public void Parse_TextAfterClosingQuoteInLaterField_NamesThatField()
    {
        var (_, errors) = CsvIo.Parse("x,y,\"z\"z");

        var error = Assert.Single(errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("field 3", error.Message);
    }

    [Fact]
    public void Parse_UnclosedQuoteAtEnd_IsAnErrorNamingTheLineTheRecordStarted()
    {
        var (records, errors) = CsvIo.Parse("a,b\nc,d\ne,\"never closed\nf,g\nh,i\n");

        var error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("never closed", error.Message);
        Assert.Equal([["a", "b"], ["c", "d"]], Fields(records));
    }

    [Fact]
    public void Parse_LoneQuote_IsAnUnclosedQuote()
    {
        var (records, errors) = CsvIo.Parse("\"");

        Assert.Empty(records);
        Assert.Equal(1, Assert.Single(errors).Line);
    }

    [Fact]
    public void Parse_SeveralBrokenRecords_EachGetOneError()
    {
        var (records, errors) = CsvIo.Parse("a\"b\"c\"\nok\n\"x\"y\"z\"\n");

        Assert.Equal([1, 3], errors.Select(e => e.Line));
        Assert.Equal([["ok"]], Fields(records));
    }

    // ---- writing ----

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\ronly", "\"cr\ronly\"")]
    [InlineData(" padded ", "\" padded \"")]
    [InlineData("Café Ñandú 東京", "Café Ñandú 東京")]
    public void Escape_QuotesOnlyWhenNeeded(string? value, string expected)
    {
        Assert.Equal(expected, CsvIo.Escape(value));
    }

    [Fact]
    public void WriteRecord_JoinsWithCommasAndEndsWithCrLf()
    {
        var sb = new StringBuilder();

        CsvIo.WriteRecord(sb, ["a", null, "b,c"]);
        CsvIo.WriteRecord(sb, ["d"]);

        Assert.Equal("a,,\"b,c\"\r\nd\r\n", sb.ToString());
    }

    public static TheoryData<string> TrickyValues() => new(
        "plain",
        "comma, inside",
        "\"quoted\"",
        "a \"quote\" in the middle",
        "\"",
        "\"\"",
        "ends with quote\"",
        "line\nbreak",
        "crlf\r\nbreak",
        "lone\rcr",
        "\n",
        " leading space",
        "trailing space ",
        "   ",
        "\ttab\t",
        "Café Ñandú 東京",
        "emoji 😀 👍🏽",
        ",\",\r\n\",",
        "=SUM(A1:A2)",
        "'single quotes'");

    [Theory]
    [MemberData(nameof(TrickyValues))]
    public void EscapeThenParse_RoundTripsTrickyValue(string value)
    {
        var sb = new StringBuilder();
        CsvIo.WriteRecord(sb, [value, value, "end"]);
        CsvIo.WriteRecord(sb, ["next", value]);

        var (records, errors) = CsvIo.Parse(sb.ToString());

        Assert.Empty(errors);
        Assert.Equal([[value, value, "end"], ["next", value]], Fields(records));
    }

    [Fact]
    public void EscapeThenParse_RoundTripsEmptyFieldsInMultiFieldRecords()
    {
        var sb = new StringBuilder();
        CsvIo.WriteRecord(sb, ["", ""]);
        CsvIo.WriteRecord(sb, [null, "x", null]);

        var (records, errors) = CsvIo.Parse(sb.ToString());

        Assert.Empty(errors);
        Assert.Equal([["", ""], ["", "x", ""]], Fields(records));
    }

    // A one-column export of an empty value writes a blank line, which Parse then skips.
    [Fact]
    public void WriteRecord_SingleEmptyField_RoundTripsThroughParse()
    {
        var sb = new StringBuilder();
        CsvIo.WriteRecord(sb, ["header"]);
        CsvIo.WriteRecord(sb, [""]);
        CsvIo.WriteRecord(sb, ["last"]);

        var (records, errors) = CsvIo.Parse(sb.ToString());

        Assert.Empty(errors);
        Assert.Equal([["header"], [""], ["last"]], Fields(records));
    }

    static readonly string[] Tokens =
    [
        "a", "b", "Z", "0", "9", " ", "  ", ",", "\"", "\"\"", "\n", "\r\n", "\t", "é", "Ñ", "東京", "😀", "'", ";", "=",
    ];

    static string RandomValue(Random rng)
    {
        var length = rng.Next(0, 7);
        var sb = new StringBuilder();
        for (var i = 0; i < length; i++) sb.Append(Tokens[rng.Next(Tokens.Length)]);
        return sb.ToString();
    }

    static List<string[]> RandomRecords(Random rng, int count)
    {
        var records = new List<string[]>();
        while (records.Count < count)
        {
            var fields = Enumerable.Range(0, rng.Next(1, 7)).Select(_ => RandomValue(rng)).ToArray();
            // A record of one empty field is indistinguishable from a blank line (see the test above).
            if (fields is [""]) continue;
            records.Add(fields);
        }
        return records;
    }

    [Fact]
    public void WriteThenParse_RoundTripsRandomRecords_WithCorrectLines()
    {
        var rng = new Random(42);
        var expected = RandomRecords(rng, 400);

        var sb = new StringBuilder();
        var expectedLines = new List<int>();
        foreach (var record in expected)
        {
            expectedLines.Add(1 + sb.ToString().Count(c => c == '\n'));
            CsvIo.WriteRecord(sb, record);
        }

        var (records, errors) = CsvIo.Parse(sb.ToString());

        Assert.Empty(errors);
        Assert.Equal(expected.Count, records.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], records[i].Fields);
            Assert.Equal(expectedLines[i], records[i].Line);
        }
    }

    [Fact]
    public void WriteThenParse_RoundTripsRandomRecords_OneAtATime_WithLfLineEnding()
    {
        var rng = new Random(42);
        foreach (var record in RandomRecords(rng, 300))
        {
            var text = string.Join(',', record.Select(CsvIo.Escape)) + "\n";

            var (records, errors) = CsvIo.Parse(text);

            Assert.Empty(errors);
            var parsed = Assert.Single(records);
            Assert.Equal(record, parsed.Fields);
            Assert.Equal(1, parsed.Line);
        }
    }
}

public class CsvInjectionTests
{
    // OWASP's CSV injection list: a cell starting with = + - @, a tab or a carriage return is a formula to a spreadsheet.
    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\"")]
    [InlineData("=HYPERLINK(\"https://evil.example\",\"click\")", "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\"")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0", "\"'@SUM(1+1)*cmd|' /C calc'!A0\"")]
    [InlineData("+cmd", "\"'+cmd\"")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\"")]
    [InlineData("\t=1+1", "\"'\t=1+1\"")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("+44 20 7946 0958", "\"'+44 20 7946 0958\"")]
    [InlineData("'=already quoted", "\"''=already quoted\"")]
    public void Escape_NeutralizesFormulas_WithAQuoteInsideAQuotedCell(string value, string expected)
    {
        Assert.Equal(expected, CsvIo.Escape(value));
    }

    [Theory]
    [InlineData("-12.50")]
    [InlineData("-7")]
    [InlineData("12.50")]
    [InlineData("a=b")]
    [InlineData("'quoted'")]
    [InlineData("user@example.com")]
    public void Escape_LeavesNumbersAndOrdinaryText_Alone(string value)
    {
        Assert.Equal(value, CsvIo.Escape(value));
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)")]
    [InlineData("+cmd")]
    [InlineData("-")]
    [InlineData("-12.50")]
    [InlineData("\ttab")]
    [InlineData("'=one quote")]
    [InlineData("''@two quotes")]
    [InlineData("'plain quote")]
    [InlineData("'")]
    public void WriteThenParse_GivesBackTheOriginalValue(string value)
    {
        var sb = new StringBuilder();
        CsvIo.WriteRecord(sb, ["name", value]);

        var (records, errors) = CsvIo.Parse(sb.ToString());

        Assert.Empty(errors);
        Assert.Equal(["name", value], Assert.Single(records).Fields);
    }

    [Fact]
    public void Parse_FileWrittenByASpreadsheetWithQuotedFormula_ReadsTheFormulaAsText()
    {
        var (records, _) = CsvIo.Parse("'=1+1,'+44 1,'plain\n");

        Assert.Equal(["=1+1", "+44 1", "'plain"], Assert.Single(records).Fields);
    }
}
