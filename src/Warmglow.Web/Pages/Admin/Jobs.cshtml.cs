using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Pages.Admin;

public class JobsModel(JobsService jobs) : PageModel
{
    public IReadOnlyList<JobStatusDto> Jobs { get; private set; } = [];
    public string? Selected { get; private set; }
    public Paged<JobRunDto>? Runs { get; private set; }
    public bool CanRun { get; private set; }

    public async Task OnGetAsync(string? job, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        await LoadAsync(job, page, ct);
    }

    /// <summary>The table alone, for the page's refresh while a pass is asked for or running.</summary>
    public async Task<IActionResult> OnGetTableAsync(string? job, CancellationToken ct)
    {
        await LoadAsync(job, null, ct);
        return Partial("_JobsTable", this);
    }

    [RequirePolicy(Policies.Owner)]
    public async Task<IActionResult> OnPostRunAsync(string name, CancellationToken ct)
    {
        await jobs.RunNowAsync(name, User.Identity?.Name ?? "an admin", ct);
        return Redirect($"/Admin/Jobs?job={Uri.EscapeDataString(name)}");
    }

    async Task LoadAsync(string? job, int? page, CancellationToken ct)
    {
        CanRun = User.HasClaim(c => c.Type == WarmglowClaims.Owner);
        Jobs = await jobs.ListAsync(ct);
        Selected = Jobs.FirstOrDefault(j => j.Name == job)?.Name;
        if (Selected is not null) Runs = await jobs.RunsAsync(Selected, page, ct);
    }

    public static string When(DateTime? t) => t is { } v ? v.ToString("yyyy-MM-dd HH:mm:ss") + " UTC" : "—";

    public static string Duration(long? ms) => ms switch
    {
        null => "—",
        < 1000 => $"{ms} ms",
        < 120_000 => $"{ms / 1000.0:0.0} s",
        _ => $"{ms / 60000.0:0.0} min",
    };
}
