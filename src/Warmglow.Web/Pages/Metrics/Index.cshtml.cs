using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Measurement;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Metrics;

public class IndexModel(MeasurementService measurement) : WarmglowPage
{
    public List<MetricDto> Metrics { get; private set; } = [];
    public SettingsDto Settings { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Metrics = await measurement.ListMetricsAsync();
        Settings = await measurement.GetSettingsAsync();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostApplyAsync(string template)
    {
        var added = 0;
        if (await TryAsync(async () => added = await measurement.ApplyTemplateAsync(template)))
        {
            Flash(added == 0 ? "The template's metrics were already there; nothing was added." : $"{added} metrics added from the template.");
            return Redirect("/Metrics");
        }
        await OnGetAsync();
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (await TryAsync(() => measurement.DeleteMetricAsync(id)))
        {
            Flash("Metric deleted.");
            return Redirect("/Metrics");
        }
        await OnGetAsync();
        return Page();
    }
}
