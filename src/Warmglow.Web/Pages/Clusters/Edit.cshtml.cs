using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Clusters;
using Warmglow.Web.Features.Clusters;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Clusters;

/// <summary>Create or change a cluster (managers): what it offers, to whom, and its members (blank rows are left out).</summary>
public class EditModel(ClusterService clusters, Pickers pickers) : WarmglowPage
{
    public const int BlankRows = 2;

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? TargetCustomers { get; set; }
    [BindProperty] public CustomerSegment? TargetSegment { get; set; }
    [BindProperty] public string? TargetRegion { get; set; }
    [BindProperty] public List<MemberRow> Members { get; set; } = [];
    [BindProperty] public int? Version { get; set; }
    public List<(int Id, string Name)> Partners { get; private set; } = [];

    public sealed class MemberRow
    {
        public int? PartnerId { get; set; }
        public string? Part { get; set; }
        public CustomerSegment? Segment { get; set; }
        public BusinessModel? Model { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            var c = await clusters.GetAsync(id, HttpContext.RequestAborted);
            (Name, Description, TargetCustomers, TargetSegment, TargetRegion, Version) = (c.Name, c.Description, c.TargetCustomers, c.TargetSegment, c.TargetRegion, c.Version);
            Members = c.Members.Select(m => new MemberRow { PartnerId = m.PartnerId, Part = m.Part, Segment = m.Segment, Model = m.Model }).ToList();
        }
        await PadAsync();
        return Page();
    }

    async Task PadAsync()
    {
        var blanks = Math.Max(BlankRows, ClusterRules.MinMembers + 1 - Members.Count);
        for (var i = 0; i < blanks; i++) Members.Add(new MemberRow());
        Partners = await pickers.PartnersAsync(ct: HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var rows = Members.Where(m => m.PartnerId is > 0 || !string.IsNullOrWhiteSpace(m.Part)).ToList();
        var input = new ClusterInput(Name, Description, TargetCustomers, TargetSegment, TargetRegion,
            rows.Select(m => (ClusterMemberInput?)new ClusterMemberInput(m.PartnerId, m.Part, m.Segment, m.Model)).ToList(), Version);
        try
        {
            var saved = Id is { } id ? await clusters.UpdateAsync(id, input, HttpContext.RequestAborted) : await clusters.CreateAsync(input, HttpContext.RequestAborted);
            Flash(saved.Warnings.Count == 0 ? $"Cluster \"{saved.Name}\" saved." : $"Cluster \"{saved.Name}\" saved, with {Core.Text.Labels.Count(saved.Warnings.Count, "warning")} to review.");
            return Redirect($"/Clusters/Details/{saved.Id}");
        }
        catch (ValidationFailed v)
        {
            foreach (var (field, messages) in v.Errors.ToDictionary())
                foreach (var m in messages) AddError(field, m);
        }
        catch (Conflict c) { ModelState.AddModelError("", c.Message); }
        Members = rows;
        await PadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (Id is not { } id) throw new NotFound("Cluster");
        try
        {
            await clusters.DeleteAsync(id, Version, HttpContext.RequestAborted);
        }
        catch (Conflict c)
        {
            ModelState.AddModelError("", c.Message);
            return await OnGetAsync();
        }
        Flash("Cluster deleted; its partners and their links stay.");
        return Redirect("/Clusters");
    }

    // "members[1].partnerId" is the second kept row: its error goes next to that row's partner, worded for a person.
    void AddError(string field, string message)
    {
        if (field.StartsWith("members[", StringComparison.Ordinal) && field.IndexOf(']') is > 8 and var end && int.TryParse(field[8..end], out var i))
        {
            var part = field.Length > end + 2 ? field[(end + 2)..] : "";
            var (key, label) = part switch
            {
                "part" => ("Part", "part in the solution"), "segment" => ("Segment", "customers"), "model" => ("Model", "business model"), _ => ("PartnerId", "partner"),
            };
            ModelState.AddModelError($"Members[{i}].{key}", $"Member {i + 1} {label} {message}");
        }
        else if (field == "members") ModelState.AddModelError("", $"Members {message}");
        else
        {
            var (key, label) = field switch
            {
                "name" => (nameof(Name), "Name"), "description" => (nameof(Description), "Description"), "targetCustomers" => (nameof(TargetCustomers), "Target customers"),
                "targetSegment" => (nameof(TargetSegment), "Target segment"), "targetRegion" => (nameof(TargetRegion), "Target region"), _ => ("", "This change"),
            };
            ModelState.AddModelError(key, $"{label} {message}");
        }
    }
}
