using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Measurement;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Surveys;

public class AnswerModel(SurveyService surveys) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    /// <summary>Question key → the value given (a number for scales, text for open questions).</summary>
    [BindProperty] public Dictionary<string, string?> Answers { get; set; } = [];
    public SurveyDto Survey { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        Survey = await surveys.GetAsync(Id, await AllowedAsync(Policies.Oversee));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Survey = await surveys.GetAsync(Id, await AllowedAsync(Policies.Oversee));
        var input = new SurveyAnswersInput(Survey.Questions.ToDictionary(q => q.Key, q => ToInput(q, Answers.GetValueOrDefault(q.Key))));
        // A non-number in a scale is reported like an out-of-range score, naming the question.
        foreach (var q in Survey.Questions.Where(q => q.Kind != QuestionKind.Text))
            if (!string.IsNullOrWhiteSpace(Answers.GetValueOrDefault(q.Key)) && input.Answers![q.Key] is null)
                ModelState.AddModelError($"Answers.{q.Key}", "Choose one of the numbers offered.");
        if (ModelState.ErrorCount == 0)
        {
            AnswerReceipt? receipt = null;
            if (await TryAsync(async () => receipt = await surveys.AnswerAsync(Id, input)))
            {
                Flash(receipt!.Message);
                return Redirect("/Surveys");
            }
        }
        return Page();
    }

    static SurveyAnswerInput? ToInput(SurveyQuestion q, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (q.Kind == QuestionKind.Text) return new SurveyAnswerInput(null, value);
        return int.TryParse(value, out var n) ? new SurveyAnswerInput(n, null) : null;
    }
}
