using Warmglow.Core.Partnerships;
using Warmglow.Core.Scoring;
using S = Warmglow.Core.Partnerships.PartnershipStage;

namespace Warmglow.Core.Tests.Scoring;

public class VettingGateTests
{
    static GateFacts Facts(decimal? score = null, bool? go = null, PilotVerdict? pilot = null) => new(score, 70m, go, pilot, GateFacts.AllSteps);

    [Fact]
    public void EvaluationToAgreement_WithPassingScoreAndGo_IsAllowed() =>
        Assert.Null(VettingGate.Check(S.Evaluation, S.Agreement, Facts(70m, true)));

    [Fact]
    public void EvaluationToAgreement_WithoutScoreOrDecision_NamesBoth()
    {
        var error = VettingGate.Check(S.Evaluation, S.Agreement, Facts());
        Assert.Contains("at least 70", error);
        Assert.Contains("nobody has scored", error);
        Assert.Contains("go decision", error);
    }

    [Fact]
    public void EvaluationToAgreement_ScoreJustBelowThreshold_IsRefusedAndShowsBestScore()
    {
        var error = VettingGate.Check(S.Evaluation, S.Agreement, Facts(69.96m, true));
        Assert.Contains("best so far: 70.0", error); // displayed rounded, compared exactly
        Assert.DoesNotContain("go decision", error);
    }

    [Fact]
    public void EvaluationToAgreement_AfterNoGo_IsRefused() =>
        Assert.Contains("latest decision is no-go", VettingGate.Check(S.Evaluation, S.Agreement, Facts(90m, false)));

    [Theory]
    [InlineData(null, "no pilot recorded")]
    [InlineData(PilotVerdict.Pending, "still pending")]
    public void PilotToEvaluation_NeedsAVerdict(PilotVerdict? verdict, string expected) =>
        Assert.Contains(expected, VettingGate.Check(S.Pilot, S.Evaluation, Facts(pilot: verdict)));

    [Theory]
    [InlineData(PilotVerdict.Succeeded)]
    [InlineData(PilotVerdict.Failed)]
    [InlineData(PilotVerdict.Inconclusive)]
    public void PilotToEvaluation_WithAVerdict_IsAllowed(PilotVerdict verdict) =>
        Assert.Null(VettingGate.Check(S.Pilot, S.Evaluation, Facts(pilot: verdict)));

    [Fact]
    public void OtherMoves_HaveNoGate()
    {
        foreach (var from in Enum.GetValues<S>())
            foreach (var to in Lifecycle.AllowedMoves(from, S.Research))
                if (!(from == S.Pilot && to == S.Evaluation) && !(from == S.Evaluation && to == S.Agreement))
                    Assert.Null(VettingGate.Check(from, to, Facts()));
    }
}

public class VettingStepGateTests
{
    static GateFacts Done(params VettingStep[] steps) => new(null, 70m, null, null, steps);

    [Theory]
    [InlineData(S.Research, S.IntroCall, "desk research")]
    [InlineData(S.IntroCall, S.MutualValueProposition, "intro call")]
    [InlineData(S.MutualValueProposition, S.Pilot, "reference checks")]
    [InlineData(S.MutualValueProposition, S.Pilot, "value proposition document")]
    public void Move_WithoutItsStep_NamesTheStep(S from, S to, string expected) =>
        Assert.Contains(expected, VettingGate.Check(from, to, Done()));

    [Fact]
    public void Moves_WithTheirSteps_AreAllowed()
    {
        var all = Done(VettingStep.DeskResearch, VettingStep.IntroCall, VettingStep.ReferenceChecks, VettingStep.ValuePropositionDocument);
        Assert.Null(VettingGate.Check(S.Research, S.IntroCall, all));
        Assert.Null(VettingGate.Check(S.IntroCall, S.MutualValueProposition, all));
        Assert.Null(VettingGate.Check(S.MutualValueProposition, S.Pilot, all));
    }

    [Fact]
    public void ValuePropositionToPilot_NeedsBothSteps()
    {
        var error = VettingGate.Check(S.MutualValueProposition, S.Pilot, Done(VettingStep.ReferenceChecks));
        Assert.DoesNotContain("reference checks", error);
        Assert.Contains("value proposition document", error);
    }

    [Fact]
    public void HoldAndReject_NeverNeedSteps()
    {
        foreach (var from in new[] { S.Research, S.IntroCall, S.MutualValueProposition, S.Pilot, S.Evaluation })
        {
            Assert.Null(VettingGate.Check(from, S.OnHold, Done()));
            Assert.Null(VettingGate.Check(from, S.Rejected, Done()));
        }
    }
}
