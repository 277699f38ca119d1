using Warmglow.Web.Features.AccountMapping;

namespace Warmglow.Web.Pages.Portal.AccountMapping;

/// <summary>The partner user's view of one cell: where we share our overlapping accounts.</summary>
public class OverlapModel(AccountMappingService mapping, OverlapReferrals referrals) : Pages.AccountMapping.OverlapModel(mapping, referrals)
{
    public override string Base => "/Portal/AccountMapping/Overlap";
}
