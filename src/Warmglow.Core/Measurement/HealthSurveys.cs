using Warmglow.Core.Validation;

namespace Warmglow.Core.Measurement;

public enum QuestionKind { Likert, Nps, Text }

/// <summary>
/// One survey question. Likert questions (1–5) feed their <see cref="Dimension"/>; the NPS question (0–10) feeds NPS;
/// text questions are free answers (e.g. "sense of connection") shown as they are.
/// </summary>
public sealed record SurveyQuestion(string Key, string Text, QuestionKind Kind, string? Dimension, bool Required);

/// <summary>A ready-made questionnaire a manager starts a survey round from.</summary>
public sealed record SurveyTemplate(string Key, string Name, string Description, IReadOnlyList<SurveyQuestion> Questions);

/// <summary>One answer as submitted: a score for Likert/NPS questions, a text for text questions.</summary>
public sealed record SurveyAnswerInput(int? Score, string? Text);

/// <summary>
/// Health survey templates and answer validation (product.md §6 "Partnership health dashboard": relationship quality,
/// communication effectiveness, strategic alignment, value delivery, plus NPS, answered quarterly by both sides).
/// </summary>
public static class HealthSurveys
{
    public const string RelationshipQuality = "Relationship quality";
    public const string CommunicationEffectiveness = "Communication effectiveness";
    public const string StrategicAlignment = "Strategic alignment";
    public const string ValueDelivery = "Value delivery";
    public static readonly IReadOnlyList<string> Dimensions = [CommunicationEffectiveness, RelationshipQuality, StrategicAlignment, ValueDelivery];
    public const int MaxTextLength = 2000;

    public static readonly SurveyTemplate Quarterly = new("quarterly-health", "Quarterly health check",
        "Four health dimensions on a 1–5 scale, likelihood to recommend (NPS) and two open questions.",
        [
            new("trust", "We trust each other to follow through on commitments.", QuestionKind.Likert, RelationshipQuality, true),
            new("collaboration", "Working together feels easy and constructive.", QuestionKind.Likert, RelationshipQuality, true),
            new("responsiveness", "Questions and requests get timely answers.", QuestionKind.Likert, CommunicationEffectiveness, true),
            new("clarity", "We know who to talk to and what is expected of us.", QuestionKind.Likert, CommunicationEffectiveness, true),
            new("goals", "The partnership works towards goals both sides share.", QuestionKind.Likert, StrategicAlignment, true),
            new("priorities", "The partnership is a priority for both organizations.", QuestionKind.Likert, StrategicAlignment, true),
            new("value", "The partnership delivers the value we expected.", QuestionKind.Likert, ValueDelivery, true),
            new("worth", "The effort we put in is worth what we get out.", QuestionKind.Likert, ValueDelivery, true),
            new("nps", "How likely are you to recommend this partnership to a peer? (0 = not at all, 10 = extremely)", QuestionKind.Nps, null, true),
            new("connection", "How would you describe your sense of connection with the other side?", QuestionKind.Text, null, false),
            new("improve", "What one thing would make this partnership better next quarter?", QuestionKind.Text, null, false),
        ]);

    public static readonly SurveyTemplate Pulse = new("pulse", "Quick pulse",
        "One question per health dimension and NPS, for a short mid-quarter check.",
        [
            new("relationship", "How would you rate the relationship overall?", QuestionKind.Likert, RelationshipQuality, true),
            new("communication", "How well are we communicating?", QuestionKind.Likert, CommunicationEffectiveness, true),
            new("alignment", "How aligned are our goals?", QuestionKind.Likert, StrategicAlignment, true),
            new("value", "How much value is the partnership delivering?", QuestionKind.Likert, ValueDelivery, true),
            new("nps", "How likely are you to recommend this partnership to a peer? (0–10)", QuestionKind.Nps, null, true),
        ]);

    public static readonly IReadOnlyList<SurveyTemplate> Templates = [Quarterly, Pulse];

    public static SurveyTemplate? Find(string? key) =>
        Templates.FirstOrDefault(t => string.Equals(t.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Every key known; every required question answered; Likert 1–5, NPS 0–10 (whole numbers), text at most
    /// <see cref="MaxTextLength"/> characters. Field names "answers.&lt;key&gt;"; "answers" when none were sent.
    /// </summary>
    public static FieldErrors Validate(IReadOnlyList<SurveyQuestion> questions, IReadOnlyDictionary<string, SurveyAnswerInput?>? answers)
    {
        var errors = new FieldErrors();
        if (answers is null || answers.Count == 0)
        {
            errors.Add("answers", "are required: answer the questions of this survey.");
            return errors;
        }
        var byKey = questions.ToDictionary(q => q.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, answer) in answers)
        {
            if (!byKey.TryGetValue(key ?? "", out var q))
            {
                errors.Add($"answers.{key}", "is not a question of this survey.");
                continue;
            }
            if (answer is null || (answer.Score is null && string.IsNullOrWhiteSpace(answer.Text))) continue; // required check below
            switch (q.Kind)
            {
                case QuestionKind.Likert when answer.Score is not { } s || s < SurveyAggregation.AnswerMin || s > SurveyAggregation.AnswerMax:
                    errors.Add($"answers.{q.Key}", $"must be a whole number from {SurveyAggregation.AnswerMin} to {SurveyAggregation.AnswerMax} (got {Describe(answer)}).");
                    break;
                case QuestionKind.Nps when answer.Score is not { } s || s < Nps.AnswerMin || s > Nps.AnswerMax:
                    errors.Add($"answers.{q.Key}", $"must be a whole number from {Nps.AnswerMin} to {Nps.AnswerMax} (got {Describe(answer)}).");
                    break;
                case QuestionKind.Text when answer.Score is not null:
                    errors.Add($"answers.{q.Key}", "takes a text answer, not a score.");
                    break;
                case QuestionKind.Text when answer.Text!.Trim().Length > MaxTextLength:
                    errors.Add($"answers.{q.Key}", $"must be at most {MaxTextLength} characters.");
                    break;
            }
        }
        foreach (var q in questions.Where(q => q.Required))
        {
            var given = answers.FirstOrDefault(a => string.Equals(a.Key, q.Key, StringComparison.OrdinalIgnoreCase)).Value;
            if (given is null || (given.Score is null && string.IsNullOrWhiteSpace(given.Text)))
                errors.Add($"answers.{q.Key}", "is required.");
        }
        return errors;
    }

    static string Describe(SurveyAnswerInput a) => a.Score is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"'{a.Text}'";

    /// <summary>A 1–5 mean on the 0–100 scale of the dashboards: 1 → 0, 3 → 50, 5 → 100.</summary>
    public static decimal ToPercent(decimal likertMean) =>
        (likertMean - SurveyAggregation.AnswerMin) * 100m / (SurveyAggregation.AnswerMax - SurveyAggregation.AnswerMin);
}
