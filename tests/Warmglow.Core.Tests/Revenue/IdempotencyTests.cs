using Warmglow.Core.Revenue;
using static Warmglow.Core.Tests.Revenue.R;

namespace Warmglow.Core.Tests.Revenue;

public class IdempotencyTests
{
    static readonly RevenueEvent First = Ev("order-17", 100.00m, D(2024, 1, 5));
    static readonly Dictionary<string, RevenueEvent> Store = new() { [First.Key] = First };

    [Fact]
    public void UnknownKey_IsNew() => Assert.Equal(IdempotencyOutcome.New, Idempotency.Check(Store, Ev("order-18", 100m, D(2024, 1, 5))));

    [Fact]
    public void SameKeySamePayload_IsReplay_EvenIfReformatted()
    {
        Assert.Equal(IdempotencyOutcome.Replay, Idempotency.Check(Store, First));
        Assert.Equal(IdempotencyOutcome.Replay, Idempotency.Check(Store, First with { Amount = 100.0m, Currency = "eur", Source = " shop " }));
        Assert.Equal(IdempotencyOutcome.Replay, Idempotency.Check(Store, First with { MemberId = " " }));
    }

    [Fact]
    public void SameKeyDifferentPayload_IsConflict()
    {
        Assert.Equal(IdempotencyOutcome.Conflict, Idempotency.Check(Store, First with { Amount = 100.01m }));
        Assert.Equal(IdempotencyOutcome.Conflict, Idempotency.Check(Store, First with { Amount = -100m }));
        Assert.Equal(IdempotencyOutcome.Conflict, Idempotency.Check(Store, First with { Date = D(2024, 1, 6) }));
        Assert.Equal(IdempotencyOutcome.Conflict, Idempotency.Check(Store, First with { Currency = "USD" }));
        Assert.Equal(IdempotencyOutcome.Conflict, Idempotency.Check(Store, First with { Source = "web" }));
        Assert.Equal(IdempotencyOutcome.Conflict, Idempotency.Check(Store, First with { AgreementId = "A2" }));
        Assert.Equal(IdempotencyOutcome.Conflict, Idempotency.Check(Store, First with { MemberId = "m1" }));
    }

    [Fact]
    public void KeysAreComparedAsTheStoreCompares()
    {
        // An ordinal store: a key differing in case is another key.
        Assert.Equal(IdempotencyOutcome.New, Idempotency.Check(Store, First with { Key = "ORDER-17" }));
    }
}
