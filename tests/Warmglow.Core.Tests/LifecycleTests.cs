using Warmglow.Core.Partnerships;
using S = Warmglow.Core.Partnerships.PartnershipStage;

namespace Warmglow.Core.Tests;

public class LifecycleTests
{
    static readonly S[] ForwardChain =
    [
        S.Prospect, S.Research, S.IntroCall, S.MutualValueProposition, S.Pilot,
        S.Evaluation, S.Agreement, S.Onboarding, S.Active, S.Scaling,
    ];

    static readonly S[] AllStages = Enum.GetValues<S>();

    static readonly S[] PreActive =
    [
        S.Prospect, S.Research, S.IntroCall, S.MutualValueProposition,
        S.Pilot, S.Evaluation, S.Agreement, S.Onboarding,
    ];

    public static TheoryData<S, S> ForwardSteps()
    {
        var data = new TheoryData<S, S>();
        for (var i = 0; i + 1 < ForwardChain.Length; i++) data.Add(ForwardChain[i], ForwardChain[i + 1]);
        return data;
    }

    public static TheoryData<S, S> Skips()
    {
        var data = new TheoryData<S, S>();
        for (var i = 0; i < ForwardChain.Length; i++)
            for (var j = i + 2; j < ForwardChain.Length; j++)
                data.Add(ForwardChain[i], ForwardChain[j]);
        return data;
    }

    public static TheoryData<S, S> BackwardMoves()
    {
        var data = new TheoryData<S, S>();
        for (var i = 1; i < ForwardChain.Length; i++)
            for (var j = 0; j < i; j++)
                // UnderReview -> Active is the one sanctioned "backwards" move; it is not in this chain.
                data.Add(ForwardChain[i], ForwardChain[j]);
        data.Add(S.Sunsetting, S.UnderReview);
        data.Add(S.Sunsetting, S.Active);
        data.Add(S.UnderReview, S.Scaling);
        data.Add(S.UnderReview, S.Onboarding);
        return data;
    }

    public static TheoryData<S> NonTerminalExceptOnHold() =>
        new(AllStages.Where(s => !Lifecycle.IsTerminal(s) && s != S.OnHold));

    public static TheoryData<S> PreActiveStages() => new(PreActive);

    public static TheoryData<S> RunningStages() => new(S.Active, S.Scaling, S.UnderReview, S.Sunsetting);

    public static TheoryData<S> TerminalStages() => new(S.Ended, S.Rejected);

    public static TheoryData<S, S> EveryPair()
    {
        var data = new TheoryData<S, S>();
        foreach (var from in AllStages)
            foreach (var to in AllStages)
                data.Add(from, to);
        return data;
    }

    public static TheoryData<S, S, S> EveryOnHoldPair()
    {
        var data = new TheoryData<S, S, S>();
        foreach (var heldFrom in AllStages)
            foreach (var to in AllStages)
                data.Add(S.OnHold, to, heldFrom);
        return data;
    }

    // ---- forward chain ----

    [Theory]
    [MemberData(nameof(ForwardSteps))]
    public void Check_OneStepForwardInThePipeline_IsAllowed(S from, S to)
    {
        var check = Lifecycle.Check(from, to);

        Assert.True(check.IsAllowed);
        Assert.Null(check.Error);
        Assert.Contains(to, check.Allowed);
    }

    [Fact]
    public void Check_WalkingTheWholeChainOneStepAtATime_IsAllowedAtEveryStep()
    {
        var current = S.Prospect;
        foreach (var next in ForwardChain.Skip(1))
        {
            Assert.True(Lifecycle.Check(current, next).IsAllowed, $"{current} -> {next}");
            current = next;
        }
        Assert.Equal(S.Scaling, current);
    }

    [Theory]
    [MemberData(nameof(Skips))]
    public void Check_SkippingAStage_IsRefused(S from, S to)
    {
        var check = Lifecycle.Check(from, to);

        Assert.False(check.IsAllowed);
        Assert.NotNull(check.Error);
    }

    [Fact]
    public void Check_FromProspectToPilot_IsRefusedAndNamesAllowedMoves()
    {
        var check = Lifecycle.Check(S.Prospect, S.Pilot);

        Assert.False(check.IsAllowed);
        Assert.Equal([S.Research, S.OnHold, S.Rejected], check.Allowed);
        Assert.Equal(
            "Cannot move from 'Prospect' to 'Pilot'. Allowed moves: 'Research', 'On hold', 'Rejected'.",
            check.Error);
    }

    [Fact]
    public void Check_FromPilotToActive_IsRefusedAndNamesAllowedMoves()
    {
        var check = Lifecycle.Check(S.Pilot, S.Active);

        Assert.False(check.IsAllowed);
        Assert.NotNull(check.Error);
        Assert.Contains("'Pilot'", check.Error);
        Assert.Contains("'Active'", check.Error);
        Assert.Contains("'Evaluation'", check.Error);
        Assert.Contains("'On hold'", check.Error);
        Assert.Contains("'Rejected'", check.Error);
    }

    [Fact]
    public void Check_FromIntroCallToPilot_ErrorUsesDisplayNames()
    {
        var check = Lifecycle.Check(S.IntroCall, S.Pilot);

        Assert.False(check.IsAllowed);
        Assert.Contains("'Intro call'", check.Error);
        Assert.Contains("'Mutual value proposition'", check.Error);
        Assert.DoesNotContain("IntroCall", check.Error);
        Assert.DoesNotContain("MutualValueProposition", check.Error);
    }

    [Theory]
    [MemberData(nameof(BackwardMoves))]
    public void Check_MovingBackwards_IsRefused(S from, S to)
    {
        var check = Lifecycle.Check(from, to);

        Assert.False(check.IsAllowed);
        Assert.StartsWith("Cannot move from", check.Error);
    }

    // ---- on hold ----

    [Theory]
    [MemberData(nameof(NonTerminalExceptOnHold))]
    public void Check_ToOnHoldFromAnyOpenStage_IsAllowed(S from)
    {
        Assert.True(Lifecycle.Check(from, S.OnHold).IsAllowed);
    }

    [Theory]
    [MemberData(nameof(NonTerminalExceptOnHold))]
    public void Check_OnHoldResumesToTheStageItWasHeldFrom(S heldFrom)
    {
        Assert.True(Lifecycle.Check(S.OnHold, heldFrom, heldFrom).IsAllowed);
    }

    [Theory]
    [MemberData(nameof(NonTerminalExceptOnHold))]
    public void AllowedMoves_FromOnHold_ResumeOnlyToHeldFrom(S heldFrom)
    {
        var resumes = Lifecycle.AllowedMoves(S.OnHold, heldFrom).Where(m => m != S.Rejected);

        Assert.Equal([heldFrom], resumes);
    }

    [Theory]
    [MemberData(nameof(PreActiveStages))]
    public void AllowedMoves_FromOnHoldHeldBeforeActive_AreHeldFromAndRejected(S heldFrom)
    {
        Assert.Equal([heldFrom, S.Rejected], Lifecycle.AllowedMoves(S.OnHold, heldFrom));
    }

    [Fact]
    public void Check_OnHoldResumingToAnotherStage_IsRefusedAndNamesHeldFrom()
    {
        var check = Lifecycle.Check(S.OnHold, S.Agreement, heldFrom: S.Pilot);

        Assert.False(check.IsAllowed);
        Assert.Contains("'Pilot'", check.Error);
        Assert.Contains("'Rejected'", check.Error);
        Assert.DoesNotContain("'Evaluation'", check.Error);
    }

    [Fact]
    public void AllowedMoves_FromOnHoldWithoutHeldFrom_IsOnlyRejected()
    {
        Assert.Equal([S.Rejected], Lifecycle.AllowedMoves(S.OnHold));
        Assert.Equal([S.Rejected], Lifecycle.AllowedMoves(S.OnHold, null));
    }

    [Theory]
    [InlineData(S.OnHold)]
    [InlineData(S.Ended)]
    [InlineData(S.Rejected)]
    public void AllowedMoves_FromOnHoldWithNonsenseHeldFrom_IsOnlyRejected(S heldFrom)
    {
        Assert.Equal([S.Rejected], Lifecycle.AllowedMoves(S.OnHold, heldFrom));
    }

    [Fact]
    public void Check_OnHoldWithoutHeldFrom_ToPipelineStage_IsRefused()
    {
        var check = Lifecycle.Check(S.OnHold, S.Research);

        Assert.False(check.IsAllowed);
        Assert.Equal("Cannot move from 'On hold' to 'Research'. Allowed moves: 'Rejected'.", check.Error);
    }

    [Fact]
    public void AllowedMoves_HeldFromIsIgnoredWhenNotOnHold()
    {
        Assert.Equal(Lifecycle.AllowedMoves(S.Pilot), Lifecycle.AllowedMoves(S.Pilot, S.Agreement));
    }

    // ---- rejected ----

    [Theory]
    [MemberData(nameof(PreActiveStages))]
    public void Check_ToRejectedBeforeActive_IsAllowed(S from)
    {
        Assert.True(Lifecycle.Check(from, S.Rejected).IsAllowed);
    }

    [Theory]
    [MemberData(nameof(RunningStages))]
    public void Check_ToRejectedFromActiveOnwards_IsRefused(S from)
    {
        var check = Lifecycle.Check(from, S.Rejected);

        Assert.False(check.IsAllowed);
        Assert.DoesNotContain(S.Rejected, check.Allowed);
        Assert.Contains("'On hold'", check.Error);
    }

    // Our rule: from Active onwards a partnership is wound down (UnderReview -> Sunsetting -> Ended),
    // never rejected. Putting it on hold first must not open a back door to Rejected.
    [Theory]
    [MemberData(nameof(RunningStages))]
    public void Check_OnHoldHeldFromActiveOnwards_ToRejected_IsRefused(S heldFrom)
    {
        var check = Lifecycle.Check(S.OnHold, S.Rejected, heldFrom);

        Assert.False(check.IsAllowed);
    }

    // ---- wind down ----

    [Fact]
    public void Check_ActiveToUnderReviewToSunsettingToEnded_IsAllowed()
    {
        Assert.True(Lifecycle.Check(S.Active, S.UnderReview).IsAllowed);
        Assert.True(Lifecycle.Check(S.UnderReview, S.Sunsetting).IsAllowed);
        Assert.True(Lifecycle.Check(S.Sunsetting, S.Ended).IsAllowed);
    }

    [Fact]
    public void Check_ScalingToUnderReview_IsAllowed()
    {
        Assert.True(Lifecycle.Check(S.Scaling, S.UnderReview).IsAllowed);
    }

    [Fact]
    public void Check_UnderReviewBackToActive_IsAllowed()
    {
        Assert.True(Lifecycle.Check(S.UnderReview, S.Active).IsAllowed);
    }

    [Theory]
    [InlineData(S.Active, S.Ended)]
    [InlineData(S.Active, S.Sunsetting)]
    [InlineData(S.Scaling, S.Sunsetting)]
    [InlineData(S.UnderReview, S.Ended)]
    [InlineData(S.Onboarding, S.UnderReview)]
    [InlineData(S.Pilot, S.Sunsetting)]
    [InlineData(S.Prospect, S.Ended)]
    public void Check_ShortcutIntoWindDown_IsRefused(S from, S to)
    {
        Assert.False(Lifecycle.Check(from, to).IsAllowed);
    }

    [Fact]
    public void AllowedMoves_OfRunningStages_AreExactlyAsSpecified()
    {
        Assert.Equal([S.Scaling, S.UnderReview, S.OnHold], Lifecycle.AllowedMoves(S.Active));
        Assert.Equal([S.UnderReview, S.OnHold], Lifecycle.AllowedMoves(S.Scaling));
        Assert.Equal([S.Active, S.Sunsetting, S.OnHold], Lifecycle.AllowedMoves(S.UnderReview));
        Assert.Equal([S.Ended, S.OnHold], Lifecycle.AllowedMoves(S.Sunsetting));
    }

    // ---- terminal ----

    [Theory]
    [MemberData(nameof(TerminalStages))]
    public void AllowedMoves_FromTerminalStage_IsEmpty(S terminal)
    {
        Assert.True(Lifecycle.IsTerminal(terminal));
        Assert.Empty(Lifecycle.AllowedMoves(terminal));
        Assert.Empty(Lifecycle.AllowedMoves(terminal, S.Pilot));
    }

    [Theory]
    [InlineData(S.Ended, S.Active, "Ended")]
    [InlineData(S.Ended, S.OnHold, "Ended")]
    [InlineData(S.Rejected, S.Prospect, "Rejected")]
    [InlineData(S.Rejected, S.OnHold, "Rejected")]
    public void Check_FromTerminalStage_IsRefusedAndSaysItIsClosed(S from, S to, string name)
    {
        var check = Lifecycle.Check(from, to);

        Assert.False(check.IsAllowed);
        Assert.Empty(check.Allowed);
        Assert.Equal($"A partnership in stage '{name}' is closed; no further moves are allowed.", check.Error);
    }

    [Fact]
    public void IsTerminal_OnlyEndedAndRejected()
    {
        Assert.Equal([S.Ended, S.Rejected], AllStages.Where(Lifecycle.IsTerminal).OrderBy(s => s));
    }

    // ---- consistency over every pair ----

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Check_AgreesWithAllowedMoves_ForEveryPair(S from, S to)
    {
        var check = Lifecycle.Check(from, to);
        var allowed = Lifecycle.AllowedMoves(from);

        Assert.Equal(allowed.Contains(to), check.IsAllowed);
        Assert.Equal(allowed, check.Allowed);
        Assert.Equal(check.IsAllowed, check.Error is null);
        if (from == to) Assert.False(check.IsAllowed, $"{from} must not move to itself");
    }

    [Theory]
    [MemberData(nameof(EveryOnHoldPair))]
    public void Check_AgreesWithAllowedMoves_ForEveryOnHoldPair(S from, S to, S heldFrom)
    {
        var check = Lifecycle.Check(from, to, heldFrom);

        Assert.Equal(Lifecycle.AllowedMoves(from, heldFrom).Contains(to), check.IsAllowed);
        if (from == to) Assert.False(check.IsAllowed);
    }

    [Fact]
    public void AllowedMoves_NeverContainTheStageItself_OrDuplicates()
    {
        foreach (var from in AllStages)
            foreach (S? heldFrom in AllStages.Cast<S?>().Append(null))
            {
                var moves = Lifecycle.AllowedMoves(from, heldFrom);
                Assert.DoesNotContain(from, moves);
                Assert.Equal(moves.Count, moves.Distinct().Count());
            }
    }

    // ---- reachability: the machine has no dead end ----

    /// <summary>A node of the graph is a stage plus, for OnHold, the stage it was held from.</summary>
    static IEnumerable<(S Stage, S? HeldFrom)> Next((S Stage, S? HeldFrom) node) =>
        Lifecycle.AllowedMoves(node.Stage, node.HeldFrom)
            .Select(to => (to, to == S.OnHold ? (S?)node.Stage : null));

    static HashSet<(S, S?)> Reachable((S, S?) start)
    {
        var seen = new HashSet<(S, S?)> { start };
        var queue = new Queue<(S, S?)>([start]);
        while (queue.Count > 0)
            foreach (var n in Next(queue.Dequeue()))
                if (seen.Add(n)) queue.Enqueue(n);
        return seen;
    }

    [Theory]
    [MemberData(nameof(NonTerminalExceptOnHold))]
    public void EveryOpenStage_CanReachATerminalStage(S start)
    {
        var reachable = Reachable((start, null));

        Assert.Contains(reachable, n => Lifecycle.IsTerminal(n.Item1));
    }

    [Fact]
    public void EveryReachableNode_FromProspect_CanStillReachATerminalStage()
    {
        var all = Reachable((S.Prospect, null));

        // Every stage of the enum is reachable from Prospect...
        Assert.Equal(AllStages.OrderBy(s => s), all.Select(n => n.Item1).Distinct().OrderBy(s => s));
        // ...and no reachable node (including every OnHold/heldFrom combination) is a dead end.
        foreach (var node in all.Where(n => !Lifecycle.IsTerminal(n.Item1)))
            Assert.True(Reachable(node).Any(n => Lifecycle.IsTerminal(n.Item1)), $"dead end at {node}");
    }

    [Fact]
    public void EveryStageFromActiveOnwards_CanReachEnded()
    {
        foreach (var start in new[] { S.Active, S.Scaling, S.UnderReview, S.Sunsetting })
            Assert.Contains((S.Ended, (S?)null), Reachable((start, null)));
    }

    [Fact]
    public void OnHoldHeldFromAnOpenStage_CanReachATerminalStage()
    {
        foreach (var heldFrom in AllStages.Where(s => !Lifecycle.IsTerminal(s) && s != S.OnHold))
            Assert.Contains(Reachable((S.OnHold, heldFrom)), n => Lifecycle.IsTerminal(n.Item1));
    }

    // ---- display names ----

    [Theory]
    [InlineData(S.IntroCall, "Intro call")]
    [InlineData(S.MutualValueProposition, "Mutual value proposition")]
    [InlineData(S.UnderReview, "Under review")]
    [InlineData(S.OnHold, "On hold")]
    [InlineData(S.Prospect, "Prospect")]
    [InlineData(S.Sunsetting, "Sunsetting")]
    public void StageNames_Display_IsHumanReadable(S stage, string expected)
    {
        Assert.Equal(expected, StageNames.Display(stage));
    }
}

public class CandidateStageTests
{
    [Theory]
    [InlineData(PartnershipStage.Prospect, true)]
    [InlineData(PartnershipStage.Evaluation, true)]
    [InlineData(PartnershipStage.Agreement, true)]
    [InlineData(PartnershipStage.OnHold, true)]
    [InlineData(PartnershipStage.Onboarding, false)]
    [InlineData(PartnershipStage.Active, false)]
    [InlineData(PartnershipStage.Sunsetting, false)]
    [InlineData(PartnershipStage.Ended, false)]
    [InlineData(PartnershipStage.Rejected, false)]
    public void OnlyPartnershipsStillBeingVetted_AreCandidates(PartnershipStage stage, bool candidate) =>
        Assert.Equal(candidate, Lifecycle.IsCandidate(stage));
}
