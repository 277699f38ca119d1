using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Health;

public class AlertsModel(HealthService health, HealthReadModel read) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    public Paged<AlertRow> Rows { get; private set; } = null!;
    public RecomputeStatus Status { get; private set; } = null!;
    public bool CanRecompute { get; private set; }

    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page)
    {
        if (Kind is not ("red-flags" or "check-in" or "high-performers")) Kind = null;
        Rows = await read.AlertsAsync(Kind, page, 25);
        Status = health.Status();
        CanRecompute = await AllowedAsync(Policies.Manage);
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostRecomputeAsync(CancellationToken ct)
    {
        var r = await health.RecomputeAsync(ct);
        Flash($"Recomputed {r.Partnerships} partnerships in {r.Milliseconds} ms: {r.CheckInsNeeded} need a check-in in {r.Period} ({r.CheckInsOpened} new tasks), {r.HighPerformers} high performers, {r.WithRedFlags} with red flags.");
        return Redirect("/Health/Alerts");
    }
}
