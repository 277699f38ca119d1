using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Warmglow.Core.Measurement;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Portfolio;

namespace Warmglow.Core.Onboarding;

/// <summary>Which side does a step: our team or the partner's.</summary>
public enum StepOwnerSide
{
    [Display(Name = "Our team")] Ours,
    [Display(Name = "The partner")] Partner,
}

/// <summary>Where a checklist step stands. New values are appended (stored as text).</summary>
public enum StepStatus
{
    [Display(Name = "Pending")] Pending,
    [Display(Name = "Waiting for approval")] WaitingForApproval,
    [Display(Name = "Done")] Done,
    [Display(Name = "Action required")] ActionRequired,
    [Display(Name = "Skipped")] Skipped,
}

/// <summary>What someone does to a step.</summary>
public enum StepAction { Complete, Approve, SendBack, Skip }

/// <summary>One step of a checklist template: what, which side, due how many days after onboarding starts, required or optional, and whether it needs our approval.</summary>
public sealed record TemplateStep(string Title, StepOwnerSide OwnerSide, int DueOffsetDays, bool Required, bool NeedsApproval);

/// <summary>A template as template choice sees it: the tier or the type it is for (neither: the default).</summary>
public sealed record TemplateTarget(int Id, PartnershipType? Type, Tier? Tier);

/// <summary>The result of a step action: the new status, or why it is refused (a sentence a person reads).</summary>
public sealed record StepMove(StepStatus? To, string? Error)
{
    public bool IsAllowed => To is not null;
}

/// <summary>Average time to onboard in one quarter (of completion).</summary>
public sealed record QuarterFigure(string Quarter, int Completed, double AverageDays);

/// <summary>
/// Onboarding checklists (product.md §7 "Onboarding": templates per type or tier, progress, time to onboard; the seeds:
/// 4 weeks down to 1). Pure rules: step status transitions, template choice, time-to-onboard arithmetic, the Active gate.
/// </summary>
public static class OnboardingRules
{
    public const int MaxSteps = 50;
    public const int MaxDueOffsetDays = 365;

    /// <summary>
    /// A step's next status. Completing a step that needs our approval waits for it; otherwise it is done. Only a
    /// waiting step can be approved (done) or sent back (action required). Only optional steps can be skipped. Done and
    /// skipped steps are final.
    /// </summary>
    public static StepMove Next(StepStatus current, StepAction action, bool required, bool needsApproval) => (action, current) switch
    {
        (_, StepStatus.Done) => new(null, "is already done."),
        (_, StepStatus.Skipped) => new(null, "was skipped."),
        (StepAction.Complete, StepStatus.WaitingForApproval) => new(null, "is already waiting for our approval."),
        (StepAction.Complete, _) => new(needsApproval ? StepStatus.WaitingForApproval : StepStatus.Done, null),
        (StepAction.Approve or StepAction.SendBack, StepStatus.WaitingForApproval) => new(action == StepAction.Approve ? StepStatus.Done : StepStatus.ActionRequired, null),
        (StepAction.Approve or StepAction.SendBack, _) => new(null, "is not waiting for approval: only a step marked done that needs our approval can be approved or sent back."),
        (StepAction.Skip, StepStatus.WaitingForApproval) => new(null, "is waiting for our approval: approve it or send it back instead."),
        (StepAction.Skip, _) when required => new(null, "is required and cannot be skipped."),
        (StepAction.Skip, _) => new(StepStatus.Skipped, null),
        _ => new(null, "cannot change that way."),
    };

    /// <summary>Whether a required step still holds onboarding up (done is the only way a required step closes).</summary>
    public static bool IsOpen(StepStatus status) => status is StepStatus.Pending or StepStatus.WaitingForApproval or StepStatus.ActionRequired;

    /// <summary>
    /// The template a partnership's checklist starts from: one for its tier if there is one, else one for its type, else
    /// the default (neither tier nor type). Ties go to the lowest id, so the choice is the same every time. Null when
    /// none fits (the caller falls back to <see cref="BuiltInDefault"/>).
    /// </summary>
    public static int? Choose(IEnumerable<TemplateTarget> templates, PartnershipType type, Tier? tier)
    {
        var list = templates.OrderBy(t => t.Id).ToList();
        return (tier is { } t ? list.FirstOrDefault(x => x.Tier == t) : null)?.Id
            ?? list.FirstOrDefault(x => x.Tier is null && x.Type == type)?.Id
            ?? list.FirstOrDefault(x => x.Tier is null && x.Type is null)?.Id;
    }

    /// <summary>Time to onboard in days, from entering Onboarding to the last required step done: part of a day counts as a day (same day = 1).</summary>
    public static int TimeToOnboardDays(DateTime entered, DateTime allRequiredDone)
    {
        var days = (allRequiredDone - entered).TotalDays;
        return Math.Max(1, (int)Math.Ceiling(days - 1e-9));
    }

    /// <summary>The quarter a checklist counts in: the one its last required step was done in ("2026-Q3").</summary>
    public static string QuarterOf(DateTime at) => Quarter.Of(at).Label;

    /// <summary>A whole percent, rounded down, as the pages print it ("75%"); 0 of 0 is "0%".</summary>
    public static int Percent(int part, int total) => total <= 0 ? 0 : (int)Math.Floor(part * 100.0 / total);

    public static string PercentText(int part, int total) => Percent(part, total).ToString(CultureInfo.InvariantCulture) + "%";

    /// <summary>Progress of a checklist: done and skipped steps count as closed.</summary>
    public static int ProgressPercent(int closed, int total) => total == 0 ? 100 : Percent(closed, total);

    /// <summary>Days, as the pages print them ("1 day", "7.5 days").</summary>
    public static string DaysText(double days)
    {
        var rounded = Math.Round(days, 1);
        return rounded.ToString("0.#", CultureInfo.InvariantCulture) + (rounded == 1 ? " day" : " days");
    }

    /// <summary>
    /// The trend of time to onboard over the quarters (oldest first): falling, rising or steady from the first quarter to
    /// the last, in words; null with fewer than two quarters.
    /// </summary>
    public static string? Trend(IReadOnlyList<QuarterFigure> quarters)
    {
        if (quarters.Count < 2) return null;
        var first = quarters[0];
        var last = quarters[^1];
        var change = Math.Round(last.AverageDays - first.AverageDays, 1);
        var span = $"from {DaysText(first.AverageDays)} in {first.Quarter} to {DaysText(last.AverageDays)} in {last.Quarter}";
        return change < 0 ? $"Falling: {span}." : change > 0 ? $"Rising: {span}." : $"Steady at {DaysText(last.AverageDays)} since {first.Quarter}.";
    }

    /// <summary>What the move from Onboarding to Active still needs, in words, or null (nothing open, or a manager's override).</summary>
    public static string? ActiveNeeds(int openRequired, bool overridden) => overridden || openRequired == 0 ? null
        : openRequired == 1 ? "1 required onboarding step is still open (finish it, or a manager overrides on the onboarding checklist)."
        : $"{openRequired} required onboarding steps are still open (finish them, or a manager overrides on the onboarding checklist).";

    /// <summary>Field errors for a template's steps ("steps[2].title" names the row).</summary>
    public static IEnumerable<(string Field, string Message)> ValidateSteps(IReadOnlyList<TemplateStep?>? steps)
    {
        if (steps is null || steps.Count == 0) { yield return ("steps", "must hold at least one step."); yield break; }
        if (steps.Count > MaxSteps) { yield return ("steps", $"may hold at most {MaxSteps} steps (was {steps.Count})."); yield break; }
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            if (s is null) { yield return ($"steps[{i}]", "is empty."); continue; }
            if (string.IsNullOrWhiteSpace(s.Title)) yield return ($"steps[{i}].title", "is required: say what the step is.");
            else if (s.Title.Trim().Length > 200) yield return ($"steps[{i}].title", "must be at most 200 characters.");
            if (!Enum.IsDefined(s.OwnerSide)) yield return ($"steps[{i}].ownerSide", "must be our team or the partner.");
            if (s.DueOffsetDays < 0 || s.DueOffsetDays > MaxDueOffsetDays)
                yield return ($"steps[{i}].dueOffsetDays", $"must be from 0 to {MaxDueOffsetDays} days after onboarding starts (was {s.DueOffsetDays}).");
        }
    }

    /// <summary>
    /// The steps every workspace starts with (its default template), and what any checklist falls back to when no
    /// template fits: welcome kit, training, co-marketing templates, technical setup, first joint activity.
    /// </summary>
    public static readonly IReadOnlyList<TemplateStep> BuiltInDefault =
    [
        new("Send the welcome kit (contacts, brand guidelines, how we work together)", StepOwnerSide.Ours, 2, true, false),
        new("Sign the partner up to the portal and name their onboarding contact", StepOwnerSide.Ours, 3, true, false),
        new("Complete the partner training", StepOwnerSide.Partner, 10, true, true),
        new("Review the co-marketing templates and brand use", StepOwnerSide.Partner, 14, false, false),
        new("Plan the first joint activity and its date", StepOwnerSide.Partner, 21, true, true),
        new("First check-in: what is working, what is missing", StepOwnerSide.Ours, 28, true, false),
    ];

    /// <summary>Built-in templates per type: the default plus these (a new workspace gets all of them; managers edit them).</summary>
    public static readonly IReadOnlyList<(string Name, PartnershipType Type, IReadOnlyList<TemplateStep> Steps)> BuiltInByType =
    [
        ("Technology integration onboarding", PartnershipType.TechnologyIntegration,
        [
            new("Send the welcome kit and the integration guide", StepOwnerSide.Ours, 2, true, false),
            new("Technical setup: sandbox accounts, API keys and a named engineer on each side", StepOwnerSide.Ours, 5, true, false),
            new("Build and test the integration in the sandbox", StepOwnerSide.Partner, 14, true, true),
            new("Complete the partner training", StepOwnerSide.Partner, 14, true, false),
            new("Go live with the first joint customer", StepOwnerSide.Partner, 21, true, true),
            new("Publish the integration listing", StepOwnerSide.Ours, 28, false, false),
        ]),
        ("Co-marketing onboarding", PartnershipType.CoMarketing,
        [
            new("Send the welcome kit and brand guidelines", StepOwnerSide.Ours, 2, true, false),
            new("Share the co-marketing templates (emails, landing page, social posts)", StepOwnerSide.Ours, 3, true, false),
            new("Agree the campaign calendar and tracking links", StepOwnerSide.Partner, 10, true, true),
            new("Draft the first joint campaign from the templates", StepOwnerSide.Partner, 14, true, true),
            new("Launch the first joint activity", StepOwnerSide.Ours, 21, true, false),
        ]),
        ("Reseller onboarding", PartnershipType.Reseller,
        [
            new("Send the welcome kit, price list and deal registration guide", StepOwnerSide.Ours, 2, true, false),
            new("Complete the sales and product training", StepOwnerSide.Partner, 10, true, true),
            new("Set up billing and ordering", StepOwnerSide.Partner, 10, true, false),
            new("Register the first deal", StepOwnerSide.Partner, 21, true, true),
            new("Review the co-marketing templates", StepOwnerSide.Partner, 21, false, false),
        ]),
    ];
}
