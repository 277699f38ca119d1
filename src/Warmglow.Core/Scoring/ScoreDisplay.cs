namespace Warmglow.Core.Scoring;

/// <summary>Rounding for display only; calculations keep the exact values.</summary>
public static class ScoreDisplay
{
    /// <summary>Rounds half away from zero (72.25 → 72.3), as people round by hand; Math.Round's default (to even) would show 72.2.</summary>
    public static decimal Round(decimal value, int decimals = 1) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    public static decimal? Round(decimal? value, int decimals = 1) => value is { } v ? Round(v, decimals) : null;
}
