using Warmglow.Core.Measurement;

namespace Warmglow.Core.Referrals;

/// <summary>
/// The steps of the referrals funnel, built on <see cref="RegistrationStage"/>: every registration is registered; an
/// approval (protected or influence only) accepts it; it is qualified, becomes an opportunity and is won. The other
/// ends are lost (after approval), rejected (at review) and expired (protection ran out).
/// </summary>
public enum FunnelStep { Registered, Approved, Qualified, Opportunity, Won, Lost, Rejected, Expired }

/// <summary>The funnel's arithmetic: which stages reached which step, rates between steps and medians from day counts.</summary>
public static class FunnelRules
{
    /// <summary>The steps in the order they are shown.</summary>
    public static readonly IReadOnlyList<FunnelStep> Steps = Enum.GetValues<FunnelStep>();

    /// <summary>The main line of the funnel, each step converting from the one before it.</summary>
    public static readonly IReadOnlyList<FunnelStep> MainLine = [FunnelStep.Registered, FunnelStep.Approved, FunnelStep.Qualified, FunnelStep.Opportunity, FunnelStep.Won];

    /// <summary>Stages past an approval: the registration was accepted (lost and expired ones only ever come after one).</summary>
    public static readonly IReadOnlyList<RegistrationStage> Accepted =
        [RegistrationStage.Approved, RegistrationStage.Qualified, RegistrationStage.Opportunity, RegistrationStage.Won, RegistrationStage.Lost, RegistrationStage.Expired];

    public static string Describe(FunnelStep s) => s switch
    {
        FunnelStep.Registered => "Registered",
        FunnelStep.Approved => "Approved",
        FunnelStep.Qualified => "Qualified",
        FunnelStep.Opportunity => "Opportunity",
        FunnelStep.Won => "Won",
        FunnelStep.Lost => "Lost",
        FunnelStep.Rejected => "Rejected",
        FunnelStep.Expired => "Expired",
        _ => s.ToString(),
    };

    /// <summary>
    /// Whether a registration now at <paramref name="stage"/> reached <paramref name="step"/>. A lost or expired one
    /// reached qualified or opportunity only when it was recorded as having been there (<paramref name="wasQualified"/>,
    /// <paramref name="wasOpportunity"/>); won ones went through both (the stage machine allows no shortcut).
    /// </summary>
    public static bool Reached(FunnelStep step, RegistrationStage stage, bool wasQualified, bool wasOpportunity) => step switch
    {
        FunnelStep.Registered => true,
        FunnelStep.Approved => Accepted.Contains(stage),
        FunnelStep.Qualified => stage is RegistrationStage.Qualified or RegistrationStage.Opportunity or RegistrationStage.Won || wasQualified || wasOpportunity,
        FunnelStep.Opportunity => stage is RegistrationStage.Opportunity or RegistrationStage.Won || wasOpportunity,
        FunnelStep.Won => stage == RegistrationStage.Won,
        FunnelStep.Lost => stage == RegistrationStage.Lost,
        FunnelStep.Rejected => stage == RegistrationStage.Rejected,
        FunnelStep.Expired => stage == RegistrationStage.Expired,
        _ => false,
    };

    /// <summary>The period filter: registrations submitted from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive), UTC.</summary>
    public static (DateTime From, DateTime To) Bounds(Quarter q)
    {
        var from = q.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return (from, from.AddMonths(3));
    }

    /// <summary>A quarter as people read it: "Q4 2026".</summary>
    public static string Describe(Quarter q) => $"Q{q.Number} {q.Year}";

    /// <summary>The <paramref name="count"/> quarters up to and including the one of <paramref name="now"/>, newest first (the period choices).</summary>
    public static IReadOnlyList<Quarter> Recent(DateTime now, int count) => Quarter.Of(now).Trailing(count).Reverse().ToList();

    /// <summary><paramref name="part"/> of <paramref name="whole"/>, 0 to 1 rounded to three decimals; null when there is no whole.</summary>
    public static decimal? Rate(int part, int whole) => whole <= 0 ? null : Math.Round((decimal)part / whole, 3, MidpointRounding.AwayFromZero);

    /// <summary>Won of those that ended after approval (won, lost or expired); null while none has.</summary>
    public static decimal? WinRate(int won, int lost, int expired) => Rate(won, won + lost + expired);

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/>, never below 0 (what the funnel stores per step).</summary>
    public static int WholeDays(DateTime from, DateTime to) => to <= from ? 0 : (int)Math.Floor((to - from).TotalDays);

    /// <summary>
    /// The median of values given as a histogram (value, how many times), as the database's GROUP BY returns them; the
    /// mean of the two middle values for an even count. Null for no values.
    /// </summary>
    public static decimal? Median(IEnumerable<(int Value, int Count)> histogram)
    {
        var bins = histogram.Where(b => b.Count > 0).OrderBy(b => b.Value).ToList();
        long n = bins.Sum(b => (long)b.Count);
        if (n == 0) return null;
        long lowIndex = (n - 1) / 2, highIndex = n / 2;
        int? low = null, high = null;
        long seen = 0;
        foreach (var b in bins)
        {
            var next = seen + b.Count;
            if (low is null && lowIndex < next) low = b.Value;
            if (highIndex < next) { high = b.Value; break; }
            seen = next;
        }
        return (low!.Value + high!.Value) / 2m;
    }
}
