using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Strategy;
using Warmglow.Web.Features.Strategy;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Strategy.SelfAssessments;

[Authorize(Policy = Policies.Manage)]
public class NewModel(StrategyService strategy) : WarmglowPage
{
    public sealed class DimensionForm
    {
        public int? Score { get; set; }
        public string? Notes { get; set; }
    }

    /// <summary>One entry per dimension, in the order of <see cref="SelfAssessment.Dimensions"/>.</summary>
    [BindProperty] public List<DimensionForm> Input { get; set; } = SelfAssessment.Dimensions.Select(_ => new DimensionForm()).ToList();

    public async Task OnGetAsync()
    {
        // Start from the latest snapshot, so only what changed needs touching.
        if ((await strategy.ListAssessmentsAsync(1, 1)).Items.FirstOrDefault() is { } latest)
            Input = SelfAssessment.Dimensions.Select(d => new DimensionForm { Score = latest.Scores[d]!.Score, Notes = latest.Scores[d]!.Notes }).ToList();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var dims = SelfAssessment.Dimensions;
        while (Input.Count < dims.Count) Input.Add(new DimensionForm());
        for (var i = 0; i < dims.Count; i++)
            if (Input[i].Score is null) ModelState.AddModelError($"Input[{i}].Score", $"{SelfAssessment.Display(dims[i])}: choose a score from 1 to 5.");
        if (!ModelState.IsValid) return Page();
        var scores = SelfAssessmentScores.From(d => new DimensionRating(Input[(int)d].Score!.Value, Input[(int)d].Notes));
        try
        {
            var saved = await strategy.TakeAssessmentAsync(scores);
            Flash("Self-assessment saved.");
            return Redirect($"/Strategy/SelfAssessments/{saved.Id}");
        }
        catch (ValidationFailed v)
        {
            // "marketPosition.score" → the field of that dimension's row.
            foreach (var (field, messages) in v.Errors.ToDictionary())
            {
                var parts = field.Split('.');
                var i = dims.ToList().FindIndex(d => SelfAssessment.JsonName(d) == parts[0]);
                var key = i < 0 ? "" : $"Input[{i}].{(parts.Length > 1 && parts[1] == "notes" ? "Notes" : "Score")}";
                foreach (var m in messages) ModelState.AddModelError(key, $"{(i < 0 ? field : SelfAssessment.Display(dims[i]))}: {m}");
            }
            return Page();
        }
    }
}
