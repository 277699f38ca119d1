using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Scoring;
using Warmglow.Web.Features.Assessments;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Partnerships;

/// <summary>The five candidate assessments of one partnership; each section is its own form (handler) and saves whole.</summary>
public class AssessmentsModel(PartnershipService partnerships, AssessmentService assessments) : WarmglowPage
{
    public sealed class CultureForm
    {
        public List<int?> Ours { get; set; } = [.. CultureCheck.Dimensions.Select(_ => (int?)null)];
        public List<int?> Theirs { get; set; } = [.. CultureCheck.Dimensions.Select(_ => (int?)null)];
        public int Tolerance { get; set; } = CultureCheck.DefaultTolerance;
        public int? Version { get; set; }
    }

    public sealed class HorizonForm
    {
        public bool H1 { get; set; }
        public bool H2 { get; set; }
        public bool H3 { get; set; }
        public string? H1Notes { get; set; }
        public string? H2Notes { get; set; }
        public string? H3Notes { get; set; }
        public int? Version { get; set; }
    }

    public sealed class ValueForm
    {
        public decimal? StrategicFit { get; set; }
        public decimal? ResourceContribution { get; set; }
        public decimal? ImplementationComplexity { get; set; }
        public int? Version { get; set; }
    }

    public sealed class CapabilityForm
    {
        public string? OurStrengths { get; set; }
        public string? OurGaps { get; set; }
        public string? TheirStrengths { get; set; }
        public string? TheirGaps { get; set; }
        public int? Version { get; set; }
    }

    public sealed class ValuesForm
    {
        public List<int?> Ours { get; set; } = [.. ValuesAlignment.Items.Select(_ => (int?)null)];
        public List<int?> Theirs { get; set; } = [.. ValuesAlignment.Items.Select(_ => (int?)null)];
        public int Tolerance { get; set; } = ValuesAlignment.DefaultTolerance;
        public int? Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public CultureForm Culture { get; set; } = new();
    [BindProperty] public HorizonForm Horizon { get; set; } = new();
    [BindProperty] public ValueForm Value { get; set; } = new();
    [BindProperty] public CapabilityForm Capability { get; set; } = new();
    [BindProperty] public ValuesForm Values { get; set; } = new();

    public PartnershipDto Partnership { get; private set; } = null!;
    public PartnershipAssessmentsDto Result { get; private set; } = null!;
    /// <summary>The section whose save failed, so only its form shows the errors.</summary>
    public string? Failed { get; private set; }
    string _prefix = "Input";
    protected override string InputPrefix => _prefix;

    public async Task OnGetAsync() => await LoadAsync(except: null);

    async Task LoadAsync(string? except)
    {
        Partnership = await partnerships.GetAsync(Id);
        Result = await assessments.GetAsync(Id);
        if (except != "culture" && Result.Culture is { } c)
            Culture = new CultureForm
            {
                Ours = [.. CultureCheck.Dimensions.Select(d => (int?)c.Inputs.Ours![d])],
                Theirs = [.. CultureCheck.Dimensions.Select(d => (int?)c.Inputs.Theirs![d])],
                Tolerance = c.Inputs.Tolerance ?? CultureCheck.DefaultTolerance, Version = c.Version,
            };
        if (except != "horizon" && Result.ThreeHorizon is { } h)
            Horizon = new HorizonForm { H1 = h.Inputs.H1, H2 = h.Inputs.H2, H3 = h.Inputs.H3, H1Notes = h.Inputs.H1Notes, H2Notes = h.Inputs.H2Notes, H3Notes = h.Inputs.H3Notes, Version = h.Version };
        if (except != "value" && Result.ValueEquation is { } v)
            Value = new ValueForm { StrategicFit = v.Inputs.StrategicFit, ResourceContribution = v.Inputs.ResourceContribution, ImplementationComplexity = v.Inputs.ImplementationComplexity, Version = v.Version };
        if (except != "capability" && Result.CapabilityMap is { } m)
            Capability = new CapabilityForm
            {
                OurStrengths = Join(m.Inputs.Ours?.Strengths), OurGaps = Join(m.Inputs.Ours?.Gaps),
                TheirStrengths = Join(m.Inputs.Theirs?.Strengths), TheirGaps = Join(m.Inputs.Theirs?.Gaps), Version = m.Version,
            };
        if (except != "values" && Result.ValuesAlignment is { } a)
            Values = new ValuesForm { Ours = [.. a.Inputs.Ours!.Select(x => (int?)x)], Theirs = [.. a.Inputs.Theirs!.Select(x => (int?)x)], Tolerance = a.Inputs.Tolerance ?? ValuesAlignment.DefaultTolerance, Version = a.Version };
    }

    static string Join(IReadOnlyList<string>? items) => string.Join("\n", items ?? []);
    static List<string> Lines(string? text) => [.. Warmglow.Web.Pages.Strategy.StatementModel.Lines(text).OfType<string>()];
    static int Rating(List<int?> list, int i) => i < list.Count ? list[i] ?? 0 : 0;
    static CultureProfile Profile(List<int?> r) => new(Rating(r, 0), Rating(r, 1), Rating(r, 2), Rating(r, 3), Rating(r, 4));

    public Task<IActionResult> OnPostCultureAsync() => SaveAsync("culture", "Culture", "Culture check saved.",
        () => assessments.SaveCultureAsync(Id, new CultureInputs(Profile(Culture.Ours), Profile(Culture.Theirs), Culture.Tolerance, Culture.Version)));

    public Task<IActionResult> OnPostHorizonAsync() => SaveAsync("horizon", "Horizon", "Three Horizon Test saved.",
        () => assessments.SaveThreeHorizonAsync(Id, new ThreeHorizonInputs(Horizon.H1, Horizon.H2, Horizon.H3, Horizon.H1Notes, Horizon.H2Notes, Horizon.H3Notes, Horizon.Version)));

    public Task<IActionResult> OnPostValueAsync() => SaveAsync("value", "Value", "Value equation saved.",
        () => assessments.SaveValueEquationAsync(Id, new ValueEquationInputs(Value.StrategicFit, Value.ResourceContribution, Value.ImplementationComplexity, Value.Version)));

    public Task<IActionResult> OnPostCapabilityAsync() => SaveAsync("capability", "Capability", "Capability map saved.",
        () => assessments.SaveCapabilityMapAsync(Id, new CapabilityMapInputs(
            new CapabilityProfile(Lines(Capability.OurStrengths), Lines(Capability.OurGaps)),
            new CapabilityProfile(Lines(Capability.TheirStrengths), Lines(Capability.TheirGaps)), Capability.Version)));

    public Task<IActionResult> OnPostValuesAsync() => SaveAsync("values", "Values", "Values alignment saved.",
        () => assessments.SaveValuesAlignmentAsync(Id, new ValuesAlignmentInputs(
            [.. Enumerable.Range(0, ValuesAlignment.ItemCount).Select(i => Rating(Values.Ours, i))],
            [.. Enumerable.Range(0, ValuesAlignment.ItemCount).Select(i => Rating(Values.Theirs, i))], Values.Tolerance, Values.Version)));

    async Task<IActionResult> SaveAsync(string section, string prefix, string done, Func<Task> save)
    {
        if (!await AllowedAsync(Policies.Manage)) return Forbid();
        ModelState.Clear(); // binding of the other sections' (absent) fields is irrelevant
        _prefix = prefix;
        if (await TryAsync(save))
        {
            Flash(done);
            return Redirect($"/Partnerships/{Id}/Assessments#{section}-h");
        }
        Failed = section;
        await LoadAsync(except: section);
        return Page();
    }
}
