using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Strategy;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Strategy.Goals;

[Authorize(Policy = Policies.Manage)]
public class EditModel(GoalService goals, UserService users) : WarmglowPage
{
    public sealed class GoalForm
    {
        public string? Metric { get; set; }
        public string? Description { get; set; }
        public GoalKind? Kind { get; set; } = GoalKind.Quantitative;
        public decimal? Baseline { get; set; }
        public decimal? Target { get; set; }
        public DateOnly? Deadline { get; set; }
        public string? OwnerId { get; set; }
        public GoalInput ToInput() => new(Metric, Description, Kind, Baseline, Target, Deadline, OwnerId);
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public GoalForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public List<(string Id, string Name)> Staff { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Staff = await users.StaffAsync();
        if (Id is { } id)
        {
            var g = await goals.GetAsync(id);
            Input = new GoalForm { Metric = g.Metric, Description = g.Description, Kind = g.Kind, Baseline = g.Baseline, Target = g.Target, Deadline = g.Deadline, OwnerId = g.Owner?.Id };
            Version = g.Version;
        }
        else Input.OwnerId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The browser's own parse errors (e.g. a malformed number) are replaced by the service's rules.
        ModelState.Clear();
        if (await TryAsync(async () =>
            {
                if (Id is { } id) await goals.UpdateAsync(id, Input.ToInput(), Version);
                else await goals.CreateAsync(Input.ToInput());
            }))
        {
            Flash(Id is null ? "Goal created." : "Goal saved.");
            return Redirect("/Strategy/Goals");
        }
        Staff = await users.StaffAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (Id is not { } id) return NotFound();
        if (!await TryAsync(() => goals.DeleteAsync(id, Version)))
        {
            await OnGetAsync();
            return Page();
        }
        Flash("Goal deleted.");
        return Redirect("/Strategy/Goals");
    }
}
