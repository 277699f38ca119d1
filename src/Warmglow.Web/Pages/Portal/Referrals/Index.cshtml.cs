using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Referrals;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Portal.Referrals;

/// <summary>The partner user's registrations (the DbContext limits them to their own partner's).</summary>
public class IndexModel(ReferralService referrals) : WarmglowPage
{
    public Paged<RegistrationRow> Result { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page) =>
        Result = await referrals.ListAsync(new(Page: page), HttpContext.RequestAborted);
}
