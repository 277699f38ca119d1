using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Governance;
using Warmglow.Web.Features.Governance;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Governance;

/// <summary>One partnership's governance: people and sponsorship, the RACI matrix, the decision log and decision time.</summary>
public class PartnershipModel(GovernanceService governance, DecisionService decisions, TimeProvider clock) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public PeopleDto People { get; private set; } = null!;
    public PersonOptions Options { get; private set; } = null!;
    public RaciDto Raci { get; private set; } = null!;
    public FrameworkDto Framework { get; private set; } = null!;
    public IReadOnlyList<DecisionDto> Decisions { get; private set; } = [];
    public DecisionTimeDto DecisionTime { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public bool CanDecide { get; private set; }
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    // Add a person: "Who" is "user:ID" (one of ours or a partner's portal user) or "contact:ID".
    [BindProperty] public GovernanceRole? Role { get; set; }
    [BindProperty] public string? Who { get; set; }
    [BindProperty] public string? CommitteeRole { get; set; }
    [BindProperty] public decimal? TimeCommitmentPercent { get; set; }
    [BindProperty] public int? PersonId { get; set; }
    [BindProperty] public int? PersonVersion { get; set; }

    // Request and decide.
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Details { get; set; }
    [BindProperty] public DecisionType? Type { get; set; }
    [BindProperty] public int? DecisionId { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? DecisionVersion { get; set; }
    /// <summary>Committee votes: person id → For / Against / Abstain (absent: did not vote).</summary>
    [BindProperty] public Dictionary<int, Vote?> Votes { get; set; } = [];

    async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        People = await governance.PeopleAsync(Id, ct);
        Options = await governance.OptionsAsync(Id, ct);
        Raci = await governance.RaciAsync(Id, ct);
        Framework = await decisions.FrameworkAsync(Id, ct);
        Decisions = await decisions.ListAsync(Id, ct);
        DecisionTime = await decisions.DecisionTimeAsync(Id, ct);
        CanManage = await AllowedAsync(Policies.Manage);
        CanDecide = await AllowedAsync(Policies.Oversee);
    }

    public Task OnGetAsync() => LoadAsync();

    async Task<IActionResult> Run(Func<Task> change, string done, string anchor)
    {
        if (await TryAsync(change))
        {
            Flash(done);
            return Redirect($"/Governance/Partnership/{Id}#{anchor}");
        }
        await LoadAsync();
        return Page();
    }

    PersonInput PersonInput()
    {
        var staff = Options.Staff.Select(s => s.Id).ToHashSet();
        var (side, userId, contactId) = Who switch
        {
            { } w when w.StartsWith("contact:", StringComparison.Ordinal) && int.TryParse(w[8..], out var c) => (GovernanceSide.Partner, (string?)null, (int?)c),
            { } w when w.StartsWith("user:", StringComparison.Ordinal) => (staff.Contains(w[5..]) ? GovernanceSide.Ours : GovernanceSide.Partner, w[5..], (int?)null),
            _ => (GovernanceSide.Ours, (string?)null, (int?)null),
        };
        return new(side, Role, CommitteeRole, userId, contactId, TimeCommitmentPercent, PersonVersion);
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostAddPersonAsync()
    {
        Options = await governance.OptionsAsync(Id, HttpContext.RequestAborted);
        var input = PersonInput();
        if (await TryAsync(() => governance.AddPersonAsync(Id, input, HttpContext.RequestAborted)))
        {
            Flash("Person added.");
            return Redirect($"/Governance/Partnership/{Id}#people");
        }
        // The service names the user or contact field; on this form both are the one "Person" picker.
        foreach (var (key, prefix) in new[] { ("UserId", "User id "), ("ContactId", "Contact id ") })
            if (ModelState.TryGetValue(key, out var entry))
            {
                foreach (var e in entry.Errors.ToList()) ModelState.AddModelError(nameof(Who), "Person " + e.ErrorMessage.Replace(prefix, "", StringComparison.Ordinal));
                ModelState.Remove(key);
            }
        await LoadAsync();
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostRemovePersonAsync() =>
        Run(() => governance.RemovePersonAsync(Id, PersonId ?? 0, HttpContext.RequestAborted), "Person removed.", "people");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostRequestAsync() =>
        Run(() => decisions.RequestAsync(Id, new(Title, Details, Type), null, HttpContext.RequestAborted), "Decision request logged.", "decisions");

    [RequirePolicy(Policies.Oversee)]
    public Task<IActionResult> OnPostDecideAsync() =>
        Run(() => decisions.DecideAsync(Id, DecisionId ?? 0,
                new(Outcome, Reason, null, Votes.Where(v => v.Value is not null).Select(v => new VoteInput(v.Key, v.Value)).ToList(), DecisionVersion),
                User.IsInRole(Roles.Executive) || User.IsInRole(Roles.Admin), null, HttpContext.RequestAborted),
            "Decision recorded.", "decisions");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostWithdrawAsync() =>
        Run(() => decisions.SetStatusAsync(Id, DecisionId ?? 0, new(DecisionStatus.Withdrawn, Reason, DecisionVersion), HttpContext.RequestAborted),
            "Decision request withdrawn.", "decisions");
}
