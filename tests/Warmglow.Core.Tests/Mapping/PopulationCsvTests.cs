using Warmglow.Core.Mapping;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Tests.Mapping;

public class PopulationCsvTests
{
    static async Task<(PopulationCsv? Csv, List<PopulationRow> Rows, FieldErrors Errors)> Read(string text)
    {
        var errors = new FieldErrors();
        var csv = await PopulationCsv.OpenAsync(new StringReader(text), null, errors);
        var rows = new List<PopulationRow>();
        if (csv is not null)
        {
            await foreach (var r in csv.RowsAsync()) rows.Add(r);
            csv.Finish();
        }
        return (csv, rows, errors);
    }

    [Fact]
    public async Task GoodRowsComeThrough_BadOnesAreNamedByRow_AndCounted()
    {
        var (csv, rows, errors) = await Read("Account Name,Website,Billing Country\nAcme,acme.com,Germany\n,gmail.com,DE\nBeta GmbH,https://www.beta.de/about,DE\n");
        Assert.NotNull(csv);
        Assert.Equal(ExportFormat.Salesforce, csv.Map.Format);
        Assert.Equal(["Account Name", "Website", "Billing Country"], csv.Columns);
        Assert.Equal(["acme.com", "beta.de"], rows.Select(r => r.Key.Domain));
        Assert.Equal((3, 1), (csv.Rows, csv.RowErrors));
        Assert.Contains("not a company domain", Assert.Single(errors.ToDictionary()["row 3"]));
    }

    [Fact]
    public async Task AnEmptyFile_OrAHeaderWithoutRows_IsAFileError()
    {
        var (csv, _, errors) = await Read("");
        Assert.Null(csv);
        Assert.Contains("is empty", errors.ToDictionary()["file"][0]);

        (csv, _, errors) = await Read("Account Name,Website\n");
        Assert.NotNull(csv);
        Assert.Equal("has a header row but no data rows.", errors.ToDictionary()["file"][0]);
    }

    [Fact]
    public async Task TooManyBadRows_AreCountedButListedOnlyUpToTheLimit()
    {
        var lines = string.Concat(Enumerable.Range(0, PopulationCsv.MaxRowErrors + 5).Select(_ => ",\n"));
        var (csv, rows, errors) = await Read("Account Name,Website\n" + lines);
        Assert.Empty(rows);
        Assert.True(csv!.RowErrors > PopulationCsv.MaxRowErrors);
        Assert.Contains(errors.ToDictionary()["file"], m => m.Contains($"the first {PopulationCsv.MaxRowErrors} are listed"));
    }
}
