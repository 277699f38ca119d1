using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Strategy;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Strategy.Personas;

[Authorize(Policy = Policies.Manage)]
public class EditModel(PersonaService personas, Features.Discovery.DiscoveryService discovery) : WarmglowPage
{
    public sealed class PersonaForm
    {
        public string? Name { get; set; }
        public string? Values { get; set; }
        public string? MarketPosition { get; set; }
        public string? OperationalStyle { get; set; }
        public string? Size { get; set; }
        public string? Industry { get; set; }
        public string? Region { get; set; }
        public string? Notes { get; set; }
        public int? ScorecardId { get; set; }
        public PersonaInput ToInput() => new(Name, Values, MarketPosition, OperationalStyle, Size, Industry, Region, Notes, ScorecardId);
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public PersonaForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public List<Features.Discovery.ScorecardSummary> Scorecards { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Scorecards = await discovery.ListScorecardsAsync();
        if (Id is { } id)
        {
            var p = await personas.GetAsync(id);
            Input = new PersonaForm { Name = p.Name, Values = p.Values, MarketPosition = p.MarketPosition, OperationalStyle = p.OperationalStyle, Size = p.Size, Industry = p.Industry, Region = p.Region, Notes = p.Notes, ScorecardId = p.ScorecardId };
            Version = p.Version;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await TryAsync(async () =>
            {
                if (Id is { } id) await personas.UpdateAsync(id, Input.ToInput(), Version);
                else await personas.CreateAsync(Input.ToInput());
            }))
        {
            Flash(Id is null ? "Persona created." : "Persona saved.");
            return Redirect("/Strategy/Personas");
        }
        Scorecards = await discovery.ListScorecardsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (Id is not { } id) return NotFound();
        if (!await TryAsync(() => personas.DeleteAsync(id, Version)))
        {
            await OnGetAsync();
            return Page();
        }
        Flash("Persona deleted.");
        return Redirect("/Strategy/Personas");
    }
}
