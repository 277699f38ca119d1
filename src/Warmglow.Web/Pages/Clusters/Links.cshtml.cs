using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Clusters;
using Warmglow.Web.Features.Clusters;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Clusters;

/// <summary>Every partner-to-partner link, or one partner's (either end), with a form to record one.</summary>
public class LinksModel(ClusterService clusters, Pickers pickers) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int? PartnerId { get; set; }
    public Paged<PartnerLinkDto> Result { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public bool CanManage { get; private set; }
    public List<(int Id, string Name)> Partners { get; private set; } = [];
    public string? PartnerName { get; private set; }

    [BindProperty] public int? FromPartnerId { get; set; }
    [BindProperty] public int? ToPartnerId { get; set; }
    [BindProperty] public PartnerLinkKind? Kind { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public int LinkId { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page) => await LoadAsync(page);

    async Task LoadAsync(int? page)
    {
        Result = await clusters.LinksAsync(PartnerId, page, null, HttpContext.RequestAborted);
        CanManage = await AllowedAsync(Policies.Manage);
        Partners = await pickers.PartnersAsync(ct: HttpContext.RequestAborted);
        PartnerName = PartnerId is { } id ? Partners.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefault() : null;
        FromPartnerId ??= PartnerId;
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostLinkAsync()
    {
        if (await TryAsync(() => clusters.CreateLinkAsync(new PartnerLinkInput(FromPartnerId, ToPartnerId, Kind, Note), HttpContext.RequestAborted)))
        {
            Flash("Link recorded.");
            return Redirect(PartnerId is { } id ? $"/Clusters/Links?partnerId={id}" : "/Clusters/Links");
        }
        await LoadAsync(null);
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostUnlinkAsync()
    {
        await clusters.DeleteLinkAsync(LinkId, HttpContext.RequestAborted);
        Flash("Link removed.");
        return Redirect(PartnerId is { } id ? $"/Clusters/Links?partnerId={id}" : "/Clusters/Links");
    }
}
