using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Demo;

/// <summary>
/// A module's part of the demo workspace. <see cref="DemoLoader"/> runs every registered contributor, in
/// <see cref="Order"/>, inside its one transaction, after partners, partnerships and vetting exist.
/// </summary>
public interface IDemoContributor
{
    /// <summary>Lower runs first: agreements (100) before revenue (200) before measurement (300).</summary>
    int Order { get; }
    Task AddAsync(DemoContext context, CancellationToken ct);
}

/// <summary>What a contributor may use: the demo staff (admin, managers, executive, evaluator) and the load's clock.</summary>
public sealed record DemoContext(IReadOnlyList<AppUser> Staff, DateTime Now);
