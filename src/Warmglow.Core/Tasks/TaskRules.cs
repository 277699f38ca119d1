namespace Warmglow.Core.Tasks;

/// <summary>The pure rules of tasks and action items (decision 0025): overdue, the red-flag threshold, reminder occasions.</summary>
public static class TaskRules
{
    /// <summary>A partnership with at least this many overdue action items gets a red flag, unless configured otherwise.</summary>
    public const int DefaultOverdueFlagThreshold = 3;

    /// <summary>An active task (open or in progress) is overdue the day after its due date.</summary>
    public static bool IsOverdue(bool active, DateOnly dueOn, DateOnly today) => active && dueOn < today;

    /// <summary>Whether <paramref name="overdue"/> action items are many (a threshold below 1 counts as 1).</summary>
    public static bool ManyOverdue(int overdue, int threshold) => overdue >= Math.Max(1, threshold);

    /// <summary>The red flag's reason, in words.</summary>
    public static string OverdueFlagReason(int overdue) =>
        overdue == 1 ? "1 action item is overdue." : $"{overdue} action items are overdue.";

    /// <summary>One reminder per task and due date: moving the due date and missing it again reminds again.</summary>
    public static string ReminderOccasion(int taskId, DateOnly dueOn) => $"task:{taskId}:overdue:{dueOn:yyyyMMdd}";

    /// <summary>Days late on <paramref name="today"/> (0 when not late).</summary>
    public static int DaysLate(DateOnly dueOn, DateOnly today) => Math.Max(0, today.DayNumber - dueOn.DayNumber);
}
