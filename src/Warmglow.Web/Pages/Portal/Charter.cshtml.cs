using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Agreements;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Pages.Partnerships;

namespace Warmglow.Web.Pages.Portal;

/// <summary>A partner user reads their partnership's charter and fills in their own side.</summary>
public class CharterModel(CharterService charters) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public int PartnershipId { get; set; }
    [BindProperty] public Partnerships.CharterModel.SideForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public CharterDto Charter { get; private set; } = null!;
    public bool IsPartner => User.IsInRole(Roles.Partner);

    public async Task OnGetAsync()
    {
        Charter = await charters.GetAsync(PartnershipId);
        Input = Partnerships.CharterModel.SideForm.From(Charter.Theirs);
        Version = Charter.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!IsPartner) return Forbid();
        ModelState.Clear();
        if (await TryAsync(() => charters.SavePartnerSideAsync(PartnershipId, new(Input.ToSide(), Version))))
        {
            Flash("Your side of the charter is saved.");
            return Redirect($"/Portal/Charter/{PartnershipId}");
        }
        Charter = await charters.GetAsync(PartnershipId);
        return Page();
    }

    public IEnumerable<string> Flags(string field) => Charter.Misalignments.Where(m => m.Fields.Contains(field)).Select(m => m.Message);

    /// <summary>Errors for a field of the partner's side ("primaryObjective" → the service's "theirs.primaryObjective").</summary>
    public string? ErrorFor(string field)
    {
        var key = $"Input.Theirs.{field}";
        var list = ModelState.Where(e => e.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).ToList();
        return list.Count == 0 ? null : string.Join(" ", list);
    }
}
