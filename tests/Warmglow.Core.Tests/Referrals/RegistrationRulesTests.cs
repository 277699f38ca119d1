using Warmglow.Core.Matching;
using Warmglow.Core.Referrals;

namespace Warmglow.Core.Tests.Referrals;

public class RegistrationRulesTests
{
    static readonly DateOnly Today = new(2026, 12, 2);

    static RegistrationFields Fields(string? company = "Acme GmbH", string? website = "https://www.acme.de", decimal? amount = 1000m,
        string? currency = "EUR", DateOnly? close = null) =>
        new(company, website, "DE", "Ann Lee", "ann@acme.de", "CTO", amount, currency, close ?? Today.AddDays(30), "Analytics", null);

    [Fact]
    public void Validate_GoodRegistration_HasNoErrors() => Assert.True(RegistrationRules.Validate(Fields(), Today).IsEmpty);

    [Fact]
    public void Validate_MissingCompanyAndDomain_NamesBothFields()
    {
        var e = RegistrationRules.Validate(Fields(company: " ", website: null), Today).ToDictionary();
        Assert.Contains("companyName", e.Keys);
        Assert.Contains("website", e.Keys);
    }

    [Theory]
    [InlineData("bob@acme.com", "not an e-mail address")]
    [InlineData("gmail.com", "free-mail")]
    [InlineData("localhost", "not a web domain")]
    public void Validate_BadWebsite_SaysWhy(string website, string expected)
    {
        var e = RegistrationRules.Validate(Fields(website: website), Today).ToDictionary();
        Assert.Contains(expected, e["website"][0]);
    }

    [Fact]
    public void Validate_AmountZeroOrNegative_PastCloseDate_MissingCurrency_AreRefused()
    {
        Assert.Contains("amount", RegistrationRules.Validate(Fields(amount: 0), Today).ToDictionary().Keys);
        Assert.Contains("amount", RegistrationRules.Validate(Fields(amount: -5), Today).ToDictionary().Keys);
        Assert.Contains("expectedCloseOn", RegistrationRules.Validate(Fields(close: Today.AddDays(-1)), Today).ToDictionary().Keys);
        Assert.Contains("currency", RegistrationRules.Validate(Fields(currency: null), Today).ToDictionary().Keys);
        Assert.Contains("currency", RegistrationRules.Validate(Fields(currency: "EURO"), Today).ToDictionary().Keys);
        Assert.True(RegistrationRules.Validate(Fields(amount: null, currency: null), Today).IsEmpty);
    }

    [Fact]
    public void Moves_PartnerWorksOnlyApprovedDeals_NeverLeads()
    {
        Assert.Empty(RegistrationRules.Moves(RegistrationKind.Lead, RegistrationStage.Qualified, RegistrationActor.Partner));
        Assert.Empty(RegistrationRules.Moves(RegistrationKind.Deal, RegistrationStage.Submitted, RegistrationActor.Partner));
        Assert.Equal([RegistrationStage.Opportunity, RegistrationStage.Lost],
            RegistrationRules.Moves(RegistrationKind.Deal, RegistrationStage.Qualified, RegistrationActor.Partner));
        Assert.Equal([RegistrationStage.Won, RegistrationStage.Lost],
            RegistrationRules.Moves(RegistrationKind.Lead, RegistrationStage.Opportunity, RegistrationActor.Staff));
        Assert.Equal([RegistrationStage.UnderReview], RegistrationRules.Moves(RegistrationKind.Lead, RegistrationStage.Submitted, RegistrationActor.Staff));
    }

    [Theory]
    [InlineData(RegistrationKind.Lead, RegistrationStage.Approved, RegistrationStage.Qualified, RegistrationActor.Partner, "worked by us")]
    [InlineData(RegistrationKind.Deal, RegistrationStage.Submitted, RegistrationStage.Approved, RegistrationActor.Staff, "review decisions")]
    [InlineData(RegistrationKind.Deal, RegistrationStage.Approved, RegistrationStage.Expired, RegistrationActor.Staff, "protection window ends")]
    [InlineData(RegistrationKind.Deal, RegistrationStage.Approved, RegistrationStage.Won, RegistrationActor.Staff, "qualified or lost")]
    [InlineData(RegistrationKind.Deal, RegistrationStage.Won, RegistrationStage.Lost, RegistrationActor.Staff, "cannot move any further")]
    public void RefuseMove_ExplainsInWords(RegistrationKind kind, RegistrationStage from, RegistrationStage to, RegistrationActor actor, string expected) =>
        Assert.Contains(expected, RegistrationRules.RefuseMove(kind, from, to, actor));

    [Fact]
    public void RefuseMove_AllowedMove_IsNull() =>
        Assert.Null(RegistrationRules.RefuseMove(RegistrationKind.Deal, RegistrationStage.Opportunity, RegistrationStage.Won, RegistrationActor.Partner));

    [Fact]
    public void Protection_WindowOrNone_ExtendOnceWithReason_ExpiresAtTheEnd()
    {
        var approved = new DateTime(2026, 1, 10, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(approved.AddDays(90), RegistrationRules.ProtectedUntil(approved, 90));
        Assert.Null(RegistrationRules.ProtectedUntil(approved, null));
        var until = approved.AddDays(90);
        Assert.Null(RegistrationRules.RefuseExtension(RegistrationStage.Qualified, until, false, "Customer's budget moved to Q2", approved.AddDays(80)));
        Assert.Contains("already extended", RegistrationRules.RefuseExtension(RegistrationStage.Qualified, until, true, "again", approved.AddDays(80)));
        Assert.Contains("reason", RegistrationRules.RefuseExtension(RegistrationStage.Qualified, until, false, " ", approved.AddDays(80)));
        Assert.Contains("still runs", RegistrationRules.RefuseExtension(RegistrationStage.Qualified, until, false, "late", approved.AddDays(91)));
        Assert.False(RegistrationRules.HasExpired(RegistrationStage.Approved, until, approved.AddDays(89)));
        Assert.True(RegistrationRules.HasExpired(RegistrationStage.Opportunity, until, until));
        Assert.False(RegistrationRules.HasExpired(RegistrationStage.Won, until, until.AddDays(1)));
    }

    [Fact]
    public void ReviewDue_SkipsWeekends()
    {
        // Thursday + 2 business days = Monday.
        Assert.Equal(new DateOnly(2026, 12, 7), RegistrationRules.ReviewDue(new DateTime(2026, 12, 3, 15, 0, 0, DateTimeKind.Utc), 2));
        Assert.Equal(new DateOnly(2026, 12, 2), RegistrationRules.ReviewDue(new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), 1));
    }

    [Fact]
    public void Credits_MustAddUpTo100_EachPartnerOnce_AndSplitSourcedFromInfluenced()
    {
        Assert.True(RegistrationRules.ValidateCredits([new(1, CreditKind.Sourced, 70), new(2, CreditKind.Influenced, 30)]).IsEmpty);
        Assert.Contains("add up to 100% (they add up to 90%)", RegistrationRules.ValidateCredits([new(1, CreditKind.Sourced, 60), new(2, CreditKind.Influenced, 30)]).ToString());
        Assert.Contains("once", RegistrationRules.ValidateCredits([new(1, CreditKind.Sourced, 50), new(1, CreditKind.Influenced, 50)]).ToString());
        Assert.False(RegistrationRules.ValidateCredits([]).IsEmpty);
        Assert.Equal((700m, 300m), RegistrationRules.SplitRevenue(1000m, [new(1, CreditKind.Sourced, 70), new(2, CreditKind.Influenced, 30)]));
    }

    [Fact]
    public void IsHard_OnlyDomainAgainstAnotherPartnersLiveOrPendingRegistration()
    {
        var now = new DateTime(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc);
        Assert.True(RegistrationRules.IsHard(MatchStrength.Domain, false, RegistrationStage.Approved, now.AddDays(10), now));
        Assert.True(RegistrationRules.IsHard(MatchStrength.Domain, false, RegistrationStage.Submitted, null, now));
        Assert.False(RegistrationRules.IsHard(MatchStrength.Domain, false, RegistrationStage.Approved, now.AddDays(-1), now));
        Assert.False(RegistrationRules.IsHard(MatchStrength.Domain, true, RegistrationStage.Approved, now.AddDays(10), now));
        Assert.False(RegistrationRules.IsHard(MatchStrength.NameAndCountry, false, RegistrationStage.Approved, now.AddDays(10), now));
    }

    [Fact]
    public void RefuseDecision_ReasonForRejectionsAndConflicts_DuplicateNeedsAConflict()
    {
        Assert.Null(RegistrationRules.RefuseDecision(RegistrationStage.Submitted, ReviewOutcome.Approve, false, null));
        Assert.Contains("reason", RegistrationRules.RefuseDecision(RegistrationStage.Submitted, ReviewOutcome.Reject, false, " "));
        Assert.Contains("conflict", RegistrationRules.RefuseDecision(RegistrationStage.UnderReview, ReviewOutcome.Approve, true, null));
        Assert.Contains("Nothing was found", RegistrationRules.RefuseDecision(RegistrationStage.UnderReview, ReviewOutcome.RejectAsDuplicate, false, "dup"));
        Assert.Contains("only a submitted", RegistrationRules.RefuseDecision(RegistrationStage.Approved, ReviewOutcome.Approve, false, null));
    }
}
