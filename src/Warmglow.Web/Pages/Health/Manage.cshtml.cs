using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Measurement;
using Warmglow.Web.Features.Measurement;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Health;

/// <summary>A manager's page for one partnership's measurement: attach metrics, record and import observations, costs, intangibles, impact goals.</summary>
public class ManageModel(MeasurementService measurement, ObservationService observations, ValueService value, Features.Workspaces.Pickers pickers) : WarmglowPage
{
    protected override string InputPrefix => "";

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public List<MetricDto> Metrics { get; private set; } = [];
    public List<AttachmentDto> Attached { get; private set; } = [];
    public Paged<ObservationDto> Observations { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public List<CostDto> Costs { get; private set; } = [];
    public List<IntangibleDto> Intangibles { get; private set; } = [];
    public List<ImpactGoalDto> Goals { get; private set; } = [];
    public string Currency { get; private set; } = "";

    [BindProperty] public AttachInput? Attach { get; set; }
    [BindProperty] public ObservationInput? Observation { get; set; }
    [BindProperty] public CostInput? Cost { get; set; }
    [BindProperty] public IntangibleInput? Intangible { get; set; }
    [BindProperty] public ImpactGoalInput? Goal { get; set; }

    async Task LoadAsync(int id, int? page = null)
    {
        Id = id;
        Name = await pickers.PartnershipNameAsync(id) ?? throw new NotFound($"Partnership {id}");
        Metrics = await measurement.ListMetricsAsync();
        Attached = await measurement.AttachmentsAsync(id);
        Observations = await observations.ObservationsAsync(id, null, page, null);
        Costs = await value.CostsAsync(id);
        Intangibles = await value.IntangiblesAsync(id);
        Goals = await value.ImpactGoalsAsync(id);
        Currency = (await measurement.SettingsAsync()).ReportingCurrency;
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int? page)
    {
        await LoadAsync(id, page);
        return Page();
    }

    string? _done;

    /// <summary>The form that was posted and failed: its fields show their errors inline (others share field names).</summary>
    public string? PostedForm { get; private set; }

    async Task<IActionResult> Run(int id, Func<Task> change, string done, string anchor)
    {
        if (!await AllowedAsync(Policies.Manage)) return Forbid();
        PostedForm = anchor;
        if (await TryAsync(change))
        {
            Flash(_done ?? done);
            return Redirect($"/Health/Partnership/{id}/Manage#{anchor}");
        }
        await LoadAsync(id);
        return Page();
    }

    public Task<IActionResult> OnPostAttachAsync(int id) => Run(id, () => measurement.AttachAsync(id, Attach ?? new(null, null, null)), "Metric attached.", "metrics-h");
    public Task<IActionResult> OnPostDetachAsync(int id, int metricId) => Run(id, () => measurement.DetachAsync(id, metricId), "Metric detached.", "metrics-h");
    public Task<IActionResult> OnPostRecordAsync(int id) => Run(id, () => observations.RecordAsync(id, Observation ?? new(null, null, null, null), ObservationSource.Form), "Observation recorded.", "obs-h");
    public Task<IActionResult> OnPostImportAsync(int id, IFormFile? file) => Run(id, async () =>
    {
        if (file is null) throw ValidationFailed.For("file", "Choose a CSV file to import.");
        await using var stream = file.OpenReadStream();
        var result = await observations.ImportAsync(id, stream, file.FileName);
        _done = $"{result.Count} observation{(result.Count == 1 ? "" : "s")} imported.";
    }, "Observations imported.", "obs-h");
    public Task<IActionResult> OnPostCostAsync(int id) => Run(id, () => value.AddCostAsync(id, Cost ?? new(null, null, null, null, null, null, null)), "Cost recorded.", "costs-h");
    public Task<IActionResult> OnPostDeleteCostAsync(int id, int costId) => Run(id, () => value.DeleteCostAsync(id, costId), "Cost deleted.", "costs-h");
    public Task<IActionResult> OnPostIntangibleAsync(int id) => Run(id, () => value.AddIntangibleAsync(id, Intangible ?? new(null, null, null, null, null)), "Intangible value recorded.", "intangibles-h");
    public Task<IActionResult> OnPostDeleteIntangibleAsync(int id, int entryId) => Run(id, () => value.DeleteIntangibleAsync(id, entryId), "Intangible value deleted.", "intangibles-h");
    public Task<IActionResult> OnPostGoalAsync(int id) => Run(id, () => value.AddImpactGoalAsync(id, Goal ?? new(null, null, null, null, null, null)), "Impact goal added.", "goals-h");
    public Task<IActionResult> OnPostDeleteGoalAsync(int id, int goalId) => Run(id, () => value.DeleteImpactGoalAsync(id, goalId), "Impact goal deleted.", "goals-h");

    public static string Unit(MetricUnit unit) => unit switch
    {
        MetricUnit.Percent => "percent, 0–100", MetricUnit.Score => "score, 0–100", MetricUnit.Count => "whole number", MetricUnit.Days => "days",
        MetricUnit.Currency => "amount", _ => "number",
    };
}
