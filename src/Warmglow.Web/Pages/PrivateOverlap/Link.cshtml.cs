using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.PrivateOverlap;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.PrivateOverlap;

/// <summary>One link: its keys, a run of one of our populations against one of the partner's, and the link's runs.</summary>
public class LinkModel(PrivateOverlapService overlap, IPopulationKeySource populations) : WarmglowPage
{
    public sealed class RunForm
    {
        public int? OurPopulationId { get; set; }
        public int? PeerPopulationId { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public RunForm Input { get; set; } = new();
    public LinkDto Link { get; private set; } = null!;
    public IReadOnlyList<OwnPopulation> Ours { get; private set; } = [];
    public IReadOnlyList<PeerPopulationDto> Theirs { get; private set; } = [];
    /// <summary>Why the partner's populations could not be listed (their deployment is down, or refused).</summary>
    public string? PeerProblem { get; private set; }
    public Paged<RunDto> Runs { get; private set; } = new([], 1, 25, 0);
    public RunDto? Last { get; private set; }
    public bool CanManage { get; private set; }

    public Task OnGetAsync(int id, [FromQuery(Name = "page")] int? page, CancellationToken ct) => LoadAsync(id, page, ct);

    /// <summary>Asks the partner's deployment for its lists (a call out, so only on request, never on opening the page).</summary>
    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostListsAsync(int id, CancellationToken ct)
    {
        await LoadAsync(id, null, ct, askPeer: true);
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostRunAsync(int id, CancellationToken ct)
    {
        await TryAsync(async () => Last = await overlap.StartRunAsync(id, new(Input.OurPopulationId, Input.PeerPopulationId), ct));
        await LoadAsync(id, null, ct);
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (await TryAsync(() => overlap.RevokeAsync(id, Input.Version, ct)))
        {
            Flash("The link is revoked: the partner's deployment can no longer run an overlap with us on it.");
            return RedirectToPage("Index");
        }
        await LoadAsync(id, null, ct);
        return Page();
    }

    /// <summary>Whether the partner's lists were asked for (the run form shows only then).</summary>
    public bool Asked { get; private set; }

    async Task LoadAsync(int id, int? page, CancellationToken ct, bool askPeer = false)
    {
        CanManage = await AllowedAsync(Policies.Manage);
        Link = await overlap.LinkAsync(id, ct);
        Runs = await overlap.RunsAsync(id, page, ct);
        if (Link.Status != PeerLinkStatus.Active || !CanManage) return;
        Ours = (await populations.OwnPopulationsAsync(Link.PartnershipId, ct)).Where(p => p.Level != Core.Mapping.SharingLevel.Hidden).ToList();
        if (!askPeer) return;
        Asked = true;
        try { Theirs = await overlap.PeerPopulationsAsync(id, ct); }
        catch (Conflict c) { PeerProblem = c.Message; }
    }
}
