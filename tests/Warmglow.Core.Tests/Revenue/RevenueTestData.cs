using Warmglow.Core.Revenue;

namespace Warmglow.Core.Tests.Revenue;

static class R
{
    public static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static PartyPercent P(string party, decimal percent) => new(party, percent);

    public static AgreementTerms Terms(ShareModel model, string currency = "EUR", DateOnly? start = null, DateOnly? end = null) =>
        new("A1", currency, start ?? D(2024, 1, 1), end, model);

    public static RevenueEvent Ev(string key, decimal amount, DateOnly date, string currency = "EUR", string agreement = "A1", string? member = null) =>
        new(key, amount, currency, date, "shop", agreement, member);

    public static readonly FixedSplit SixtyForty = new([P("content", 60), P("platform", 40)]);

    public static readonly Period Year2024 = new(D(2024, 1, 1), D(2024, 12, 31));
}
