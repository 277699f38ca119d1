using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Portal;

namespace Warmglow.Web.Pages.Portal;

/// <summary>A partner admin's team: their organization's portal users, invitations and deactivation (policy: partner-admin).</summary>
public class TeamModel(PartnerTeamService team) : WarmglowPage
{
    public sealed class InviteForm
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
    }

    [BindProperty] public InviteForm Input { get; set; } = new();
    public IReadOnlyList<TeamMemberDto> Team { get; private set; } = [];
    public TeamInvitation? Invited { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Team = await team.TeamAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (await TryAsync(async () => Invited = await team.InviteAsync(new TeamInviteInput(Input.Email, Input.DisplayName), Request.LinkBase(), ct)))
            Input = new();
        Team = await team.TeamAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string? userId, CancellationToken ct)
    {
        if (await TryAsync(() => team.DeactivateAsync(userId ?? "", ct)))
        {
            Flash("Deactivated: their access to the portal has ended.");
            return Redirect("/Portal/Team");
        }
        Team = await team.TeamAsync(ct);
        return Page();
    }
}
