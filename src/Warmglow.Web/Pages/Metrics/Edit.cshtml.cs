using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Measurement;
using Warmglow.Web.Features.Measurement;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Metrics;

public class EditModel(MeasurementService measurement) : WarmglowPage
{
    public sealed class Form
    {
        public string? Name { get; set; }
        public MeasurementFrame Frame { get; set; }
        public string? Category { get; set; }
        public MetricUnit? Unit { get; set; }
        public MetricDirection? Direction { get; set; }
        public string? DataSource { get; set; }
        public string? Calculation { get; set; }
        public IndicatorKind Indicator { get; set; } = IndicatorKind.Lagging;
        public decimal? Baseline { get; set; }
        public decimal? Target { get; set; }
        public MetricFrequency Frequency { get; set; } = MetricFrequency.Quarterly;
        public int? Version { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public int? Id { get; private set; }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnGetAsync(int? id)
    {
        Id = id;
        if (id is { } metricId)
        {
            var m = await measurement.GetMetricAsync(metricId);
            Input = new Form
            {
                Name = m.Name, Frame = m.Frame, Category = m.Category, Unit = m.Unit, Direction = m.Direction, DataSource = m.DataSource, Calculation = m.Calculation,
                Indicator = m.Indicator, Baseline = m.Baseline, Target = m.Target, Frequency = m.Frequency, Version = m.Version,
            };
        }
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Id = id;
        var input = new MetricInput(Input.Name, Input.Frame, Input.Category, Input.Unit, Input.Direction, Input.DataSource, Input.Calculation, Input.Indicator,
            Input.Baseline, Input.Target, Input.Frequency, Input.Version);
        if (await TryAsync(async () => { if (id is { } mid) await measurement.UpdateMetricAsync(mid, input); else await measurement.CreateMetricAsync(input); }))
        {
            Flash($"Metric '{Input.Name?.Trim()}' saved.");
            return Redirect("/Metrics");
        }
        return Page();
    }
}
