using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Initiatives;
using Warmglow.Web.Features.Initiatives;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Initiatives;

/// <summary>A new initiative: choose the partnership and kind first (the kind decides the fields), then fill it in.</summary>
public class NewModel(InitiativeService initiatives, Pickers pickers, UserDirectory users) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public int? PartnershipId { get; set; }
    [BindProperty(SupportsGet = true)] public InitiativeKind? Kind { get; set; }
    [BindProperty] public InitiativeForm Input { get; set; } = new();
    public List<(int Id, string Name)> Partnerships { get; private set; } = [];
    public List<(string Id, string Name)> Staff { get; private set; } = [];
    public string? PartnershipName { get; private set; }

    public bool Ready => PartnershipName is not null && Kind is { } k && Enum.IsDefined(k);

    async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Partnerships = await pickers.PartnershipsAsync(null, Pickers.Limit, ct);
        Staff = await users.StaffOptionsAsync(ct);
        PartnershipName = PartnershipId is { } id ? await pickers.PartnershipNameAsync(id, ct) : null;
    }

    [RequirePolicy(Policies.Manage)]
    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input.PartnershipId = PartnershipId;
        Input.Kind = Kind;
        Input.OurOwnerId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostAsync()
    {
        PartnershipId = Input.PartnershipId;
        Kind = Input.Kind;
        InitiativeDto? created = null;
        if (await TryAsync(async () => created = await initiatives.CreateAsync(Input.ToInput(), HttpContext.RequestAborted)))
        {
            Flash("Initiative created.");
            return Redirect($"/Initiatives/{created!.Summary.Id}");
        }
        await LoadAsync();
        return Page();
    }
}
