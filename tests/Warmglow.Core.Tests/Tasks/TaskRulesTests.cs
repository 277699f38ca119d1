using Warmglow.Core.Tasks;

namespace Warmglow.Core.Tests.Tasks;

public class TaskRulesTests
{
    static readonly DateOnly Today = new(2026, 12, 3);

    [Theory]
    [InlineData(true, "2026-12-02", true)]
    [InlineData(true, "2026-12-03", false)]
    [InlineData(true, "2026-12-04", false)]
    [InlineData(false, "2026-11-01", false)]
    public void Overdue_IsTheDayAfterTheDueDate_ForActiveTasksOnly(bool active, string due, bool expected) =>
        Assert.Equal(expected, TaskRules.IsOverdue(active, DateOnly.Parse(due), Today));

    [Theory]
    [InlineData(2, 3, false)]
    [InlineData(3, 3, true)]
    [InlineData(7, 3, true)]
    [InlineData(1, 0, true)]
    [InlineData(0, 0, false)]
    public void ManyOverdue_MeetsTheThreshold(int overdue, int threshold, bool expected) =>
        Assert.Equal(expected, TaskRules.ManyOverdue(overdue, threshold));

    [Fact]
    public void Reason_AndOccasion_ReadWell()
    {
        Assert.Equal("1 action item is overdue.", TaskRules.OverdueFlagReason(1));
        Assert.Equal("4 action items are overdue.", TaskRules.OverdueFlagReason(4));
        Assert.Equal("task:7:overdue:20261202", TaskRules.ReminderOccasion(7, new DateOnly(2026, 12, 2)));
        Assert.NotEqual(TaskRules.ReminderOccasion(7, new DateOnly(2026, 12, 2)), TaskRules.ReminderOccasion(7, new DateOnly(2026, 12, 9)));
        Assert.Equal(0, TaskRules.DaysLate(Today, Today));
        Assert.Equal(3, TaskRules.DaysLate(Today.AddDays(-3), Today));
    }
}
