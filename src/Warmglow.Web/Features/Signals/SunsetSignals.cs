namespace Warmglow.Web.Features.Signals;

/// <summary>The termination clause of the agreement that governs a partnership (for the wind-down plan).</summary>
public sealed class TerminationTerms
{
    public int AgreementId { get; init; }
    public string Title { get; init; } = "";
    public int NoticeDays { get; init; }
    public int WindDownDays { get; init; }
}

/// <summary>
/// What sunsetting reads from agreements: the termination clause of the partnership's governing agreement (the newest
/// one in force, else the newest not yet expired or terminated), or null when it has none.
/// </summary>
public interface ITerminationTermsSource
{
    Task<TerminationTerms?> ForPartnershipAsync(int partnershipId, CancellationToken ct);
}

/// <summary>
/// A module's say in creating agreements: the agreements module asks every rule before it creates one on
/// <c>partnershipId</c> and refuses with the rule's words (a field error on the partnership). Sunsetting refuses while a
/// wind-down runs for one of the partnership's partners.
/// </summary>
public interface IAgreementCreationRule
{
    Task<string?> RefusesAsync(int partnershipId, CancellationToken ct);
}
