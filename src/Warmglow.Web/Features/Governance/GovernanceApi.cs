using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Core.Governance;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Governance;

public static class GovernanceApi
{
    public static void MapGovernanceEndpoints(this IEndpointRouteBuilder app)
    {
        // People and the RACI matrix are read by everyone who sees the partnership (partner users: their own, the
        // DbContext scopes them; others are not found); the framework and the decision log are internal.
        var g = app.MapGroup("/api/partnerships/{id:int}/governance").WithTags("Governance").RequireAuthorization(Policies.Member);

        g.MapGet("/people", (int id, GovernanceService s, CancellationToken ct) => s.PeopleAsync(id, ct))
            .WithSummary("Managers on both sides, the executive sponsor and the steering committee, with time commitments; staff also get the sponsorship flags");
        g.MapPost("/people", async Task<Created<PersonDto>> (int id, PersonInput input, GovernanceService s, CancellationToken ct) =>
            {
                var p = await s.AddPersonAsync(id, input, ct);
                return TypedResults.Created($"/api/partnerships/{id}/governance/people/{p.Id}", p);
            })
            .RequireAuthorization(Policies.Manage).WithSummary("Add a person: our side a user, the partner side a contact or portal user of a member partner");
        g.MapPut("/people/{personId:int}", (int id, int personId, PersonInput input, GovernanceService s, CancellationToken ct) => s.UpdatePersonAsync(id, personId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Change a person's role or time commitment; send the version you read");
        g.MapDelete("/people/{personId:int}", async Task<NoContent> (int id, int personId, GovernanceService s, CancellationToken ct) =>
            {
                await s.RemovePersonAsync(id, personId, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Manage);

        g.MapGet("/raci", (int id, GovernanceService s, CancellationToken ct) => s.RaciAsync(id, ct))
            .WithSummary("The RACI matrix; the starter set for the partnership's type (version 0) until one is saved");
        g.MapPut("/raci", (int id, RaciInput input, GovernanceService s, CancellationToken ct) => s.SaveRaciAsync(id, input, ct))
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Save the whole matrix: exactly one Accountable and at least one Responsible per activity; send the version you read (0 the first time)");
        g.MapGet("/raci.csv", async (int id, GovernanceService s, CancellationToken ct) =>
                TypedResults.File(Encoding.UTF8.GetBytes(Raci.ToCsv((await s.RaciAsync(id, ct)).Matrix)), "text/csv; charset=utf-8", $"raci-{id}.csv"))
            .WithSummary("The RACI matrix as CSV (one row per activity, one column per person or role)");

        // Proposed RACI changes: anyone who sees the partnership proposes (partner users mostly); a manager accepts or rejects.
        g.MapGet("/raci/proposals", (int id, RaciProposalService s, CancellationToken ct) => s.ListAsync(id, ct))
            .WithSummary("Proposed changes to the RACI matrix, newest first, with their outcome");
        g.MapGet("/raci/proposals/{proposalId:int}", (int id, int proposalId, RaciProposalService s, CancellationToken ct) => s.GetAsync(id, proposalId, ct));
        g.MapPost("/raci/proposals", async Task<Created<RaciProposalDto>> (int id, RaciProposalInput input, RaciProposalService s, CancellationToken ct) =>
            {
                var p = await s.ProposeAsync(id, input, ct);
                return TypedResults.Created($"/api/partnerships/{id}/governance/raci/proposals/{p.Id}", p);
            })
            .WithSummary("Propose a whole matrix (validated like a save); it waits for our manager. The comment is shared with both sides");
        g.MapPost("/raci/proposals/{proposalId:int}/accept", (int id, int proposalId, RaciProposalDecision input, RaciProposalService s, CancellationToken ct) =>
                s.AcceptAsync(id, proposalId, input, ct))
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Accept a proposal: the matrix is saved if it has not changed since the proposal was made (else 409); send the proposal's version");
        g.MapPost("/raci/proposals/{proposalId:int}/reject", (int id, int proposalId, RaciProposalDecision input, RaciProposalService s, CancellationToken ct) =>
                s.RejectAsync(id, proposalId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Reject a proposal with a reason the partner reads; send the proposal's version");

        // The activity timeline (partner users: only what is shared with them) and its free notes.
        g.MapGet("/timeline", (int id, string? kind, int? page, int? pageSize, TimelineService s, CancellationToken ct) =>
                s.PageAsync(id, TimelineService.ParseKind(kind), page, pageSize, ct))
            .WithSummary("The partnership's activity, newest first, paged (20 a page by default, up to 100), filterable by kind (stageMove, meeting, decision, actionItem, agreementChange, statement, survey, note)");
        g.MapPost("/notes", async Task<Created<PartnershipNoteDto>> (int id, PartnershipNoteInput input, TimelineService s, CancellationToken ct) =>
            {
                var n = await s.AddNoteAsync(id, input, ct);
                return TypedResults.Created($"/api/partnerships/{id}/governance/notes/{n.Id}", n);
            })
            .WithSummary("Add a note to the timeline: our people choose internal or shared (required); partner users' notes are always shared");
        g.MapPut("/notes/{noteId:int}", (int id, int noteId, PartnershipNoteEdit input, TimelineService s, CancellationToken ct) => s.EditNoteAsync(id, noteId, input, ct))
            .RequireAuthorization(Policies.Internal).WithSummary("Change a note's text (its visibility stays); send the version you read");
        g.MapDelete("/notes/{noteId:int}", async Task<NoContent> (int id, int noteId, TimelineService s, CancellationToken ct) =>
            {
                await s.DeleteNoteAsync(id, noteId, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Internal).WithSummary("Delete a note");

        // Meetings: partner users read their own partnership's meetings and the shared notes; staff write.
        g.MapGet("/meetings", (int id, MeetingService s, CancellationToken ct) => s.ListAsync(id, ct))
            .WithSummary("Meetings, newest first, with agenda, notes (partner users: shared ones only) and action items (staff)");
        g.MapGet("/meetings/{meetingId:int}", (int id, int meetingId, MeetingService s, CancellationToken ct) => s.GetAsync(id, meetingId, ct));
        g.MapPost("/meetings", async Task<Created<MeetingDto>> (int id, MeetingInput input, MeetingService s, CancellationToken ct) =>
            {
                var m = await s.ScheduleAsync(id, input, ct);
                return TypedResults.Created($"/api/partnerships/{id}/governance/meetings/{m.Id}", m);
            })
            .RequireAuthorization(Policies.Manage).WithSummary("Schedule a meeting: start and end as wall-clock times in an IANA time zone, an agenda");
        g.MapPost("/meetings/{meetingId:int}/notes", (int id, int meetingId, NoteInput input, MeetingService s, CancellationToken ct) => s.AddNoteAsync(id, meetingId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Add a note; 'shared' (required) says whether the partner may read it");
        g.MapPost("/meetings/{meetingId:int}/action-items", (int id, int meetingId, ActionItemInput input, MeetingService s, CancellationToken ct) =>
                s.AddActionItemAsync(id, meetingId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Add an action item: a task for one of our people, due on a date, linked to the meeting");

        g.MapGet("/meetings/{meetingId:int}/ics", async (int id, int meetingId, CalendarService s, CancellationToken ct) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await s.MeetingAsync(id, meetingId, ct)), "text/calendar; charset=utf-8", $"meeting-{meetingId}.ics"))
            .WithSummary("One meeting as an iCalendar file to download (with its time zone)");
        g.MapPut("/meetings/{meetingId:int}", (int id, int meetingId, MeetingMoveInput input, MeetingService s, CancellationToken ct) => s.MoveAsync(id, meetingId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Move (or retitle) one meeting; a cadence's other meetings stay; send the version you read");
        g.MapPost("/meetings/{meetingId:int}/status", (int id, int meetingId, MeetingStatusInput input, MeetingService s, CancellationToken ct) => s.SetStatusAsync(id, meetingId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Mark a meeting held or cancelled (cancelling one occurrence keeps the cadence)");
        g.MapPost("/meetings/{meetingId:int}/attendees", async Task<Created<AttendeeDto>> (int id, int meetingId, AttendeeInput input, MeetingService s, CancellationToken ct) =>
            {
                var a = await s.AddAttendeeAsync(id, meetingId, input, ct);
                return TypedResults.Created($"/api/partnerships/{id}/governance/meetings/{meetingId}/attendees/{a.Id}", a);
            })
            .RequireAuthorization(Policies.Manage).WithSummary("Add an attendee from either side: one of ours (userId), a partner contact (contactId) or a partner's portal user (userId)");
        g.MapPut("/meetings/{meetingId:int}/attendees/{attendeeId:int}", (int id, int meetingId, int attendeeId, AttendanceInput input, MeetingService s, CancellationToken ct) =>
                s.SetAttendanceAsync(id, meetingId, attendeeId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Record whether an attendee came: invited, attended or absent");

        // Cadences: partner users read their own partnership's; staff start and stop them.
        g.MapGet("/cadences", (int id, CadenceService s, CancellationToken ct) => s.ListAsync(id, ct))
            .WithSummary("The partnership's cadences (recurring meeting series) with their rule and next meeting");
        g.MapPost("/cadences", async Task<Created<SeriesDto>> (int id, SeriesInput input, CadenceService s, CancellationToken ct) =>
            {
                var c = await s.CreateAsync(id, input, ct);
                return TypedResults.Created($"/api/partnerships/{id}/governance/cadences/{c.Id}", c);
            })
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Start a cadence from a template: first start (wall-clock) in an IANA zone and an explicit end (never, on a date, after a count); its meetings are generated");
        g.MapPut("/cadences/{seriesId:int}", (int id, int seriesId, SeriesEditInput input, CadenceService s, CancellationToken ct) => s.UpdateAsync(id, seriesId, input, ct))
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Change a cadence's time, zone, rhythm, length or agenda: meetings to come that nobody changed are regenerated, past and changed ones stay; send the version you read");
        g.MapPost("/cadences/{seriesId:int}/stop", (int id, int seriesId, SeriesStopInput input, CadenceService s, CancellationToken ct) => s.StopAsync(id, seriesId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("End a cadence after a day (today when empty): later untouched meetings are removed, changed ones cancelled");

        var i = g.MapGroup("").RequireAuthorization(Policies.Internal);
        i.MapGet("/framework", (int id, DecisionService s, CancellationToken ct) => s.FrameworkAsync(id, ct))
            .WithSummary("The decision framework in force (the partnership's override or the workspace default)");
        i.MapPut("/framework", (int id, FrameworkInput input, DecisionService s, CancellationToken ct) => s.SaveFrameworkAsync(id, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Override the framework for this partnership: one route per decision type, a quorum for committee routes");
        i.MapDelete("/framework", (int id, DecisionService s, CancellationToken ct) => s.ResetFrameworkAsync(id, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Drop the override; the workspace default applies again");

        i.MapGet("/decisions", (int id, DecisionService s, CancellationToken ct) => s.ListAsync(id, ct))
            .WithSummary("The decision log, newest request first (up to 200)");
        i.MapGet("/decisions/{decisionId:int}", (int id, int decisionId, DecisionService s, CancellationToken ct) => s.GetAsync(id, decisionId, ct));
        i.MapPost("/decisions", async Task<Created<DecisionDto>> (int id, DecisionRequestInput input, DecisionService s, CancellationToken ct) =>
            {
                var d = await s.RequestAsync(id, input, null, ct);
                return TypedResults.Created($"/api/partnerships/{id}/governance/decisions/{d.Id}", d);
            })
            .RequireAuthorization(Policies.Manage).WithSummary("Log a decision request; the framework gives its route");
        i.MapPost("/decisions/{decisionId:int}/decide", (int id, int decisionId, DecideInput input, DecisionService s, HttpContext http, CancellationToken ct) =>
                s.DecideAsync(id, decisionId, input, http.User.IsInRole(Roles.Executive) || http.User.IsInRole(Roles.Admin), null, ct))
            .RequireAuthorization(Policies.Oversee)
            .WithSummary("Record the decision: only whom the framework routes to (manager, executive or sponsor; committee votes up to the quorum)");
        i.MapPost("/decisions/{decisionId:int}/status", (int id, int decisionId, StatusInput input, DecisionService s, CancellationToken ct) =>
                s.SetStatusAsync(id, decisionId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Withdraw a proposed decision or mark a decided one superseded");
        i.MapGet("/decision-time", (int id, DecisionService s, CancellationToken ct) => s.DecisionTimeAsync(id, ct))
            .WithSummary("Decision time (days and business days from request to decision) with its quarterly trend");

        var ws = app.MapGroup("/api/governance").WithTags("Governance").RequireAuthorization(Policies.Internal);
        ws.MapGet("/cadence-templates", (CadenceService s, CancellationToken ct) => s.TemplatesAsync(ct))
            .WithSummary("The cadence templates (weekly tactical … semiannual strategy) with their rhythm, length and default agenda");
        ws.MapPut("/cadence-templates/{key}", (string key, CadenceTemplateInput input, CadenceService s, CancellationToken ct) => s.SaveTemplateAsync(key, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Edit a cadence template for this workspace; send the version you read (0 for a built-in one)");

        // Calendar feeds: everyone signed in manages their own; the feed itself is read with its secret URL alone.
        var cal = app.MapGroup("/api/calendar").WithTags("Calendar");
        var mine = cal.MapGroup("/feeds").RequireAuthorization(Policies.Member);
        mine.MapGet("", (CalendarService s, CancellationToken ct) => s.FeedsAsync(ct)).WithSummary("My calendar feeds (their URLs are shown only when made)");
        mine.MapPost("", async Task<Created<FeedCreatedDto>> (FeedInput input, CalendarService s, HttpContext http, CancellationToken ct) =>
            {
                var f = await s.CreateAsync(input, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}", ct);
                return TypedResults.Created($"/api/calendar/feeds/{f.Id}", f);
            })
            .WithSummary("Make (or regenerate, revoking the old URL) my feed, or one partnership's (partnershipId); the URL carries a secret token and is shown once");
        mine.MapDelete("/{feedId:int}", async Task<NoContent> (int feedId, CalendarService s, CancellationToken ct) =>
            {
                await s.RevokeAsync(feedId, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Revoke a feed: its URL stops working");
        cal.MapGet("/feeds/{token}.ics", async Task<Results<FileContentHttpResult, NotFound>> (string token, CalendarService s, HttpContext http, CancellationToken ct) =>
            {
                var ics = await s.ReadAsync(token, ct);
                if (ics is null) return TypedResults.NotFound();
                http.Response.Headers.CacheControl = "private, max-age=300";
                return TypedResults.File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "warmglow.ics");
            })
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").AllowAnonymous().WithSummary("The calendar feed behind a secret URL (subscribe to it from a calendar app)");
        ws.MapGet("/framework", (DecisionService s, CancellationToken ct) => s.FrameworkAsync(null, ct))
            .WithSummary("The workspace's default decision framework");
        ws.MapPut("/framework", (FrameworkInput input, DecisionService s, CancellationToken ct) => s.SaveFrameworkAsync(null, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Save the workspace default framework; send the version you read (0 the first time)");
        ws.MapGet("/decision-time", (DecisionService s, CancellationToken ct) => s.DecisionTimeAsync(null, ct))
            .WithSummary("Decision time across the workspace with its quarterly trend");
    }
}
