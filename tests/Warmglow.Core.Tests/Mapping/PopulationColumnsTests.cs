using Warmglow.Core.Csv;
using Warmglow.Core.Mapping;
using Warmglow.Core.Validation;
using CsvIo = Warmglow.Core.Csv.Csv;

namespace Warmglow.Core.Tests.Mapping;

public class CsvStreamReaderTests
{
    static async Task<(List<CsvRecord>, List<CsvSyntaxError>)> Stream(string text, int buffer)
    {
        var reader = new CsvStreamReader(new StringReader(text), buffer);
        var records = new List<CsvRecord>();
        var errors = new List<CsvSyntaxError>();
        while (true)
        {
            var (r, e) = await reader.ReadAsync();
            if (r is null && e is null) break;
            if (r is not null) records.Add(r);
            if (e is not null) errors.Add(e);
        }
        return (records, errors);
    }

    [Theory]
    [InlineData("name,website\nAcme,https://acme.example\nGlobex,")]
    [InlineData("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\r\nlast,\"multi\nline\"\n")]
    [InlineData("a\n\"\"\n\nb")]
    [InlineData("a,b\nbad\"quote,1\ngood,2\n\"never closed,3\n")]
    [InlineData("a,b\n\"x\"y,1\nok,'=SUM(1)\n")]
    [InlineData("\r\r\na\rb\r")]
    public async Task Streaming_GivesTheSameRecordsAndErrorsAsParse_WhateverTheBufferSize(string text)
    {
        var (records, errors) = CsvIo.Parse(text);
        foreach (var size in new[] { 1, 2, 3, 7, 4096 })
        {
            var (r, e) = await Stream(text, size);
            Assert.Equal(records.Select(x => (x.Line, string.Join("|", x.Fields))), r.Select(x => (x.Line, string.Join("|", x.Fields))));
            Assert.Equal(errors.Select(x => x.Line), e.Select(x => x.Line));
        }
    }
}

public class PopulationColumnsTests
{
    [Fact]
    public void Salesforce_And_HubSpot_Headers_AreRecognized()
    {
        var errors = new FieldErrors();
        var sf = PopulationColumns.Resolve(["Account Name", "Website", "Billing Country", "Type", "Account Owner"], null, errors)!;
        Assert.Equal(new ColumnMap(ExportFormat.Salesforce, 0, 1, 2, 3, 4), sf);
        var hs = PopulationColumns.Resolve(["Record ID", "Company name", "Company Domain Name", "Country/Region", "Lifecycle Stage"], null, errors)!;
        Assert.Equal(new ColumnMap(ExportFormat.Hubspot, 1, 2, 3, 4, -1), hs);
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void UnknownFile_WithoutMapping_IsRefused_AndAMappingToNothingIsNamed()
    {
        var errors = new FieldErrors();
        Assert.Null(PopulationColumns.Resolve(["Org", "URL"], null, errors));
        Assert.Contains("neither a company name nor a website column", errors.ToString());

        errors = new FieldErrors();
        Assert.Null(PopulationColumns.Resolve(["Org", "URL"], new Dictionary<PopulationField, string> { [PopulationField.Website] = "Homepage" }, errors));
        Assert.Contains("\"Homepage\", which the file does not have", errors.ToString());

        errors = new FieldErrors();
        Assert.Null(PopulationColumns.Resolve(["Org", "URL", "Land"], new Dictionary<PopulationField, string> { [PopulationField.Country] = "Land" }, errors));
        Assert.Contains("needs a column for the company name or the website", errors.ToString());

        errors = new FieldErrors();
        var map = PopulationColumns.Resolve(["Org", "URL", "Land"], new Dictionary<PopulationField, string>
            { [PopulationField.Name] = "org", [PopulationField.Website] = " URL ", [PopulationField.Country] = "Land" }, errors)!;
        Assert.Equal(new ColumnMap(ExportFormat.Mapped, 0, 1, 2, -1, -1), map);
    }

    [Fact]
    public void Rows_NormalizeDomains_MergeByKey_AndRefuseRowsWithNothingToMatchOn()
    {
        var map = new ColumnMap(ExportFormat.Salesforce, 0, 1, 2, -1, -1);
        var errors = new FieldErrors();
        var acme = PopulationColumns.Read(2, ["Acme Ltd", "https://www.Acme.co.uk/about", "United Kingdom"], map, errors)!;
        Assert.Equal("acme.co.uk", acme.Key.Domain);
        Assert.Equal("GB", acme.Key.Country);
        Assert.Equal("d:acme.co.uk", acme.MergeKey);
        var again = PopulationColumns.Read(3, ["ACME", "acme.co.uk", ""], map, errors)!;
        Assert.Equal(acme.MergeKey, again.MergeKey);
        var noDomain = PopulationColumns.Read(4, ["Globex GmbH", "", "Germany"], map, errors)!;
        Assert.Equal("n:globex|DE", noDomain.MergeKey);
        var freeMail = PopulationColumns.Read(5, ["Initech", "bob@gmail.com", "US"], map, errors)!;
        Assert.Null(freeMail.Key.Domain);
        Assert.True(errors.IsEmpty);

        Assert.Null(PopulationColumns.Read(6, ["", "", "US"], map, errors));
        Assert.Null(PopulationColumns.Read(7, ["", "https://gmail.com", "US"], map, errors));
        Assert.Null(PopulationColumns.Read(8, [new string('x', 201), "x.com", ""], map, errors));
        var d = errors.ToDictionary();
        Assert.Contains("neither a company name nor a website", d["row 6"][0]);
        Assert.Contains("not a company domain", d["row 7"][0]);
        Assert.Contains("at most 200", d["row 8"][0]);
    }
}
