using Warmglow.Core.Referrals;
using Warmglow.Web.Features.Referrals;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.AccountMapping;

public sealed record ReferInput(int? OurPopulationId, int? PartnerPopulationId, long? RecordId, string? Notes);

/// <summary>Turns an overlapping account into a lead registration through the Referrals service (its rules, conflicts and review apply).</summary>
public sealed class OverlapReferrals(AccountMappingService mapping, ReferralService referrals)
{
    public async Task<RegistrationDto> ReferAsync(int partnershipId, ReferInput input, MappingCaller caller, CancellationToken ct = default)
    {
        if (input.OurPopulationId is not { } ours || input.PartnerPopulationId is not { } theirs || input.RecordId is not { } id)
            throw ValidationFailed.For("recordId", "is required with the cell's two populations (ourPopulationId, partnerPopulationId).");
        var record = await mapping.OverlappingRecordAsync(partnershipId, ours, theirs, id, caller, ct);
        var website = record.Website ?? record.Domain;
        var name = record.Name ?? record.Domain;
        return await referrals.RegisterAsync(new RegisterInput(partnershipId, null, RegistrationKind.Lead, name, website, record.Country,
            null, null, null, null, null, null, null, input.Notes ?? "From the account mapping overlap.", null), new ReferralCaller(caller.IsPartner, caller.CanManage), ct);
    }
}
