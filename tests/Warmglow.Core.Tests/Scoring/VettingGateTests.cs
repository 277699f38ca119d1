using Warmglow.Core.Partnerships;
using Warmglow.Core.Scoring;
using S = Warmglow.Core.Partnerships.PartnershipStage;

namespace Warmglow.Core.Tests.Scoring;

public class VettingGateTests
{
    static GateFacts Facts(decimal? score = null, bool? go = null, PilotVerdict? pilot = null) => new(score, 70m, go, pilot);

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
