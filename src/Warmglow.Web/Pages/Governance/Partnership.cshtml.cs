using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Governance;
using Warmglow.Web.Features.Governance;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Governance;

/// <summary>One partnership's governance: people and sponsorship, the RACI matrix, the decision log and decision time.</summary>
public class PartnershipModel(GovernanceService governance, DecisionService decisions, MeetingService meetings, CadenceService cadences,
    CalendarService calendar, TimeProvider clock) : WarmglowPage
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

    // Meetings: schedule (wall-clock times in a zone), notes (shared or internal), action items.
    public IReadOnlyList<MeetingDto> Meetings { get; private set; } = [];
    [BindProperty] public string? MeetingTitle { get; set; }
    [BindProperty] public DateTime? StartsAt { get; set; }
    [BindProperty] public DateTime? EndsAt { get; set; }
    [BindProperty] public string? TimeZone { get; set; } = "Europe/Berlin";
    [BindProperty] public string? AgendaText { get; set; }
    [BindProperty] public int? MeetingId { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public bool? Shared { get; set; }
    [BindProperty] public string? ActionTitle { get; set; }
    [BindProperty] public string? OwnerId { get; set; }
    [BindProperty] public DateOnly? DueOn { get; set; }
    [BindProperty] public bool ActionShared { get; set; }

    // Cadences: a template, the first start (wall-clock) in a zone, and an explicit end.
    public IReadOnlyList<SeriesDto> Cadences { get; private set; } = [];
    public IReadOnlyList<CadenceTemplateDto> Templates { get; private set; } = [];
    [BindProperty] public string? TemplateKey { get; set; }
    [BindProperty] public DateTime? FirstStartsAt { get; set; }
    [BindProperty] public RecurrenceEnd? End { get; set; }
    [BindProperty] public DateOnly? Until { get; set; }
    [BindProperty] public int? Count { get; set; }
    [BindProperty] public int? SeriesId { get; set; }
    [BindProperty] public int? MeetingVersion { get; set; }
    [BindProperty] public MeetingStatus? Status { get; set; }
    [BindProperty] public int? AttendeeId { get; set; }
    [BindProperty] public Attendance? Attendance { get; set; }
    [BindProperty] public int? AttendeeVersion { get; set; }
    /// <summary>A just-made feed URL, shown once.</summary>
    public string? FeedUrl { get; private set; }

    async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        People = await governance.PeopleAsync(Id, ct);
        Options = await governance.OptionsAsync(Id, ct);
        Raci = await governance.RaciAsync(Id, ct);
        Framework = await decisions.FrameworkAsync(Id, ct);
        Decisions = await decisions.ListAsync(Id, ct);
        DecisionTime = await decisions.DecisionTimeAsync(Id, ct);
        Meetings = await meetings.ListAsync(Id, ct);
        Cadences = await cadences.ListAsync(Id, ct);
        Templates = await cadences.TemplatesAsync(ct);
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

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostScheduleAsync()
    {
        var agenda = ParseAgenda(AgendaText);
        return RunMapped(() => meetings.ScheduleAsync(Id, new(MeetingTitle, StartsAt, EndsAt, TimeZone, agenda), HttpContext.RequestAborted),
            "Meeting scheduled.", "meetings", ("Title", nameof(MeetingTitle)), ("Agenda", nameof(AgendaText)));
    }

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostNoteAsync() =>
        Run(() => meetings.AddNoteAsync(Id, MeetingId ?? 0, new(Text, Shared), HttpContext.RequestAborted), Shared == true ? "Note shared with the partner." : "Internal note added.", "meetings");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostActionItemAsync() =>
        RunMapped(() => meetings.AddActionItemAsync(Id, MeetingId ?? 0, new(ActionTitle, OwnerId, DueOn, ActionShared), HttpContext.RequestAborted),
            "Action item added to the task list.", "meetings", ("Title", nameof(ActionTitle)));

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostCadenceAsync()
    {
        PostedCadence = true;
        return Run(() => cadences.CreateAsync(Id, new(TemplateKey, null, FirstStartsAt, TimeZone, End, Until, Count), HttpContext.RequestAborted),
            "Cadence started; its meetings are scheduled.", "cadences");
    }

    public bool PostedCadence { get; private set; }

    /// <summary>One agenda item per line: "item | owner | minutes" (owner and minutes optional).</summary>
    static List<AgendaItem> ParseAgenda(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l =>
        {
            var parts = l.Split('|').Select(p => p.Trim()).ToArray();
            return new AgendaItem(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null,
                parts.Length > 2 && int.TryParse(parts[2], out var min) ? min : null);
        }).ToList();

    public static string AgendaLines(IEnumerable<AgendaItem> agenda) =>
        string.Join("\n", agenda.Select(a => a.Item + (a.Owner is null && a.Minutes is null ? "" : $" | {a.Owner} | {a.Minutes}")));

    // Change a cadence: from which local start, in which zone, how long, with which agenda.
    [BindProperty] public DateTime? CadenceFrom { get; set; }
    [BindProperty] public string? CadenceZone { get; set; }
    [BindProperty] public int? CadenceMinutes { get; set; }
    [BindProperty] public string? CadenceAgenda { get; set; }

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostEditCadenceAsync() =>
        RunMapped(() => cadences.UpdateAsync(Id, SeriesId ?? 0, new(MeetingVersion, FirstStartsAt: CadenceFrom, TimeZone: CadenceZone,
                DurationMinutes: CadenceMinutes, Agenda: ParseAgenda(CadenceAgenda)), HttpContext.RequestAborted),
            "Cadence changed; its meetings to come are rescheduled, moved and cancelled ones stay.", "cadences",
            ("FirstStartsAt", ""), ("TimeZone", ""), ("DurationMinutes", ""), ("Agenda", ""), ("Title", ""), ("Until", ""), ("Count", ""));

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostStopCadenceAsync() =>
        Run(() => cadences.StopAsync(Id, SeriesId ?? 0, new(null, MeetingVersion), HttpContext.RequestAborted), "Cadence ended; later meetings are off the calendar.", "cadences");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostMeetingStatusAsync() =>
        Run(() => meetings.SetStatusAsync(Id, MeetingId ?? 0, new(Status, MeetingVersion), HttpContext.RequestAborted),
            Status == MeetingStatus.Cancelled ? "Meeting cancelled; the rest of its cadence stays." : "Meeting updated.", "meetings");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostMoveAsync() =>
        Run(() => meetings.MoveAsync(Id, MeetingId ?? 0, new(StartsAt, EndsAt, null, MeetingVersion), HttpContext.RequestAborted),
            "Meeting moved; calendars get the new time.", "meetings");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostAttendeeAsync()
    {
        var (userId, contactId) = Who switch
        {
            { } w when w.StartsWith("contact:", StringComparison.Ordinal) && int.TryParse(w[8..], out var c) => ((string?)null, (int?)c),
            { } w when w.StartsWith("user:", StringComparison.Ordinal) => (w[5..], (int?)null),
            _ => (null, null),
        };
        return RunMapped(() => meetings.AddAttendeeAsync(Id, MeetingId ?? 0, new(userId, contactId, Attendance), HttpContext.RequestAborted),
            "Attendee added.", "meetings", ("UserId", nameof(Who)), ("ContactId", nameof(Who)));
    }

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostAttendanceAsync() =>
        Run(() => meetings.SetAttendanceAsync(Id, MeetingId ?? 0, AttendeeId ?? 0, new(Attendance, AttendeeVersion), HttpContext.RequestAborted), "Attendance recorded.", "meetings");

    public async Task<IActionResult> OnPostFeedAsync()
    {
        FeedCreatedDto? feed = null;
        if (await TryAsync(async () => feed = await calendar.CreateAsync(new(Id), $"{Request.Scheme}://{Request.Host}{Request.PathBase}", HttpContext.RequestAborted)))
            FeedUrl = feed!.Url;
        await LoadAsync();
        return Page();
    }

    /// <summary>Like Run, but moves field errors whose names clash with another form's fields to this form's own.</summary>
    async Task<IActionResult> RunMapped(Func<Task> change, string done, string anchor, params (string From, string To)[] map)
    {
        if (await TryAsync(change))
        {
            Flash(done);
            return Redirect($"/Governance/Partnership/{Id}#{anchor}");
        }
        foreach (var (from, to) in map)
            if (ModelState.TryGetValue(from, out var entry))
            {
                foreach (var e in entry.Errors.ToList()) ModelState.AddModelError(to, e.ErrorMessage);
                ModelState.Remove(from);
            }
        await LoadAsync();
        return Page();
    }
}
