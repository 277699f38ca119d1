using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Clusters;
using Warmglow.Web.Features.Clusters;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Clusters;

/// <summary>One cluster: the combined solution, its members, the characteristic checks, its figures and the members' links.</summary>
public class DetailsModel(ClusterService clusters, Pickers pickers) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public ClusterDto Cluster { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public List<(int Id, string Name)> Partners { get; private set; } = [];

    [BindProperty] public int? FromPartnerId { get; set; }
    [BindProperty] public int? ToPartnerId { get; set; }
    [BindProperty] public PartnerLinkKind? Kind { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public int LinkId { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    async Task LoadAsync()
    {
        Cluster = await clusters.GetAsync(Id, HttpContext.RequestAborted);
        CanManage = await AllowedAsync(Policies.Manage);
        if (CanManage) Partners = await pickers.PartnersAsync(ct: HttpContext.RequestAborted);
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostLinkAsync()
    {
        if (await TryAsync(() => clusters.CreateLinkAsync(new PartnerLinkInput(FromPartnerId, ToPartnerId, Kind, Note), HttpContext.RequestAborted)))
        {
            Flash("Link recorded.");
            return Redirect($"/Clusters/Details/{Id}#links");
        }
        await LoadAsync();
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostUnlinkAsync()
    {
        await clusters.DeleteLinkAsync(LinkId, HttpContext.RequestAborted);
        Flash("Link removed.");
        return Redirect($"/Clusters/Details/{Id}#links");
    }
}
