using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.PrivateOverlap;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.PrivateOverlap;

/// <summary>Links with partners' own deployments: invite one, accept one, and every run on any link.</summary>
public class IndexModel(PrivateOverlapService overlap, Pickers pickers, IConfiguration config) : WarmglowPage
{
    public sealed class LinkForm
    {
        public int? PartnershipId { get; set; }
        public string? Invitation { get; set; }
    }

    [BindProperty] public LinkForm Input { get; set; } = new();
    public IReadOnlyList<LinkDto> Links { get; private set; } = [];
    public Paged<RunDto> Runs { get; private set; } = new([], 1, 25, 0);
    public List<(int Id, string Name)> Partnerships { get; private set; } = [];
    /// <summary>Set right after inviting: the invitation text, shown this once.</summary>
    public InvitationDto? Created { get; private set; }
    public bool CanManage { get; private set; }

    public Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct) => LoadAsync(page, ct);

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (await TryAsync(async () => Created = await overlap.CreateInvitationAsync(new(Input.PartnershipId), PrivateOverlapApi.OurUrl(HttpContext, config), ct)))
            ModelState.Clear();
        await LoadAsync(null, ct);
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        LinkDto? link = null;
        if (await TryAsync(async () => link = await overlap.AcceptInvitationAsync(new(Input.PartnershipId, Input.Invitation), PrivateOverlapApi.OurUrl(HttpContext, config), ct)))
        {
            Flash($"Connected with {link!.PeerName ?? "the partner's deployment"}. Compare the key fingerprints with the partner before the first run.");
            return RedirectToPage("Link", new { id = link.Id });
        }
        await LoadAsync(null, ct);
        return Page();
    }

    async Task LoadAsync(int? page, CancellationToken ct)
    {
        CanManage = await AllowedAsync(Policies.Manage);
        Links = await overlap.LinksAsync(null, ct);
        Runs = await overlap.RunsAsync(null, page, ct);
        Partnerships = await pickers.PartnershipsAsync(null, 200, ct);
    }
}
