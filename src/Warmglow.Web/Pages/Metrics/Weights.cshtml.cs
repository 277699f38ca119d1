using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Measurement;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Metrics;

public class WeightsModel(MeasurementService measurement) : WarmglowPage
{
    protected override string InputPrefix => "";
    public SettingsDto Settings { get; private set; } = null!;
    [BindProperty] public MeasurementFrame Frame { get; set; }
    [BindProperty] public Dictionary<string, decimal> Weights { get; set; } = [];
    [BindProperty] public string? ReportingCurrency { get; set; }
    [BindProperty] public int? Version { get; set; }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnGetAsync(MeasurementFrame? frame)
    {
        Settings = await measurement.GetSettingsAsync();
        Frame = frame ?? Settings.Frame;
        Weights = Frame == Settings.Frame ? Settings.Weights.ToDictionary() : MetricRules.DefaultWeights(Frame).ToDictionary();
        ReportingCurrency = Settings.ReportingCurrency;
        Version = Settings.Version;
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostAsync()
    {
        Settings = await measurement.GetSettingsAsync();
        if (await TryAsync(() => measurement.SaveSettingsAsync(new SettingsInput(Frame, Weights, ReportingCurrency, Version))))
        {
            Flash("Scorecard settings saved; every partnership's composite was recomputed.");
            return Redirect("/Health");
        }
        return Page();
    }
}
