using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Initiatives;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Portal.Initiatives;

/// <summary>A shared initiative in the portal: the partner's users read it and record progress on what their side owns.</summary>
public class DetailModel(InitiativeService initiatives) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public InitiativeDto Initiative { get; private set; } = null!;
    public bool IsPartner => User.FindFirst(Features.Users.WarmglowClaims.Partner) is not null;

    [BindProperty] public int? ItemId { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public DateOnly? DoneOn { get; set; }
    [BindProperty] public decimal? Actual { get; set; }
    [BindProperty] public DateOnly? MeasuredOn { get; set; }

    public async Task OnGetAsync() => Initiative = await initiatives.GetAsync(Id, HttpContext.RequestAborted);

    async Task<IActionResult> Run(Func<Task> change, string done, string anchor)
    {
        try
        {
            if (await TryAsync(change))
            {
                Flash(done);
                return Redirect($"/Portal/Initiatives/{Id}#{anchor}");
            }
        }
        catch (Forbidden f)
        {
            ModelState.AddModelError("", f.Message);
        }
        await OnGetAsync();
        return Page();
    }

    public Task<IActionResult> OnPostMilestoneAsync() =>
        Run(() => initiatives.RecordMilestoneAsync(Id, ItemId ?? 0, new(DoneOn, Version), HttpContext.RequestAborted), "Milestone updated.", "milestones");

    public Task<IActionResult> OnPostOutcomeAsync() =>
        Run(() => initiatives.RecordOutcomeAsync(Id, ItemId ?? 0, new(Actual, MeasuredOn, Version), HttpContext.RequestAborted), "Outcome recorded.", "outcomes");
}
