using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Partners;

[Authorize(Policy = Policies.Manage)]
public class EditModel(PartnerService partners, PartnershipService partnerships) : WarmglowPage
{
    public sealed class PartnerForm
    {
        public string? Name { get; set; }
        public string? Website { get; set; }
        public string? Industry { get; set; }
        public string? Size { get; set; }
        public string? Region { get; set; }
        public string? Notes { get; set; }
        public PartnerInput ToInput() => new(Name, Website, Industry, Size, Region, Notes);
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public PartnerForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public bool StartPartnership { get; set; } = true;
    [BindProperty] public PartnershipType PartnershipType { get; set; } = PartnershipType.CoMarketing;
    public PartnerFacets Facets { get; private set; } = new([], []);

    public async Task OnGetAsync()
    {
        Facets = await partners.FacetsAsync();
        if (Id is { } id)
        {
            var p = await partners.GetAsync(id);
            Input = new PartnerForm { Name = p.Name, Website = p.Website, Industry = p.Industry, Size = p.Size, Region = p.Region, Notes = p.Notes };
            Version = p.Version;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        int savedId = 0;
        var ok = await TryAsync(async () =>
        {
            if (Id is { } id)
            {
                savedId = (await partners.UpdateAsync(id, Input.ToInput(), Version)).Id;
                return;
            }
            // The partner and its first partnership are saved together or not at all.
            var partner = await partners.CreateWithAsync(Input.ToInput(), async partner =>
            {
                if (StartPartnership)
                    await partnerships.CreateAsync(new PartnershipInput($"{partner.Name} — {PartnershipTypes.Get(PartnershipType).Name}",
                        PartnershipType, partner.Id, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, null, null, null));
            });
            savedId = partner.Id;
        });
        if (!ok)
        {
            Facets = await partners.FacetsAsync();
            return Page();
        }
        Flash(Id is null ? "Partner created." : "Partner saved.");
        return Redirect($"/Partners/{savedId}");
    }
}
