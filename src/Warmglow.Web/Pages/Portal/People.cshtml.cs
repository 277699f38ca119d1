using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Portal;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Portal;

/// <summary>Our managers' list of partner portal users, where one is made a partner admin (policy: manage).</summary>
public class PeopleModel(PartnerTeamService team, Pickers pickers) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public int? PartnerId { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public Paged<PortalUserDto> Users { get; private set; } = new([], 1, 25, 0);
    public IReadOnlyList<(int Id, string Name)> Partners { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    async Task LoadAsync(CancellationToken ct)
    {
        Users = await team.PortalUsersAsync(PartnerId, PageNumber, 50, ct);
        Partners = await pickers.PartnersAsync(ct: ct);
    }

    public async Task<IActionResult> OnPostAdminAsync(string? userId, bool makeAdmin, CancellationToken ct)
    {
        if (await TryAsync(() => team.SetPartnerAdminAsync(userId ?? "", new PartnerAdminInput(makeAdmin), ct)))
        {
            Flash(makeAdmin ? "They are a partner admin now: they can invite and deactivate their organization's portal users." : "They are no longer a partner admin.");
            return Redirect(PartnerId is { } p ? $"/Portal/People?partnerId={p}" : "/Portal/People");
        }
        await LoadAsync(ct);
        return Page();
    }
}
