using Warmglow.Core.Onboarding;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Portfolio;

namespace Warmglow.Core.Tests.Onboarding;

public class OnboardingRulesTests
{
    [Theory]
    [InlineData(StepStatus.Pending, StepAction.Complete, true, false, StepStatus.Done)]
    [InlineData(StepStatus.Pending, StepAction.Complete, true, true, StepStatus.WaitingForApproval)]
    [InlineData(StepStatus.ActionRequired, StepAction.Complete, true, true, StepStatus.WaitingForApproval)]
    [InlineData(StepStatus.WaitingForApproval, StepAction.Approve, true, true, StepStatus.Done)]
    [InlineData(StepStatus.WaitingForApproval, StepAction.SendBack, true, true, StepStatus.ActionRequired)]
    [InlineData(StepStatus.Pending, StepAction.Skip, false, false, StepStatus.Skipped)]
    [InlineData(StepStatus.ActionRequired, StepAction.Skip, false, true, StepStatus.Skipped)]
    public void Next_AllowedMoves(StepStatus from, StepAction action, bool required, bool approval, StepStatus to)
    {
        var move = OnboardingRules.Next(from, action, required, approval);
        Assert.True(move.IsAllowed, move.Error);
        Assert.Equal(to, move.To);
    }

    [Theory]
    [InlineData(StepStatus.Pending, StepAction.Skip, true, "required and cannot be skipped")]
    [InlineData(StepStatus.Pending, StepAction.Approve, true, "not waiting for approval")]
    [InlineData(StepStatus.ActionRequired, StepAction.SendBack, true, "not waiting for approval")]
    [InlineData(StepStatus.WaitingForApproval, StepAction.Complete, true, "already waiting")]
    [InlineData(StepStatus.WaitingForApproval, StepAction.Skip, false, "approve it or send it back")]
    [InlineData(StepStatus.Done, StepAction.Complete, true, "already done")]
    [InlineData(StepStatus.Skipped, StepAction.Complete, false, "was skipped")]
    public void Next_RefusedMoves_SayWhy(StepStatus from, StepAction action, bool required, string why)
    {
        var move = OnboardingRules.Next(from, action, required, needsApproval: true);
        Assert.False(move.IsAllowed);
        Assert.Contains(why, move.Error);
    }

    [Fact]
    public void IsOpen_OnlyDoneAndSkippedClose()
    {
        Assert.True(OnboardingRules.IsOpen(StepStatus.Pending));
        Assert.True(OnboardingRules.IsOpen(StepStatus.WaitingForApproval));
        Assert.True(OnboardingRules.IsOpen(StepStatus.ActionRequired));
        Assert.False(OnboardingRules.IsOpen(StepStatus.Done));
        Assert.False(OnboardingRules.IsOpen(StepStatus.Skipped));
    }

    [Fact]
    public void Choose_PrefersTier_ThenType_ThenDefault_LowestIdOnTies()
    {
        TemplateTarget[] all =
        [
            new(5, null, null), new(3, null, null),
            new(7, PartnershipType.Reseller, null), new(6, PartnershipType.Reseller, null),
            new(9, null, Tier.Strategic),
        ];
        Assert.Equal(9, OnboardingRules.Choose(all, PartnershipType.Reseller, Tier.Strategic));
        Assert.Equal(6, OnboardingRules.Choose(all, PartnershipType.Reseller, Tier.Growth));
        Assert.Equal(6, OnboardingRules.Choose(all, PartnershipType.Reseller, null));
        Assert.Equal(3, OnboardingRules.Choose(all, PartnershipType.CoMarketing, null));
        Assert.Null(OnboardingRules.Choose([new(1, PartnershipType.Reseller, null)], PartnershipType.Licensing, null));
    }

    [Fact]
    public void TimeToOnboard_CountsPartOfADayAsADay()
    {
        var start = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(1, OnboardingRules.TimeToOnboardDays(start, start));
        Assert.Equal(1, OnboardingRules.TimeToOnboardDays(start, start.AddHours(5)));
        Assert.Equal(1, OnboardingRules.TimeToOnboardDays(start, start.AddDays(1)));
        Assert.Equal(2, OnboardingRules.TimeToOnboardDays(start, start.AddDays(1).AddMinutes(1)));
        Assert.Equal(28, OnboardingRules.TimeToOnboardDays(start, start.AddDays(27).AddHours(3)));
        Assert.Equal(1, OnboardingRules.TimeToOnboardDays(start, start.AddHours(-2)));
    }

    [Fact]
    public void Figures_AreWordedTheSameEverywhere()
    {
        Assert.Equal("75%", OnboardingRules.PercentText(3, 4));
        Assert.Equal("66%", OnboardingRules.PercentText(2, 3));
        Assert.Equal("0%", OnboardingRules.PercentText(0, 0));
        Assert.Equal(100, OnboardingRules.ProgressPercent(0, 0));
        Assert.Equal("1 day", OnboardingRules.DaysText(1));
        Assert.Equal("7.5 days", OnboardingRules.DaysText(7.5));
        Assert.Equal("2026-Q1", OnboardingRules.QuarterOf(new DateTime(2026, 3, 31, 23, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Trend_FallsFromFourWeeksToOne()
    {
        Assert.Null(OnboardingRules.Trend([new("2026-Q1", 2, 28)]));
        var trend = OnboardingRules.Trend([new("2025-Q3", 2, 28), new("2025-Q4", 1, 17), new("2026-Q1", 3, 7)]);
        Assert.Equal("Falling: from 28 days in 2025-Q3 to 7 days in 2026-Q1.", trend);
        Assert.StartsWith("Rising", OnboardingRules.Trend([new("2025-Q3", 1, 7), new("2025-Q4", 1, 9)]));
        Assert.StartsWith("Steady", OnboardingRules.Trend([new("2025-Q3", 1, 7), new("2025-Q4", 1, 7)]));
    }

    [Fact]
    public void ActiveNeeds_CountsOpenRequiredSteps_UnlessOverridden()
    {
        Assert.Null(OnboardingRules.ActiveNeeds(0, false));
        Assert.Null(OnboardingRules.ActiveNeeds(3, true));
        Assert.StartsWith("1 required onboarding step is still open", OnboardingRules.ActiveNeeds(1, false));
        Assert.StartsWith("3 required onboarding steps are still open", OnboardingRules.ActiveNeeds(3, false));
    }

    [Fact]
    public void ValidateSteps_NamesTheRow()
    {
        Assert.Empty(OnboardingRules.ValidateSteps(OnboardingRules.BuiltInDefault.ToList<TemplateStep?>()));
        Assert.Equal("steps", Assert.Single(OnboardingRules.ValidateSteps([])).Field);
        var errors = OnboardingRules.ValidateSteps([new("Ok", StepOwnerSide.Ours, 1, true, false), new(" ", StepOwnerSide.Partner, 400, true, false)]).ToList();
        Assert.Contains(errors, e => e.Field == "steps[1].title");
        Assert.Contains(errors, e => e.Field == "steps[1].dueOffsetDays");
    }

    [Fact]
    public void BuiltIns_HaveRequiredStepsOnBothSides()
    {
        foreach (var steps in OnboardingRules.BuiltInByType.Select(t => t.Steps).Append(OnboardingRules.BuiltInDefault))
        {
            Assert.Empty(OnboardingRules.ValidateSteps(steps.ToList<TemplateStep?>()));
            Assert.Contains(steps, s => s.Required && s.OwnerSide == StepOwnerSide.Partner);
            Assert.Contains(steps, s => s.Required && s.OwnerSide == StepOwnerSide.Ours);
        }
    }
}
