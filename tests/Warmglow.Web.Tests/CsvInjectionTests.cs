using System.Text;
using Warmglow.Core.Csv;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Revenue;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteCsvInjectionTests(SqliteApp app) : CsvInjectionTests<SqliteApp>(app);
public sealed class PostgresCsvInjectionTests(PostgresApp app) : CsvInjectionTests<PostgresApp>(app);

/// <summary>Every CSV export neutralizes formulas (OWASP CSV injection), and export → import stays lossless.</summary>
public abstract class CsvInjectionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    static readonly string[] Formulas = ["=cmd|' /C calc'!A0", "=HYPERLINK(\"https://evil.example\",\"x\")", "@SUM(1+1)", "+cmd"];

    void Ready() => Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);

    static MultipartFormDataContent CsvFile(byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", "partners.csv");
        return form;
    }

    /// <summary>Every raw cell of the file (no unquoting of our neutralization: what a spreadsheet would see).</summary>
    static List<string> RawCells(string csv)
    {
        var cells = new List<string>();
        foreach (var line in csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
            cells.AddRange(line.Split(','));
        return cells;
    }

    static void AssertNoCellStartsAFormula(string csv)
    {
        foreach (var cell in RawCells(csv))
        {
            var text = cell.StartsWith('"') ? cell[1..] : cell;
            if (text.Length == 0 || System.Text.RegularExpressions.Regex.IsMatch(text, "^-[0-9]+(\\.[0-9]+)?\"?$")) continue;
            Assert.False(text[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"a cell starts a formula: {cell}");
        }
    }

    [SkippableFact]
    public async Task PartnerExport_NeutralizesFormulas_AndImportsBackUnchanged()
    {
        Ready();
        var a = await (await app.CreateWorkspaceAsync("Formula exporter")).As(Roles.Admin);
        var b = await (await app.CreateWorkspaceAsync("Formula importer")).As(Roles.Admin);
        var partner = await (await a.PostJson("/api/partners", new { name = "=cmd|' /C calc'!A0", industry = "@SUM(1+1)", region = "+cmd", notes = "=HYPERLINK(\"https://evil.example\",\"x\")" })).Read<PartnerDto>();
        await a.PostJson($"/api/partners/{partner.Id}/contacts", new { name = "-2+3+cmd", email = "z@evil.example", phone = "+44 20 7946 0000" });

        var csv = await (await a.GetAsync("/api/partners/export")).Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(csv);
        AssertNoCellStartsAFormula(text);
        Assert.Contains("\"'=cmd|' /C calc'!A0\"", text);
        Assert.Contains("\"'@SUM(1+1)\"", text);
        Assert.Contains("\"'+cmd\"", text);
        Assert.Contains("\"'+44 20 7946 0000\"", text);

        // Import gives back the very values (the added quote comes off), and exporting again gives the same file.
        await (await b.PostAsync("/api/partners/import", CsvFile(csv))).Read<ImportResult>();
        var imported = (await (await b.GetAsync("/api/partners")).Read<Paged<PartnerSummary>>()).Items.Single();
        var detail = await (await b.GetAsync($"/api/partners/{imported.Id}")).Node();
        Assert.Equal("=cmd|' /C calc'!A0", detail["name"]!.GetValue<string>());
        Assert.Equal("@SUM(1+1)", detail["industry"]!.GetValue<string>());
        Assert.Equal("+cmd", detail["region"]!.GetValue<string>());
        Assert.Equal("=HYPERLINK(\"https://evil.example\",\"x\")", detail["notes"]!.GetValue<string>());
        Assert.Equal(text, await (await b.GetAsync("/api/partners/export")).Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task StatementExport_NeutralizesFormulas_ButKeepsNegativeAmountsAsNumbers()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Formula statements");
        var s = await RevenueFixtures.AgreementAsync(app, ws, "Formula", new DateOnly(2025, 1, 1));
        await s.Manager.PutJson($"{s.Url}/revenue-terms", new { kind = "FixedSplit", shares = new[] { new { partyId = s.P(0), percent = 60m }, new { partyId = "org", percent = 40m } }, holdingDays = 10 });
        Assert.True((await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("=HYPERLINK(\"https://evil.example\")", 100m, "2025-02-10", source: "@SUM(1+1)"))).IsSuccessStatusCode);
        Assert.True((await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("+cmd", 112.50m, "2025-02-11", source: "=cmd|' /C calc'!A0", kind: "Refund"))).IsSuccessStatusCode);
        var issued = await s.Manager.PostJson($"{s.Url}/statements", new { from = "2025-01-01", to = "2025-03-31" });
        var statement = await issued.Read<StatementDto>();

        var csv = await s.Manager.GetStringAsync($"/api/statements/{statement.Id}.csv");
        AssertNoCellStartsAFormula(csv);
        Assert.Contains("\"'@SUM(1+1)\"", csv);
        Assert.Contains("\"'=cmd|' /C calc'!A0\"", csv);
        Assert.Contains("\"'+cmd\"", csv);
        // The refund and the negative total are plain numbers a spreadsheet can add up; reading the file gives them back.
        Assert.Contains(",-112.50,", csv);
        var (records, errors) = Csv.Parse(csv);
        Assert.Empty(errors);
        Assert.Contains(records, r => r.Fields[1] == "+cmd" && r.Fields[2] == "=cmd|' /C calc'!A0" && r.Fields[4] == "-112.50");
        Assert.Equal("-12.50", records[^1].Fields[4]);
    }
}
