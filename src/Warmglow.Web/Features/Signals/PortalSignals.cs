namespace Warmglow.Web.Features.Signals;

/// <summary>Something a partner user should do next, shown first on their portal home. <see cref="Kind"/> is in plain words ("Survey").</summary>
public sealed record PartnerNextAction(string Title, string Link, DateOnly? Due, string Kind);

/// <summary>
/// A module's next actions for the signed-in partner user. The DbContext's partner filter already limits reads to their
/// own partnerships; a source returns shared data only. Register with <c>services.AddScoped&lt;IPartnerNextActionSource, …&gt;()</c>.
/// </summary>
public interface IPartnerNextActionSource
{
    Task<IReadOnlyList<PartnerNextAction>> NextActionsAsync(CancellationToken ct = default);
}
