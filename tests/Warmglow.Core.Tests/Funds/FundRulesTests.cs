using Warmglow.Core.Funds;
using Warmglow.Core.Revenue;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Tests.Funds;

public class FundRulesTests
{
    static readonly Currency Eur = Currency.Find("EUR")!;
    static readonly Currency Jpy = Currency.Find("JPY")!;

    [Theory]
    [InlineData(FundStatus.Draft, FundStatus.Submitted)]
    [InlineData(FundStatus.Submitted, FundStatus.Approved)]
    [InlineData(FundStatus.Submitted, FundStatus.NeedsInfo)]
    [InlineData(FundStatus.NeedsInfo, FundStatus.Submitted)]
    [InlineData(FundStatus.Approved, FundStatus.Paid)]
    [InlineData(FundStatus.Approved, FundStatus.Expired)]
    [InlineData(FundStatus.Submitted, FundStatus.Rejected)]
    public void RequestMoves_OnTheMachine_AreAllowed(FundStatus from, FundStatus to) => Assert.Null(FundLifecycle.RequestRefusal(from, to));

    [Theory]
    [InlineData(FundStatus.Draft, FundStatus.Approved)]
    [InlineData(FundStatus.Paid, FundStatus.Cancelled)]
    [InlineData(FundStatus.Rejected, FundStatus.Submitted)]
    [InlineData(FundStatus.Expired, FundStatus.Approved)]
    [InlineData(FundStatus.Approved, FundStatus.Rejected)]
    public void RequestMoves_OffTheMachine_AreRefusedInWords(FundStatus from, FundStatus to)
    {
        var refusal = FundLifecycle.RequestRefusal(from, to);
        Assert.NotNull(refusal);
        Assert.DoesNotContain(nameof(FundStatus), refusal);
        Assert.DoesNotContain("NeedsInfo", refusal);
    }

    [Fact]
    public void ClaimMoves_ApprovedIsOnlyPaid_PaidIsFinal()
    {
        Assert.Equal([FundStatus.Paid], FundLifecycle.NextForClaim(FundStatus.Approved));
        Assert.Empty(FundLifecycle.NextForClaim(FundStatus.Paid));
        Assert.True(FundLifecycle.CanMoveClaim(FundStatus.Submitted, FundStatus.NeedsInfo));
        Assert.False(FundLifecycle.CanMoveClaim(FundStatus.Draft, FundStatus.Paid));
        Assert.Contains("cannot change any more", FundLifecycle.ClaimRefusal(FundStatus.Paid, FundStatus.Approved));
        Assert.Equal("Needs more information", FundLifecycle.Describe(FundStatus.NeedsInfo));
    }

    [Fact]
    public void Balance_CountsPaidReservedAndPending_AndReturnsCancelledRejectedExpired()
    {
        var b = Balance.Of(1000m, [
            (FundStatus.Paid, 300m, 250.10m), // paid less than approved: the rest returned
            (FundStatus.Approved, 200m, null),
            (FundStatus.Submitted, 100m, null),
            (FundStatus.NeedsInfo, 50m, null),
            (FundStatus.Cancelled, 400m, null),
            (FundStatus.Rejected, 400m, null),
            (FundStatus.Expired, 400m, null),
            (FundStatus.Draft, 999m, null),
        ]);
        Assert.Equal(250.10m, b.Paid);
        Assert.Equal(200m, b.Reserved);
        Assert.Equal(150m, b.Pending);
        Assert.Equal(399.90m, b.Available);
        Assert.True(b.Fits(399.90m));
        Assert.False(b.Fits(399.91m));
        Assert.Equal(0m, (b with { Expired = 399.90m }).Available);
    }

    [Theory]
    [InlineData("0", "must be more than zero.")]
    [InlineData("-5", "must be more than zero.")]
    [InlineData("10.005", "can have at most 2 decimals in EUR.")]
    public void Amount_MustBePositive_WithTheCurrencysDecimals(string amount, string message)
    {
        var e = new FieldErrors();
        FundRules.CheckAmount(e, "amount", decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Eur);
        Assert.Equal(message, e.ToDictionary()["amount"].Single());
    }

    [Fact]
    public void Amount_Yen_HasNoDecimals_AndMissingIsRequired()
    {
        var e = new FieldErrors();
        FundRules.CheckAmount(e, "a", 10.5m, Jpy);
        FundRules.CheckAmount(e, "b", null, Eur);
        FundRules.CheckAmount(e, "c", 10.50m, Eur);
        var d = e.ToDictionary();
        Assert.Equal("cannot have decimals in JPY.", d["a"].Single());
        Assert.Equal("is required.", d["b"].Single());
        Assert.False(d.ContainsKey("c"));
    }

    [Fact]
    public void Claim_CannotExceedTheApprovedRequest_LowerIsFine()
    {
        var e = new FieldErrors();
        FundRules.CheckClaim(e, "spent", 500.01m, 500m, Eur);
        Assert.Equal("cannot be more than the approved 500.00 EUR.", e.ToDictionary()["spent"].Single());
        var ok = new FieldErrors();
        FundRules.CheckClaim(ok, "spent", 420m, 500m, Eur);
        Assert.True(ok.IsEmpty);
    }

    [Fact]
    public void RequestDates_MustLieWithinTheFundsPeriod_AndBeforeItEnds()
    {
        var start = new DateOnly(2026, 1, 1);
        var end = new DateOnly(2026, 6, 30);
        var e = new FieldErrors();
        FundRules.CheckRequestDates(e, new DateOnly(2026, 7, 1), new DateOnly(2025, 12, 1), new DateOnly(2026, 7, 15), start, end);
        var d = e.ToDictionary();
        Assert.Contains("takes no new requests", d["fundId"].Single());
        Assert.Contains("before the fund starts", d["plannedStart"].Single());
        Assert.Contains("after the fund ends", d["plannedEnd"].Single());
        var ok = new FieldErrors();
        FundRules.CheckRequestDates(ok, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 12), start, end);
        Assert.True(ok.IsEmpty);
    }

    [Fact]
    public void Period_AndShares_AreChecked()
    {
        var e = new FieldErrors();
        FundRules.CheckPeriod(e, new DateOnly(2026, 6, 1), new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1));
        FundRules.CheckShares(e, 70, 20);
        var d = e.ToDictionary();
        Assert.True(d.ContainsKey("endsOn"));
        Assert.True(d.ContainsKey("claimDeadline"));
        Assert.Contains("add up to 100", d["partnerShare"].Single());
        var ok = new FieldErrors();
        FundRules.CheckShares(ok, 70, 30);
        FundRules.CheckPeriod(ok, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 31));
        Assert.True(ok.IsEmpty);
    }

    [Fact]
    public void ApprovalLimit_PerRole()
    {
        Assert.Null(FundRules.ApprovalLimit(["admin"], 100, 1000));
        Assert.Equal(1000m, FundRules.ApprovalLimit(["executive"], 100, 1000));
        Assert.Null(FundRules.ApprovalLimit(["executive"], 100, null));
        Assert.Equal(100m, FundRules.ApprovalLimit(["manager"], 100, 1000));
        Assert.Equal(0m, FundRules.ApprovalLimit(["manager"], null, 1000));
        Assert.Equal(1000m, FundRules.ApprovalLimit(["manager", "executive"], 100, 1000));
        Assert.Equal(0m, FundRules.ApprovalLimit(["evaluator", "partner"], 100, 1000));
        Assert.Null(FundRules.LimitRefusal(100m, 100m, Eur));
        Assert.Contains("above your approval limit of 100.00 EUR", FundRules.LimitRefusal(100.01m, 100m, Eur));
        Assert.NotNull(FundRules.LimitRefusal(1m, 0m, Eur));
        Assert.Null(FundRules.LimitRefusal(1_000_000m, null, Eur));
    }

    [Fact]
    public void Proof_TypeSizeAndContent_AreChecked_AndNamesLoseTheirPath()
    {
        Assert.Null(FundRules.ProofRefusal("invoice.pdf", 100, "%PDF-1.7"u8));
        Assert.Null(FundRules.ProofRefusal("attendees.csv", 100, "name,email"u8));
        Assert.Contains("must be one of", FundRules.ProofRefusal("tool.exe", 100, "MZ"u8));
        Assert.Contains("larger than 5 MB", FundRules.ProofRefusal("big.pdf", FundRules.MaxProofBytes + 1, "%PDF"u8));
        Assert.Contains("does not look like", FundRules.ProofRefusal("fake.png", 100, "%PDF"u8));
        Assert.Equal("empty.", FundRules.ProofRefusal("a.txt", 0, ""u8)![3..]);
        Assert.Equal("passwd.txt", FundRules.SafeFileName("../../etc/passwd.txt"));
        Assert.Equal("x.pdf", FundRules.SafeFileName("C:\\temp\\x.pdf"));
        Assert.Equal("proof.pdf", FundRules.SafeFileName(".pdf"));
    }
}
