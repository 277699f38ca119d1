using Warmglow.Core.Agreements;
using Warmglow.Core.Partnerships;
using S = Warmglow.Core.Agreements.AgreementStatus;

namespace Warmglow.Core.Tests;

public class AgreementLifecycleTests
{
    [Theory]
    [InlineData(S.TermSheet, S.Negotiation)]
    [InlineData(S.Negotiation, S.TermSheet)]
    [InlineData(S.Negotiation, S.Pilot)]
    [InlineData(S.Negotiation, S.Signed)]
    [InlineData(S.Pilot, S.Negotiation)]
    [InlineData(S.Pilot, S.Signed)]
    [InlineData(S.Signed, S.Active)]
    [InlineData(S.Active, S.UnderReview)]
    [InlineData(S.UnderReview, S.Active)]
    [InlineData(S.UnderReview, S.Expired)]
    [InlineData(S.Active, S.Terminated)]
    public void AllowedMoves(S from, S to) => Assert.True(AgreementLifecycle.Check(from, to).IsAllowed);

    [Theory]
    [InlineData(S.TermSheet, S.Signed)]
    [InlineData(S.TermSheet, S.Active)]
    [InlineData(S.Signed, S.Negotiation)]
    [InlineData(S.Negotiation, S.Expired)]
    [InlineData(S.Active, S.Signed)]
    public void IllegalMoves_NameTheAllowedOnes(S from, S to)
    {
        var check = AgreementLifecycle.Check(from, to);
        Assert.False(check.IsAllowed);
        Assert.Contains("Allowed moves", check.Error);
        Assert.All(check.Allowed, a => Assert.Contains($"'{AgreementLifecycle.Display(a)}'", check.Error));
    }

    [Theory]
    [InlineData(S.Expired)]
    [InlineData(S.Terminated)]
    public void FinalStatuses_HaveNoMoves(S s)
    {
        Assert.True(AgreementLifecycle.IsFinal(s));
        Assert.Empty(AgreementLifecycle.AllowedMoves(s));
        Assert.Contains("closed", AgreementLifecycle.Check(s, S.Active).Error);
    }

    [Fact]
    public void EveryOpenStatus_CanBeTerminated_AndEveryStatusIsReachable()
    {
        foreach (var s in Enum.GetValues<S>().Where(s => !AgreementLifecycle.IsFinal(s)))
            Assert.Contains(S.Terminated, AgreementLifecycle.AllowedMoves(s));
        var reached = new HashSet<S> { S.TermSheet };
        var queue = new Queue<S>([S.TermSheet]);
        while (queue.TryDequeue(out var s))
            foreach (var next in AgreementLifecycle.AllowedMoves(s))
                if (reached.Add(next)) queue.Enqueue(next);
        Assert.Equal(Enum.GetValues<S>().ToHashSet(), reached);
    }
}

public class SigningNeedsTests
{
    [Theory]
    [InlineData(PartnershipStage.Agreement)]
    [InlineData(PartnershipStage.Onboarding)]
    [InlineData(PartnershipStage.Active)]
    [InlineData(PartnershipStage.Scaling)]
    [InlineData(PartnershipStage.UnderReview)]
    [InlineData(PartnershipStage.Sunsetting)]
    public void FromTheAgreementStageOn_OnlyTheApprovalCounts(PartnershipStage stage)
    {
        Assert.Empty(AgreementLifecycle.SigningNeeds(stage, currentVersionApproved: true, currentVersion: 3));
        Assert.Equal(["An executive or admin approves version 3 (a version changed after an approval needs approving again)."],
            AgreementLifecycle.SigningNeeds(stage, currentVersionApproved: false, currentVersion: 3));
    }

    [Theory]
    [InlineData(PartnershipStage.Prospect, "at the Prospect stage")]
    [InlineData(PartnershipStage.IntroCall, "at the Intro call stage")]
    [InlineData(PartnershipStage.Evaluation, "at the Evaluation stage")]
    [InlineData(PartnershipStage.OnHold, "is on hold")]
    [InlineData(PartnershipStage.Ended, "is ended")]
    [InlineData(PartnershipStage.Rejected, "is rejected")]
    public void BeforeTheAgreementStage_OrStopped_SigningWaits_AndSaysWhy(PartnershipStage stage, string said)
    {
        var needs = AgreementLifecycle.SigningNeeds(stage, currentVersionApproved: true, currentVersion: 1);
        Assert.Contains(said, Assert.Single(needs));
        Assert.Equal(2, AgreementLifecycle.SigningNeeds(stage, currentVersionApproved: false, currentVersion: 1).Count);
    }
}

public class AgreementClausesTests
{
    static AgreementClauses Valid => new()
    {
        Scope = "Referrals",
        Roles = [new("Us", "Content")],
        Resources = new() { People = [new("Alliance manager", 15m)], Budget = 1000m },
        Review = new() { Cadence = ReviewCadence.Quarterly, OwnerIds = ["u1"], Metrics = ["Referrals"] },
    };

    [Fact]
    public void Defaults_WindDownIs90Days_AndValidClausesPass()
    {
        Assert.Equal(90, new AgreementClauses().Termination.WindDownDays);
        Assert.True(Valid.Validate().IsEmpty);
        Assert.True(new AgreementClauses().Validate().IsEmpty);
    }

    [Fact]
    public void Errors_NameTheNestedField()
    {
        var bad = Valid with
        {
            Roles = [new("", "x")],
            Resources = new() { People = [new("P", 0m), new("Q", 120m), new("R", null)], Budget = -1m },
            Review = new() { Cadence = ReviewCadence.Yearly },
            Termination = new() { NoticeDays = -5, WindDownDays = -1 },
            Scope = new string('s', AgreementClauses.TextMax + 1),
        };
        var e = bad.Validate().ToDictionary();
        foreach (var field in new[] { "clauses.roles[0].party", "clauses.resources.people[0].percentOfTime", "clauses.resources.people[1].percentOfTime",
                     "clauses.resources.people[2].percentOfTime", "clauses.resources.budget", "clauses.review.ownerIds",
                     "clauses.termination.noticeDays", "clauses.termination.windDownDays", "clauses.scope" })
            Assert.True(e.ContainsKey(field), $"expected an error on {field}; got {string.Join(", ", e.Keys)}");
    }

    [Fact]
    public void Header_RulesCoverTypeDatesCurrencyAndOwners()
    {
        var d = new DateOnly(2026, 1, 1);
        var e = AgreementTerms.Validate(" ", null, d, d.AddDays(-1), "XYZ", [], null).ToDictionary();
        Assert.Equal(["currency", "endDate", "ownerIds", "title", "type"], e.Keys.Order());
        Assert.True(AgreementTerms.Validate("T", AgreementType.Referral, d, d, "eur", ["u"], null).IsEmpty);
        Assert.False(AgreementTerms.Validate("T", (AgreementType)99, d, null, "EUR", ["u"], null).IsEmpty);
    }

    [Fact]
    public void Normalize_TrimsAndDropsBlanks()
    {
        var n = new AgreementClauses { Scope = "  x  ", Review = new() { Metrics = ["a", " ", "b "], OwnerIds = ["u", "u"] } }.Normalize();
        Assert.Equal("x", n.Scope);
        Assert.Equal(["a", "b"], n.Review.Metrics);
        Assert.Equal(["u"], n.Review.OwnerIds);
    }
}

public class TermsDiffTests
{
    static AgreementTerms Terms => new()
    {
        Title = "T", Type = AgreementType.Licensing, StartDate = new(2026, 1, 1), Currency = "EUR", OwnerIds = ["u1"],
        Clauses = new() { Scope = "Content", Termination = new() { NoticeDays = 60 } },
    };

    [Fact]
    public void SameTerms_NothingChanged()
    {
        var diff = TermsDiff.Compare(Terms, Terms);
        Assert.All(diff, c => Assert.False(c.Changed));
        Assert.Equal(12, diff.Count);
    }

    [Fact]
    public void Changes_AreReportedPerClauseAndField_WithBeforeAndAfter()
    {
        var after = Terms with
        {
            EndDate = new(2026, 12, 31),
            Clauses = Terms.Clauses with { Termination = new() { NoticeDays = 60, WindDownDays = 30 }, DataHandling = new() { Gdpr = true } },
        };
        var diff = TermsDiff.Compare(Terms, after, id => id == "u1" ? "Maya" : id);
        Assert.Equal(["dataHandling", "header", "termination"], diff.Where(c => c.Changed).Select(c => c.Key).Order());
        var wind = diff.Single(c => c.Key == "termination").Fields.Single(f => f.Field == "windDownDays");
        Assert.Equal(("90 days", "30 days", true), (wind.Before, wind.After, wind.Changed));
        Assert.False(diff.Single(c => c.Key == "termination").Fields.Single(f => f.Field == "noticeDays").Changed);
        var end = diff.Single(c => c.Key == "header").Fields.Single(f => f.Field == "endDate");
        Assert.Equal(("Open-ended", "2026-12-31"), (end.Before, end.After));
        Assert.Equal("Maya", diff.Single(c => c.Key == "header").Fields.Single(f => f.Field == "ownerIds").After);
    }
}

public class ReviewScheduleTests
{
    [Fact]
    public void Quarterly_UpToTheEndDate_Inclusive()
    {
        var dates = ReviewSchedule.DueDates(new(2026, 1, 15), new(2027, 1, 15), ReviewCadence.Quarterly, new(2026, 1, 15));
        Assert.Equal([new(2026, 4, 15), new(2026, 7, 15), new(2026, 10, 15), new DateOnly(2027, 1, 15)], dates);
    }

    [Fact]
    public void OpenEnded_NextFour_FromToday()
    {
        var dates = ReviewSchedule.DueDates(new(2025, 1, 1), null, ReviewCadence.SemiAnnual, new(2026, 2, 1));
        Assert.Equal([new(2026, 7, 1), new(2027, 1, 1), new(2027, 7, 1), new DateOnly(2028, 1, 1)], dates);
    }

    [Fact]
    public void MonthEnds_Clamp_WithoutDrift()
    {
        var dates = ReviewSchedule.DueDates(new(2026, 1, 31), new(2026, 12, 31), ReviewCadence.Quarterly, new(2026, 1, 1));
        Assert.Equal([new(2026, 4, 30), new(2026, 7, 31), new DateOnly(2026, 10, 31)], dates);
    }

    [Fact]
    public void Yearly_AndPastEnd_Empty()
    {
        Assert.Single(ReviewSchedule.DueDates(new(2026, 1, 1), new(2027, 6, 1), ReviewCadence.Yearly, new(2026, 1, 1)));
        Assert.Empty(ReviewSchedule.DueDates(new(2020, 1, 1), new(2021, 1, 1), ReviewCadence.Quarterly, new(2026, 1, 1)));
    }
}

public class CharterTests
{
    static CharterSide Side(string primary, int? months = 6, string? resources = "A person at 10%", string[]? metrics = null, MeetingCadence? cadence = MeetingCadence.Monthly,
        string? secondary = null) =>
        new() { PrimaryObjective = primary, SecondaryObjective = secondary, MonthsToFirstValue = months, ResourceCommitments = resources,
            SuccessMetrics = [.. metrics ?? ["Referrals"]], MeetingCadence = cadence };

    [Fact]
    public void AlignedSides_NoMisalignment()
    {
        Assert.Empty(Charter.Misalignments(Side("New customers in Benelux"), Side("Grow revenue", secondary: "More new customers in Benelux")
            with { PrimaryObjective = "New customers in the Benelux" }));
    }

    [Fact]
    public void PrimaryObjectiveMissingOnTheOtherSide_IsFlaggedWithFields()
    {
        var m = Assert.Single(Charter.Misalignments(Side("New customers in Benelux"), Side("Customer retention", secondary: "New customers in Benelux")));
        Assert.Equal("objective", m.Code);
        Assert.Contains("theirs.primaryObjective", m.Fields);
        Assert.Contains("Customer retention", m.Message);
    }

    [Fact]
    public void Timeline_Resources_Metrics_Cadence()
    {
        var codes = Charter.Misalignments(Side("Growth", months: 3, metrics: ["Trial starts"]), Side("Growth", months: 7, resources: null, metrics: ["Churn"], cadence: MeetingCadence.Weekly))
            .Select(m => m.Code).Order();
        Assert.Equal(["cadence", "metrics", "resources", "timeline"], codes);
        // Exactly the threshold is not a misalignment.
        Assert.Empty(Charter.Misalignments(Side("Growth", months: 3), Side("Growth", months: 3 + Charter.TimelineThresholdMonths)));
    }

    [Fact]
    public void EmptySide_IsNotYetMisaligned_ExceptForResources()
    {
        var codes = Charter.Misalignments(Side("Growth"), new CharterSide()).Select(m => m.Code);
        Assert.Equal(["resources"], codes);
    }

    [Fact]
    public void Validation_NamesSideAndField()
    {
        var e = Charter.Validate(new CharterSide { SecondaryObjective = "x", MonthsToFirstValue = -1, SuccessMetrics = [" "] }, "theirs").ToDictionary();
        Assert.Equal(["theirs.monthsToFirstValue", "theirs.primaryObjective", "theirs.successMetrics[0]"], e.Keys.Order());
    }

    [Theory]
    [InlineData("Membership renewals", "Studio membership renewals", true)]
    [InlineData("Trial starts from solo founders", "Trial starts for solo founders", true)]
    [InlineData("Customer retention", "New customers in Benelux", false)]
    [InlineData("Daily band opens", "Completed sleep sessions per user", false)]
    public void Similar(string a, string b, bool expected) => Assert.Equal(expected, Charter.Similar(a, b));
}
