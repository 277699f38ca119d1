using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Portfolio;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Portfolio.Triage;

/// <summary>One partnership's triage: the four scores with what the data suggested, notes, and its plan item (managers edit).</summary>
public class ItemModel(TriageService triage, UserDirectory people) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public TriageItemDto Item { get; private set; } = null!;
    public TriageRoundDto Round { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public List<(string Id, string Name)> Staff { get; private set; } = [];

    [BindProperty] public TriageItemInput Input { get; set; } = new(null, null, null, null, null, null, null, null, null);

    async Task LoadAsync(bool fillForm)
    {
        var ct = HttpContext.RequestAborted;
        Item = await triage.ItemAsync(Id, ct);
        Round = await triage.RoundAsync(Item.RoundId, ct);
        CanManage = await AllowedAsync(Policies.Manage);
        if (CanManage) Staff = await people.StaffOptionsAsync(ct);
        if (fillForm)
            Input = new(Item.StrategicAlignment, Item.ValueExchange, Item.OperationalEfficiency, Item.RelationshipHealth, Item.Notes, Item.OwnerId, Item.DueOn, Item.Status, Item.Version);
    }

    public Task OnGetAsync() => LoadAsync(true);

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostAsync()
    {
        if (await TryAsync(() => triage.UpdateItemAsync(Id, Input, HttpContext.RequestAborted)))
        {
            Flash("Triage saved.");
            return Redirect($"/Portfolio/Triage/Item/{Id}");
        }
        await LoadAsync(false);
        return Page();
    }
}
