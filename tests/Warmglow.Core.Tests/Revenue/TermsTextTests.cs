using Warmglow.Core.Revenue;

namespace Warmglow.Core.Tests.Revenue;

public class TermsTextTests
{
    [Fact]
    public void Tiers_ReadOneLineEach_WithAnySeparator_AndAPercentSign()
    {
        var r = TermsText.ParseTiers("0 10\n10000:15%\n\n 25000.50\t20 ");
        Assert.True(r.Ok);
        Assert.Equal([new TierLine(0, 10), new TierLine(10000, 15), new TierLine(25000.50m, 20)], r.Lines);
    }

    [Theory]
    [InlineData("10000", "line 1 '10000'")]
    [InlineData("0 10\nten 15", "line 2 'ten 15'")]
    [InlineData("10 000 15", "line 1 '10 000 15'")]
    public void Tiers_NameTheLineThatCannotBeRead(string text, string expected)
    {
        var r = TermsText.ParseTiers(text);
        Assert.False(r.Ok);
        Assert.StartsWith(expected, r.Error);
        Assert.Empty(r.Lines);
    }

    [Fact]
    public void Phases_ReadYearsAndDateRanges()
    {
        var r = TermsText.ParsePhases("year 1: org=70, p5=30\n2025-01-01..2025-06-30: org=50%, p5=50");
        Assert.True(r.Ok);
        Assert.Equal(1, r.Lines[0].Year);
        Assert.Equal([("org", 70m), ("p5", 30m)], r.Lines[0].Shares);
        Assert.Equal(new DateOnly(2025, 1, 1), r.Lines[1].From);
        Assert.Equal(new DateOnly(2025, 6, 30), r.Lines[1].To);
        Assert.Equal([("org", 50m), ("p5", 50m)], r.Lines[1].Shares);
    }

    [Theory]
    [InlineData("year 1 org=70")]            // no colon
    [InlineData("year one: org=70")]         // not a year number
    [InlineData("2025-01-01: org=70")]       // a date but no range
    [InlineData("year 1: org70")]            // no '='
    [InlineData("year 1: =70")]              // no party
    [InlineData("01/02/2025..2025-06-30: org=70")] // dates only as yyyy-MM-dd
    public void Phases_RefuseWhatTheyCannotRead(string text)
    {
        var r = TermsText.ParsePhases(text);
        Assert.False(r.Ok);
        Assert.StartsWith("line 1", r.Error);
    }

    [Fact]
    public void WhatIsWritten_ReadsBackTheSame()
    {
        var tiers = new[] { new TierLine(0, 10), new TierLine(10000.25m, 12.5m) };
        Assert.Equal(tiers, TermsText.ParseTiers(TermsText.FormatTiers(tiers)).Lines);
        var phases = new[]
        {
            new PhaseLine(1, null, null, [("org", 70m), ("p5", 30m)]),
            new PhaseLine(null, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [("org", 50m), ("p5", 50m)]),
        };
        var back = TermsText.ParsePhases(TermsText.FormatPhases(phases)).Lines;
        Assert.Equal(phases.Select(p => (p.Year, p.From, p.To)), back.Select(p => (p.Year, p.From, p.To)));
        Assert.Equal(phases.SelectMany(p => p.Shares), back.SelectMany(p => p.Shares));
    }
}
