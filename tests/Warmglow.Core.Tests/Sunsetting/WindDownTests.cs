using Warmglow.Core.Sunsetting;

namespace Warmglow.Core.Tests.Sunsetting;

public class WindDownTests
{
    [Fact]
    public void Length_DefaultsTo90Days_OrTheClause_NeverBelowNotice()
    {
        Assert.Equal(90, WindDown.Length(null, null, null).Days);
        var clause = WindDown.Length(60, 30, "Reseller agreement");
        Assert.Equal(60, clause.Days);
        Assert.Contains("termination clause of Reseller agreement", clause.Basis);
        var shortClause = WindDown.Length(20, 45, "Reseller agreement");
        Assert.Equal(45, shortClause.Days);
        Assert.Contains("notice period", shortClause.Basis);
    }

    [Fact]
    public void ValidateDays_RefusesAWindDownShorterThanNotice()
    {
        Assert.Empty(WindDown.ValidateDays(90, 90));
        var e = Assert.Single(WindDown.ValidateDays(30, 60));
        Assert.Equal("days", e.Field);
        Assert.Contains("notice period of 60 days", e.Message);
        Assert.Single(WindDown.ValidateDays(null, null));
        Assert.Single(WindDown.ValidateDays(0, null));
    }

    [Fact]
    public void Steps_CoverEveryKind_CommunicationsFirst_AccessRemovalAtTheEnd()
    {
        var start = new DateOnly(2026, 1, 1);
        var steps = WindDown.Steps(start, 90);
        Assert.Equal(Enum.GetValues<WindDownTaskKind>().Order(), steps.Select(s => s.Kind).Order());
        Assert.All(steps, s => Assert.True(s.Required));
        Assert.All(steps, s => Assert.InRange(s.DueOn, start, start.AddDays(90)));
        Assert.Equal(start.AddDays(90), steps.Single(s => s.Kind == WindDownTaskKind.AccessRemoval).DueOn);
        Assert.True(steps.Single(s => s.Kind == WindDownTaskKind.InternalCommunication).DueOn < steps.Single(s => s.Kind == WindDownTaskKind.CustomerHandover).DueOn);
    }

    [Fact]
    public void EndedNeeds_SaysHowManyAreOpen_UnlessOverridden()
    {
        Assert.Null(WindDown.EndedNeeds(0, false));
        Assert.Null(WindDown.EndedNeeds(3, true));
        Assert.StartsWith("1 required wind-down task is", WindDown.EndedNeeds(1, false));
        Assert.StartsWith("3 required wind-down tasks are", WindDown.EndedNeeds(3, false));
    }
}
