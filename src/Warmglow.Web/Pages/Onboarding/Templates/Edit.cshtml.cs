using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Onboarding;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Portfolio;
using Warmglow.Web.Features.Onboarding;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Onboarding.Templates;

/// <summary>Create or change a checklist template (managers): what it is for, and its steps (blank rows are left out).</summary>
public class EditModel(OnboardingService onboarding) : WarmglowPage
{
    public const int BlankRows = 3;

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    /// <summary>"type:Reseller", "tier:Strategic" or "" (the default).</summary>
    [BindProperty] public string? For { get; set; }
    [BindProperty] public List<StepRow> Steps { get; set; } = [];
    [BindProperty] public int? Version { get; set; }

    public sealed class StepRow
    {
        public string? Title { get; set; }
        public StepOwnerSide OwnerSide { get; set; }
        public int? DueOffsetDays { get; set; }
        public bool Required { get; set; }
        public bool NeedsApproval { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            var t = await onboarding.TemplateAsync(id, HttpContext.RequestAborted);
            Name = t.Name;
            For = t.Tier is { } tier ? $"tier:{tier}" : t.Type is { } type ? $"type:{type}" : "";
            Version = t.Version;
            Steps = t.Steps.Select(s => new StepRow { Title = s.Title, OwnerSide = s.OwnerSide, DueOffsetDays = s.DueOffsetDays, Required = s.Required, NeedsApproval = s.NeedsApproval }).ToList();
        }
        Pad();
        return Page();
    }

    void Pad()
    {
        for (var i = 0; i < BlankRows; i++) Steps.Add(new StepRow { Required = true, DueOffsetDays = 7 });
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var rows = Steps.Where(s => !string.IsNullOrWhiteSpace(s.Title)).ToList();
        PartnershipType? type = For?.StartsWith("type:", StringComparison.Ordinal) == true && Enum.TryParse<PartnershipType>(For[5..], out var ty) ? ty : null;
        Tier? tier = For?.StartsWith("tier:", StringComparison.Ordinal) == true && Enum.TryParse<Tier>(For[5..], out var ti) ? ti : null;
        var input = new TemplateInput(Name, type, tier,
            rows.Select(s => (TemplateStepInput?)new TemplateStepInput(s.Title, s.OwnerSide, s.DueOffsetDays, s.Required, s.NeedsApproval)).ToList(), Version);
        try
        {
            var saved = Id is { } id ? await onboarding.UpdateTemplateAsync(id, input, HttpContext.RequestAborted) : await onboarding.CreateTemplateAsync(input, HttpContext.RequestAborted);
            Flash($"Template \"{saved.Name}\" saved.");
            return Redirect("/Onboarding/Templates");
        }
        catch (ValidationFailed v)
        {
            foreach (var (field, messages) in v.Errors.ToDictionary())
                foreach (var m in messages) AddError(field, m);
        }
        catch (Conflict c) { ModelState.AddModelError("", c.Message); }
        Steps = rows;
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (Id is not { } id) throw new NotFound("Onboarding template");
        await onboarding.DeleteTemplateAsync(id, HttpContext.RequestAborted);
        Flash("Template deleted.");
        return Redirect("/Onboarding/Templates");
    }

    // "steps[2].title" is the third kept row: its error goes next to that row's field, worded for a person.
    void AddError(string field, string message)
    {
        if (field.StartsWith("steps[", StringComparison.Ordinal) && field.IndexOf(']') is > 6 and var end && int.TryParse(field[6..end], out var i))
        {
            var part = field.Length > end + 2 ? field[(end + 2)..] : "";
            var (key, label) = part switch
            {
                "title" => ("Title", "title"), "dueOffsetDays" => ("DueOffsetDays", "days after the start"), "ownerSide" => ("OwnerSide", "side"), _ => ("Title", ""),
            };
            ModelState.AddModelError($"Steps[{i}].{key}", $"Step {i + 1}{(label.Length > 0 ? " " + label : "")} {message}");
        }
        else if (field == "steps") ModelState.AddModelError("", $"Steps {message}");
        else if (field is "type" or "tier") ModelState.AddModelError(nameof(For), $"This {field} {message}");
        else ModelState.AddModelError(field == "name" ? nameof(Name) : "", $"{char.ToUpperInvariant(field[0])}{field[1..]} {message}");
    }
}
