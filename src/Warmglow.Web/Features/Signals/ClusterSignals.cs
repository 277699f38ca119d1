namespace Warmglow.Web.Features.Signals;

// What the clusters module and the ecosystem dashboard read from the modules that own the figures. Each call is one
// grouped query whatever the number of partners or partnerships asked about (no query per row).

/// <summary>The registrations of one partner at one stage group and currency: open (not yet won or closed) or won.</summary>
public sealed class PartnerPipeline
{
    public int PartnerId { get; init; }
    public bool Won { get; init; }
    /// <summary>The currency of <see cref="Amount"/>; null for registrations without an amount.</summary>
    public string? Currency { get; init; }
    public int Count { get; init; }
    public decimal Amount { get; init; }
}

/// <summary>The referrals module's registrations, as a pipeline per registering partner (open and won).</summary>
public interface IPartnerPipelineSource
{
    Task<IReadOnlyList<PartnerPipeline>> PipelineAsync(IReadOnlyCollection<int> partnerIds, CancellationToken ct);
}

/// <summary>The joint initiatives of one partnership: all, running, done.</summary>
public sealed class PartnershipInitiativeCount
{
    public int PartnershipId { get; init; }
    public int Total { get; init; }
    public int Running { get; init; }
    public int Done { get; init; }
}

/// <summary>A count in one calendar month (the dashboard folds months into quarters).</summary>
public sealed class MonthCount
{
    public int Year { get; init; }
    public int Month { get; init; }
    public int Count { get; init; }
}

/// <summary>The initiatives module's counts: per partnership, and initiatives done per month since a date.</summary>
public interface IInitiativeCountSource
{
    Task<IReadOnlyList<PartnershipInitiativeCount>> CountsAsync(IReadOnlyCollection<int> partnershipIds, CancellationToken ct);
    Task<IReadOnlyList<MonthCount>> DonePerMonthAsync(DateTime since, CancellationToken ct);
}
