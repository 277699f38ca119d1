using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Scoring;
using Warmglow.Web.Features.Discovery;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Partnerships;

[Authorize(Policy = Policies.Manage)]
public class PilotModel(DiscoveryService discovery, PartnershipService partnerships) : WarmglowPage
{
    const int BlankMilestones = 3;

    public sealed class MilestoneForm
    {
        public string? Name { get; set; }
        public DateOnly? Due { get; set; }
        public bool Done { get; set; }
    }

    public sealed class PilotForm
    {
        public string? Scope { get; set; }
        public DateOnly? StartDate { get; set; }
        public int? DurationWeeks { get; set; } = 12;
        public string? SuccessCriteria { get; set; }
        public List<MilestoneForm> Milestones { get; set; } = [];
        public PilotVerdict Verdict { get; set; }
        public string? VerdictNotes { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public PilotForm Input { get; set; } = new();
    public string PartnershipName { get; private set; } = "";

    public async Task OnGetAsync()
    {
        PartnershipName = (await partnerships.GetAsync(Id)).Name;
        if (await discovery.GetPilotAsync(Id) is { } p)
            Input = new PilotForm
            {
                Scope = p.Scope, StartDate = p.StartDate, DurationWeeks = p.DurationWeeks, SuccessCriteria = p.SuccessCriteria,
                Milestones = p.Milestones.Select(m => new MilestoneForm { Name = m.Name, Due = m.Due, Done = m.Done }).ToList(),
                Verdict = p.Verdict, VerdictNotes = p.VerdictNotes, Version = p.Version,
            };
        Input.Milestones.AddRange(Enumerable.Range(0, BlankMilestones).Select(_ => new MilestoneForm()));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var milestones = Input.Milestones.Where(m => !string.IsNullOrWhiteSpace(m.Name)).Select(m => new PilotMilestone(m.Name!, m.Due, m.Done)).ToList();
        var input = new PilotInput(Input.Scope, Input.StartDate, Input.DurationWeeks, Input.SuccessCriteria, milestones, Input.Verdict, Input.VerdictNotes, Input.Version);
        if (await TryAsync(() => discovery.SavePilotAsync(Id, input)))
        {
            Flash("Pilot saved.");
            return Redirect($"/Partnerships/{Id}#vetting");
        }
        PartnershipName = (await partnerships.GetAsync(Id)).Name;
        Input.Milestones = Input.Milestones.Where(m => !string.IsNullOrWhiteSpace(m.Name)).Concat(Enumerable.Range(0, BlankMilestones).Select(_ => new MilestoneForm())).ToList();
        return Page();
    }
}
