using Warmglow.Core.Csv;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Tests;

public class CsvTableTests
{
    static readonly string[] Columns = ["key", "amount", "note"];

    [Fact]
    public void Rows_ReadByColumnName_InAnyOrder_BlankCellsAndOptionalColumnsAreNull()
    {
        var errors = new FieldErrors();
        var rows = CsvTable.Read("Amount,KEY\n 12.50 ,a\n\n7,\n", Columns, ["note"], errors);
        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal([2, 4], rows.Select(r => r.Line));
        Assert.Equal(("a", "12.50", (string?)null), (rows[0]["key"], rows[0]["amount"], rows[0]["note"]));
        Assert.Null(rows[1]["key"]);
    }

    [Theory]
    [InlineData("amount\n1\n", "header", "missing column(s): key")]
    [InlineData("key,amount,colour\na,1,red\n", "header", "unknown column(s): 'colour'")]
    [InlineData("", "file", "has no header row")]
    [InlineData("key,amount\na,1,extra\n", "row 2", "has 3 fields; the header has 2")]
    public void BadTables_AreRefused_WithTheFieldThatIsWrong(string text, string field, string message)
    {
        var errors = new FieldErrors();
        var rows = CsvTable.Read(text, Columns, ["note"], errors);
        Assert.Empty(rows);
        Assert.Contains(message, string.Join(" ", errors.ToDictionary()[field]));
    }
}
