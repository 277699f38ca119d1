using Warmglow.Core.Mapping;

namespace Warmglow.Web.Features.Signals;

/// <summary>One of our populations of a partnership, with what our own rules share of it (the population's rule, else the partnership's).</summary>
public sealed record OwnPopulation(int Id, string Name, string KindName, int RecordCount, SharingLevel Level);

/// <summary>A record's normalized key (Core.PrivateOverlap.PsiKeys) and what our own pages show of it.</summary>
public sealed record PopulationKeyRecord(string Key, string? Name, string? Domain, string? Country);

/// <summary>
/// Account mapping's populations as the private overlap reads them: our own side only, never the partner's uploads.
/// Implemented by the account-mapping module; the private-overlap module reads no mapping table itself.
/// </summary>
public interface IPopulationKeySource
{
    Task<IReadOnlyList<OwnPopulation>> OwnPopulationsAsync(int partnershipId, CancellationToken ct);

    /// <summary>The distinct keys of one of our populations (records without a domain or name key take no part).</summary>
    Task<IReadOnlyList<PopulationKeyRecord>> KeysAsync(int partnershipId, int populationId, CancellationToken ct);
}
