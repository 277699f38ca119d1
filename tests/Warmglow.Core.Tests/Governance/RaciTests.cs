using Warmglow.Core.Governance;
using Warmglow.Core.Partnerships;

namespace Warmglow.Core.Tests.Governance;

public class RaciTests
{
    static RaciMatrixData Matrix(params (string Activity, (string Column, RaciLetter Letter)[] Cells)[] rows) =>
        new(["Alice", "Bob", "Carol"], rows.Select(r => new RaciRow(r.Activity, r.Cells.ToDictionary(c => c.Column, c => c.Letter))).ToList());

    [Fact]
    public void OneAccountableAndAResponsible_IsValid()
    {
        Assert.True(Raci.Validate(Matrix(("Plan", [("Alice", RaciLetter.A), ("Bob", RaciLetter.R), ("Carol", RaciLetter.I)]))).IsEmpty);
    }

    [Fact]
    public void NoAccountable_NamesTheActivity()
    {
        var e = Raci.Validate(Matrix(("Budget review", [("Alice", RaciLetter.R), ("Bob", RaciLetter.C)])));
        var message = Assert.Single(e.ToDictionary()["activities"]);
        Assert.Equal("'Budget review' needs exactly one Accountable (none is marked A).", message);
    }

    [Fact]
    public void TwoAccountables_NamesTheActivityAndWho()
    {
        var e = Raci.Validate(Matrix(("Launch", [("Alice", RaciLetter.A), ("Bob", RaciLetter.A), ("Carol", RaciLetter.R)])));
        Assert.Contains("'Launch' needs exactly one Accountable (2 are marked A: Alice, Bob).", e.ToDictionary()["activities"]);
    }

    [Fact]
    public void NoResponsible_NamesTheActivity()
    {
        var e = Raci.Validate(Matrix(("Report", [("Alice", RaciLetter.A), ("Bob", RaciLetter.I)])));
        Assert.Contains("'Report' needs at least one Responsible (none is marked R).", e.ToDictionary()["activities"]);
    }

    [Fact]
    public void UnknownColumn_DuplicateNames_AndEmpties_AreRefused()
    {
        var m = new RaciMatrixData(["Alice", "alice ", ""],
            [new("Plan", new Dictionary<string, RaciLetter> { ["Dave"] = RaciLetter.A, ["Alice"] = RaciLetter.R }), new(" plan", new Dictionary<string, RaciLetter>())]);
        var e = Raci.Validate(m).ToDictionary();
        Assert.Contains("'alice' appears more than once.", e["columns"]);
        Assert.Contains("have one without a name.", e["columns"]);
        Assert.Contains(e["activities"], x => x.Contains("'Dave', which is not a column"));
        Assert.Contains("'plan' appears more than once.", e["activities"]);
        Assert.False(Raci.Validate(null).IsEmpty);
        Assert.False(Raci.Validate(new RaciMatrixData([], [])).IsEmpty);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void EveryStarterSet_IsValid(PartnershipType type)
    {
        var starter = Raci.Starter(type);
        Assert.True(Raci.Validate(starter).IsEmpty, Raci.Validate(starter).ToString());
        Assert.True(starter.Rows.Count >= 5);
    }

    public static TheoryData<PartnershipType> Types() => [.. Enum.GetValues<PartnershipType>()];

    [Fact]
    public void Csv_QuotesAndDefusesFormulas()
    {
        var m = new RaciMatrixData(["Lead, ours", "=cmd"], [new("Plan \"A\"", new Dictionary<string, RaciLetter> { ["Lead, ours"] = RaciLetter.A, ["=cmd"] = RaciLetter.R })]);
        Assert.Equal("Activity,\"Lead, ours\",'=cmd\r\n\"Plan \"\"A\"\"\",A,R\r\n", Raci.ToCsv(m));
    }

    [Fact]
    public void Normalize_TrimsAndMapsCellsToTheColumnSpelling()
    {
        var m = new RaciMatrixData([" Alice "], [new(" Plan ", new Dictionary<string, RaciLetter> { ["alice"] = RaciLetter.A })]);
        var n = Raci.Normalize(m);
        Assert.Equal(["Alice"], n.Columns);
        Assert.Equal("Plan", n.Rows[0].Activity);
        Assert.Equal(RaciLetter.A, n.Rows[0].Cells["Alice"]);
    }
}

public class DecisionFrameworkTests
{
    [Fact]
    public void Default_IsValid_AndRoutesEveryType()
    {
        Assert.True(DecisionFramework.Validate(DecisionFramework.Default).IsEmpty);
        Assert.Equal(DecisionRoute.Manager, DecisionFramework.Route(DecisionFramework.Default, DecisionType.BudgetUnderLimit).Route);
        Assert.Equal(DecisionRoute.SteeringCommittee, DecisionFramework.Route(DecisionFramework.Default, DecisionType.ScopeChange).Route);
        Assert.Equal(3, DecisionFramework.Route(DecisionFramework.Default, DecisionType.ScopeChange).Quorum);
    }

    [Fact]
    public void EmptyEntries_AreRefusedByPosition()
    {
        var rules = new List<DecisionRule>(DecisionFramework.Default) { null! };
        var e = DecisionFramework.Validate(rules).ToDictionary();
        Assert.Equal(["is empty: give a decision type and its route."], e[$"rules[{rules.Count - 1}]"]);
    }

    [Fact]
    public void MissingDuplicateAndQuorumMistakes_AreNamed()
    {
        var rules = DecisionFramework.Default.Where(r => r.Type != DecisionType.Termination)
            .Append(new DecisionRule(DecisionType.ScopeChange, DecisionRoute.Manager, 2))
            .Select(r => r.Type == DecisionType.NewJointInitiative ? r with { Quorum = null } : r).ToList();
        var e = DecisionFramework.Validate(rules).ToDictionary()["rules"];
        Assert.Contains("say nothing about 'Termination': give it a route.", e);
        Assert.Contains("give 'Scope change' 2 routes; give it one.", e);
        Assert.Contains("'New joint initiative' goes to the steering committee and needs a quorum between 1 and 20 votes.", e);
        Assert.Contains("'Scope change' does not go to the steering committee, so it takes no quorum.", e);
    }

    [Theory]
    [InlineData("2026-11-02", "2026-11-02", 0)] // same day
    [InlineData("2026-11-06", "2026-11-09", 1)] // Friday → Monday
    [InlineData("2026-11-02", "2026-11-16", 10)] // two weeks
    [InlineData("2026-11-07", "2026-11-08", 0)] // Saturday → Sunday
    [InlineData("2026-11-04", "2026-11-03", 0)] // backwards
    public void BusinessDays_CountWeekdaysAfterTheRequest(string from, string to, int expected) =>
        Assert.Equal(expected, DecisionFramework.BusinessDays(DateOnly.Parse(from), DateOnly.Parse(to)));

    [Fact]
    public void DecisionDays_ToOneDecimal() =>
        Assert.Equal(2.5m, DecisionFramework.DecisionDays(new DateTime(2026, 1, 1, 0, 0, 0), new DateTime(2026, 1, 3, 12, 0, 0)));
}

public class MeetingRulesTests
{
    [Fact]
    public void EndBeforeStart_UnknownZone_AndBadAgenda_AreNamed()
    {
        var e = Meetings.Validate("Sync", new DateTime(2026, 3, 2, 10, 0, 0), new DateTime(2026, 3, 2, 9, 0, 0), "Mars/Olympus", [new("", null, 0)]).ToDictionary();
        Assert.Equal(["must be after the start."], e["endsAt"]);
        Assert.Contains("'Mars/Olympus' is not a known time zone", e["timeZone"][0]);
        Assert.Contains("item 1 has no text.", e["agenda"]);
        Assert.Contains("item 1 needs a time box between 1 and 480 minutes.", e["agenda"]);
        Assert.True(Meetings.Validate("Sync", new DateTime(2026, 3, 2, 9, 0, 0), new DateTime(2026, 3, 2, 10, 0, 0), "Europe/Berlin", [new("Pipeline", "Ana", 15)]).IsEmpty);
    }

    [Fact]
    public void WallClockToUtc_FollowsDaylightSaving()
    {
        var berlin = Meetings.Zone("Europe/Berlin")!;
        Assert.Equal(new DateTime(2026, 3, 27, 9, 0, 0, DateTimeKind.Utc), Meetings.ToUtc(new DateTime(2026, 3, 27, 10, 0, 0), berlin)); // CET
        Assert.Equal(new DateTime(2026, 3, 30, 8, 0, 0, DateTimeKind.Utc), Meetings.ToUtc(new DateTime(2026, 3, 30, 10, 0, 0), berlin)); // CEST
        // 02:30 on 29 March 2026 does not exist in Berlin: read with the offset before the gap (RFC 5545), i.e. 03:30 CEST.
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), Meetings.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0), berlin));
        // 02:30 on 25 October 2026 happens twice: the first (CEST) one.
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), Meetings.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0), berlin));
    }
}
