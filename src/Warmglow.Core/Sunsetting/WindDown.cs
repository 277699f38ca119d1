using System.ComponentModel.DataAnnotations;

namespace Warmglow.Core.Sunsetting;

/// <summary>The tasks every wind-down plan has (decision 0028).</summary>
public enum WindDownTaskKind
{
    [Display(Name = "Internal communication")] InternalCommunication,
    [Display(Name = "Communication to the partner")] PartnerCommunication,
    [Display(Name = "Communication to customers")] CustomerCommunication,
    [Display(Name = "Customer handover")] CustomerHandover,
    [Display(Name = "Data return or deletion")] DataReturn,
    [Display(Name = "Final statement")] FinalStatement,
    [Display(Name = "Access removal for partner users")] AccessRemoval,
}

/// <summary>One task of a new plan: its kind, title, whether it is required before Ended, and its due day.</summary>
public sealed record WindDownStep(WindDownTaskKind Kind, string Title, bool Required, DateOnly DueOn);

/// <summary>How long the wind-down runs and why.</summary>
public sealed record WindDownLength(int Days, string Basis);

public static class WindDown
{
    public const int DefaultDays = 90;
    public const int MaxDays = 3650;

    /// <summary>
    /// The plan's length: the agreement's wind-down period when there is one, never shorter than its notice period,
    /// otherwise the default 90 days.
    /// </summary>
    public static WindDownLength Length(int? clauseWindDownDays, int? noticeDays, string? agreementTitle)
    {
        if (clauseWindDownDays is not { } days) return new(DefaultDays, $"Default wind-down of {DefaultDays} days (no agreement with a termination clause).");
        if (noticeDays is { } n && days < n)
            return new(n, $"The termination clause of {agreementTitle} sets {days} days of wind-down, shorter than its {n}-day notice period; the plan runs the notice period.");
        return new(days, $"Wind-down of {days} days from the termination clause of {agreementTitle}.");
    }

    /// <summary>Field errors for a wind-down length chosen by hand.</summary>
    public static IEnumerable<(string Field, string Message)> ValidateDays(int? days, int? noticeDays)
    {
        if (days is null) { yield return ("days", "is required: the number of days the wind-down runs."); yield break; }
        if (days < 1 || days > MaxDays) { yield return ("days", $"must be from 1 to {MaxDays} days (was {days})."); yield break; }
        if (noticeDays is { } n && days < n)
            yield return ("days", $"must be at least the agreement's notice period of {n} days (was {days}): a wind-down cannot be shorter than the notice the partner is owed.");
    }

    /// <summary>
    /// The tasks of a plan running from <paramref name="start"/> for <paramref name="days"/> days: communications first
    /// (internal, then the partner, then customers), handover and data by the last fortnight, the final statement and
    /// access removal on the last day. Every task is required.
    /// </summary>
    public static IReadOnlyList<WindDownStep> Steps(DateOnly start, int days)
    {
        var end = start.AddDays(days);
        DateOnly At(double share) => start.AddDays(Math.Clamp((int)Math.Round(days * share), 0, days));
        return
        [
            new(WindDownTaskKind.InternalCommunication, "Tell our own teams (sales, support, finance) the partnership is ending and when", true, At(0.05)),
            new(WindDownTaskKind.PartnerCommunication, "Confirm the end date and wind-down steps with the partner in writing", true, At(0.1)),
            new(WindDownTaskKind.CustomerCommunication, "Tell shared customers what changes for them and who serves them next", true, At(0.25)),
            new(WindDownTaskKind.CustomerHandover, "Hand over every shared customer to us or to another partner", true, At(0.75)),
            new(WindDownTaskKind.DataReturn, "Return or delete the partner's data and ours as the agreement says, and record it", true, At(0.85)),
            new(WindDownTaskKind.FinalStatement, "Issue the final revenue statement and settle what is owed", true, end),
            new(WindDownTaskKind.AccessRemoval, "Remove partner users' access to the portal and shared tools at the end", true, end),
        ];
    }

    /// <summary>What a move to Ended still needs, in words, or null when nothing is open (or an override holds).</summary>
    public static string? EndedNeeds(int openRequired, bool overridden) => overridden || openRequired == 0 ? null
        : openRequired == 1 ? "1 required wind-down task is still open (finish it, or a manager overrides on the wind-down plan)."
        : $"{openRequired} required wind-down tasks are still open (finish them, or a manager overrides on the wind-down plan).";

    public static int ProgressPercent(int done, int total) => total == 0 ? 100 : (int)Math.Floor(done * 100.0 / total);
}
