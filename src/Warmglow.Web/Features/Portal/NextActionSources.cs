using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Portal;

// Next actions from the modules that existed before the portal home (health surveys, the charter). They read through
// each module's own service, under the partner user's query filters, so they see only the partner's partnerships.
// Modules added later register their own IPartnerNextActionSource.

/// <summary>Open survey rounds the partner user was asked to answer and has not answered yet.</summary>
public sealed class SurveyNextActions(SurveyService surveys) : IPartnerNextActionSource
{
    public async Task<IReadOnlyList<PartnerNextAction>> NextActionsAsync(CancellationToken ct = default)
    {
        var mine = await surveys.MineAsync(1, 50, ct);
        return mine.Items.Where(s => !s.Answered && s.Status == SurveyStatus.Open)
            .Select(s => new PartnerNextAction($"Answer the survey \"{s.Title}\" ({s.Partnership}, {s.Period})", $"/Surveys/Answer/{s.Id}", null, "Survey"))
            .ToList();
    }
}

/// <summary>Live partnerships (onboarding to under review) whose charter still lacks the partner's side (their objectives).</summary>
public sealed class CharterNextActions(PartnershipService partnerships, CharterService charters) : IPartnerNextActionSource
{
    public async Task<IReadOnlyList<PartnerNextAction>> NextActionsAsync(CancellationToken ct = default)
    {
        var page = await partnerships.ListAsync(new PartnershipQuery(PageSize: 20));
        var actions = new List<PartnerNextAction>();
        foreach (var p in page.Items.Where(p => HealthService.LiveStages.Contains(p.Stage)))
        {
            var charter = await charters.GetAsync(p.Id, ct);
            if (string.IsNullOrWhiteSpace(charter.Theirs.PrimaryObjective))
                actions.Add(new($"Tell us your objectives for {p.Name}: fill in your side of the charter", $"/Portal/Charter/{p.Id}", null, "Charter"));
        }
        return actions;
    }
}
