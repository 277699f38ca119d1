using Warmglow.Core.Initiatives;
using Warmglow.Core.Revenue;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Tests.Initiatives;

public class InitiativeRulesTests
{
    static readonly DateOnly Today = new(2026, 6, 10);

    [Theory]
    [InlineData(InitiativeStatus.Idea, InitiativeStatus.Planned)]
    [InlineData(InitiativeStatus.Planned, InitiativeStatus.Running)]
    [InlineData(InitiativeStatus.Running, InitiativeStatus.Done)]
    [InlineData(InitiativeStatus.Planned, InitiativeStatus.Idea)]
    [InlineData(InitiativeStatus.Proposed, InitiativeStatus.Idea)]
    public void Lifecycle_ForwardMoves_AreAllowed(InitiativeStatus from, InitiativeStatus to) =>
        Assert.Null(InitiativeLifecycle.Refusal(from, to, null));

    [Theory]
    [InlineData(InitiativeStatus.Idea, InitiativeStatus.Running)]
    [InlineData(InitiativeStatus.Idea, InitiativeStatus.Done)]
    [InlineData(InitiativeStatus.Done, InitiativeStatus.Running)]
    [InlineData(InitiativeStatus.Proposed, InitiativeStatus.Planned)]
    [InlineData(InitiativeStatus.Running, InitiativeStatus.Idea)]
    public void Lifecycle_SkippingOrReopening_IsRefusedInWords(InitiativeStatus from, InitiativeStatus to)
    {
        var refusal = InitiativeLifecycle.Refusal(from, to, "because");
        Assert.NotNull(refusal);
        Assert.DoesNotContain(to.ToString(), refusal!.Replace(InitiativeLifecycle.Describe(to), ""), StringComparison.Ordinal);
    }

    [Fact]
    public void Lifecycle_StopAndDecline_NeedAReason()
    {
        Assert.NotNull(InitiativeLifecycle.Refusal(InitiativeStatus.Running, InitiativeStatus.Stopped, " "));
        Assert.Null(InitiativeLifecycle.Refusal(InitiativeStatus.Running, InitiativeStatus.Stopped, "Budget cut"));
        Assert.NotNull(InitiativeLifecycle.Refusal(InitiativeStatus.Proposed, InitiativeStatus.Declined, null));
        Assert.True(InitiativeLifecycle.Next(InitiativeStatus.Stopped).Count == 0);
    }

    [Fact]
    public void Lifecycle_EveryStatusHasMovesDefined_AndClosedOnesAreTerminal()
    {
        foreach (var s in Enum.GetValues<InitiativeStatus>())
            Assert.Equal(InitiativeLifecycle.IsClosed(s), InitiativeLifecycle.Next(s).Count == 0);
    }

    [Theory]
    [InlineData("2026-06-09", null, MilestoneState.Late)]
    [InlineData("2026-06-10", null, MilestoneState.AtRisk)]
    [InlineData("2026-06-17", null, MilestoneState.AtRisk)]
    [InlineData("2026-06-18", null, MilestoneState.OnTrack)]
    [InlineData("2026-06-01", "2026-06-05", MilestoneState.Done)]
    public void Milestone_StateFollowsTheDates(string due, string? done, MilestoneState expected) =>
        Assert.Equal(expected, Milestones.State(DateOnly.Parse(due), done is null ? null : DateOnly.Parse(done), Today));

    [Fact]
    public void Initiative_TakesTheWorstOpenMilestone()
    {
        Assert.Equal(MilestoneState.Late, Milestones.Overall([MilestoneState.Done, MilestoneState.AtRisk, MilestoneState.Late]));
        Assert.Equal(MilestoneState.AtRisk, Milestones.Overall([MilestoneState.OnTrack, MilestoneState.AtRisk]));
        Assert.Equal(MilestoneState.Done, Milestones.Overall([MilestoneState.Done, MilestoneState.Done]));
        Assert.Equal(MilestoneState.OnTrack, Milestones.Overall([]));
    }

    [Theory]
    [InlineData(1250, 1000, 0.25)]
    [InlineData(0, 1000, -1)]
    [InlineData(1000, 3000, -0.6667)]
    public void Roi_IsRevenueLessSpendOverSpend(decimal revenue, decimal spend, decimal expected) =>
        Assert.Equal(expected, InitiativeRoi.Of(revenue, spend));

    [Fact]
    public void Roi_WithoutSpend_IsUnknown() => Assert.Null(InitiativeRoi.Of(5000m, 0m));

    [Fact]
    public void Amounts_MustFitTheCurrency()
    {
        var e = new FieldErrors();
        InitiativeRoi.CheckAmount(e, "ourBudget", 10.005m, Currency.Find("EUR"));
        InitiativeRoi.CheckAmount(e, "partnerBudget", 10.5m, Currency.Find("JPY"));
        InitiativeRoi.CheckAmount(e, "spent", -1m, Currency.Find("EUR"));
        InitiativeRoi.CheckAmount(e, "fine", 10.50m, Currency.Find("EUR"));
        var d = e.ToDictionary();
        Assert.Equal(["ourBudget", "partnerBudget", "spent"], d.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void KindFields_AcceptOnlyTheKindsOwnFields_Typed()
    {
        var e = new FieldErrors();
        var clean = InitiativeKinds.CheckFields(e, InitiativeKind.Webinar, new Dictionary<string, string?>
        {
            ["date"] = "2026-07-01", ["registrants"] = " 120 ", ["attendees"] = "", ["release"] = "v2",
        });
        Assert.Equal(new Dictionary<string, string> { ["date"] = "2026-07-01", ["registrants"] = "120" }, clean);
        Assert.Contains("fields.release", e.ToDictionary().Keys);

        e = new FieldErrors();
        InitiativeKinds.CheckFields(e, InitiativeKind.Webinar, new Dictionary<string, string?> { ["date"] = "July", ["attendees"] = "-3" });
        Assert.Equal(2, e.ToDictionary().Count);
    }

    [Fact]
    public void EveryKind_HasASpec_NamedInWords()
    {
        foreach (var k in Enum.GetValues<InitiativeKind>())
        {
            var spec = InitiativeKinds.Spec(k);
            Assert.NotEmpty(spec.Fields);
            Assert.DoesNotContain(spec.Fields, f => f.Label.Length == 0);
        }
    }

    [Fact]
    public void OutcomeProgress_IsPercentOfTarget() => Assert.Equal(62.5m, Outcomes.Progress(25, 40));
}
