using Warmglow.Core.Validation;

namespace Warmglow.Core.Scoring;

/// <summary>The inputs and the exact value; show <see cref="Rounded"/>.</summary>
public sealed record PartnershipValue(decimal StrategicFit, decimal ResourceContribution, decimal ImplementationComplexity, decimal Value)
{
    /// <summary>Value rounded to 2 places, half away from zero, for display.</summary>
    public decimal Rounded => ScoreDisplay.Round(Value, 2);
}

/// <summary>
/// The partnership value equation (product.md §2): value = (strategic fit × resource contribution) / implementation
/// complexity, each input on 1–10. The value therefore runs from 0.1 (1 × 1 / 10) to 100 (10 × 10 / 1).
/// Inputs are decimals so that they can come from averaged scores (e.g. 7.5).
/// </summary>
public static class ValueEquation
{
    public const decimal InputMin = 1m;
    public const decimal InputMax = 10m;

    /// <summary>Each input 1–10 (so complexity is never 0). Field names "strategicFit", "resourceContribution", "implementationComplexity".</summary>
    public static FieldErrors Validate(decimal strategicFit, decimal resourceContribution, decimal implementationComplexity)
    {
        var errors = new FieldErrors();
        Check(errors, "strategicFit", strategicFit);
        Check(errors, "resourceContribution", resourceContribution);
        Check(errors, "implementationComplexity", implementationComplexity);
        return errors;
    }

    static void Check(FieldErrors errors, string field, decimal value)
    {
        if (value < InputMin || value > InputMax)
            errors.Add(field, $"must be from {TemplateRules.Format(InputMin)} to {TemplateRules.Format(InputMax)} (got {TemplateRules.Format(value)}).");
    }

    /// <summary>Computes the value exactly. Throws <see cref="ArgumentException"/> on input <see cref="Validate"/> refuses.</summary>
    public static PartnershipValue Compute(decimal strategicFit, decimal resourceContribution, decimal implementationComplexity)
    {
        var errors = Validate(strategicFit, resourceContribution, implementationComplexity);
        if (!errors.IsEmpty) throw new ArgumentException($"The value equation inputs are not valid: {errors}");
        return new PartnershipValue(strategicFit, resourceContribution, implementationComplexity,
            strategicFit * resourceContribution / implementationComplexity);
    }
}
