namespace Warmglow.Web.Features.Signals;
public sealed record PartnerNextAction(string Title, string Link, DateOnly? Due, string Kind); // Kind in plain words, e.g. "Registration"
public interface IPartnerNextActionSource
{
    // For the signed-in partner user (db filters already limit to their partnerships); shared data only.
    Task<IReadOnlyList<PartnerNextAction>> NextActionsAsync(CancellationToken ct = default);
}
