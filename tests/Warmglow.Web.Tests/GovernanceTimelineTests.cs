using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Governance;
using Warmglow.Web.Features.Governance;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteGovernanceTimelineTests(SqliteApp app) : GovernanceTimelineTests<SqliteApp>(app);
public sealed class PostgresGovernanceTimelineTests(PostgresApp app) : GovernanceTimelineTests<PostgresApp>(app);

/// <summary>The partnership timeline and its notes, partner-proposed RACI changes, partner-owned action items and cadence edits.</summary>
public abstract class GovernanceTimelineTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    async Task<(TestWorkspace Ws, HttpClient Admin)> Workspace(string name = "Timeline")
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Admin));
    }

    async Task<string> UserId(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }

    static string Gov(int id) => $"/api/partnerships/{id}/governance";
    static async Task<JsonNode> Errors(HttpResponseMessage r) => (await r.Problem(400))["errors"]!;
    static string First(JsonNode errors, string field) => errors[field]![0]!.GetValue<string>();

    static async Task<List<TimelineEntryDto>> All(HttpClient c, int id, string? kind = null) =>
        [.. (await (await c.GetAsync($"{Gov(id)}/timeline?pageSize=100{(kind is null ? "" : $"&kind={kind}")}")).Read<TimelinePage>()).Items];

    [SkippableFact]
    public async Task Timeline_MergesTheSources_NewestFirst_PagedWithoutGapsOrRepeats_AndFilteredByKind()
    {
        var (ws, admin) = await Workspace();
        var manager = await ws.As(Roles.Manager);
        var (id, _) = await admin.NewPartnershipAsync("Spar");
        var (otherId, _) = await admin.NewPartnershipAsync("Boom");

        // Notes: the visibility must be chosen; text is required.
        Assert.Contains("say whether the partner may read", First(await Errors(await manager.PostJson($"{Gov(id)}/notes", new { text = "x" })), "shared"));
        Assert.True((await Errors(await manager.PostJson($"{Gov(id)}/notes", new { text = " ", shared = true }))).AsObject().ContainsKey("text"));
        var created = new List<PartnershipNoteDto>();
        for (var i = 1; i <= 7; i++)
            created.Add(await (await manager.PostJson($"{Gov(id)}/notes", new { text = $"Note {i}", shared = i % 2 == 0 })).Read<PartnershipNoteDto>());
        await (await manager.PostJson($"{Gov(otherId)}/notes", new { text = "Elsewhere", shared = true })).Read<PartnershipNoteDto>();

        // Two past meetings and one to come (only what has started is activity); a decision request.
        var day = DateTime.UtcNow.Date;
        foreach (var (title, at) in new[] { ("Kick-off", day.AddDays(-20)), ("Review", day.AddDays(-3)), ("Next sync", day.AddDays(5)) })
            await (await manager.PostJson($"{Gov(id)}/meetings", new { title, startsAt = at.AddHours(10), endsAt = at.AddHours(11), timeZone = "Europe/Berlin" })).Read<MeetingDto>();
        await (await manager.PostJson($"{Gov(id)}/decisions", new { title = "Extend the pilot", type = "ScopeChange" })).Read<DecisionDto>();

        var everything = await All(manager, id);
        Assert.Equal(everything.OrderByDescending(e => e.At).Select(e => e.At), everything.Select(e => e.At));
        Assert.Equal(7, everything.Count(e => e.Kind == TimelineKind.Note));
        Assert.Equal(["Meeting: Review", "Meeting: Kick-off"], everything.Where(e => e.Kind == TimelineKind.Meeting).Select(e => e.Title));
        Assert.Contains(everything, e => e.Kind == TimelineKind.Decision && e.Title == "Decision requested: Extend the pilot");
        Assert.DoesNotContain(everything, e => e.Detail == "Elsewhere");

        // Pages of 3 walk the same list: no entry lost or repeated where sources interleave.
        var walked = new List<TimelineEntryDto>();
        for (var p = 1; ; p++)
        {
            var page = await (await manager.GetAsync($"{Gov(id)}/timeline?page={p}&pageSize=3")).Read<TimelinePage>();
            Assert.True(page.Items.Count <= 3);
            walked.AddRange(page.Items);
            if (!page.HasNext) break;
            Assert.True(p < 20, "paging never ends");
        }
        Assert.Equal(everything.Select(e => (e.Kind, e.SourceId)), walked.Select(e => (e.Kind, e.SourceId)));

        // The kind filter: only notes, newest first; an unknown kind and paging too far back are refused by field.
        var notes = await (await manager.GetAsync($"{Gov(id)}/timeline?kind=note&pageSize=5")).Read<TimelinePage>();
        Assert.Equal(["Note 7", "Note 6", "Note 5", "Note 4", "Note 3"], notes.Items.Select(n => n.Detail));
        Assert.True(notes.HasNext);
        var second = await (await manager.GetAsync($"{Gov(id)}/timeline?kind=Note&pageSize=5&page=2")).Read<TimelinePage>();
        Assert.Equal(["Note 2", "Note 1"], second.Items.Select(n => n.Detail));
        Assert.False(second.HasNext);
        Assert.Empty((await All(manager, id, "statement")));
        Assert.StartsWith("must be one of", First(await Errors(await manager.GetAsync($"{Gov(id)}/timeline?kind=gossip")), "kind"));
        Assert.StartsWith("goes back too far", First(await Errors(await manager.GetAsync($"{Gov(id)}/timeline?page=500&pageSize=100")), "page"));

        // Edit needs the version (stale → 409); visibility stays; delete removes it.
        var n7 = notes.Items[0];
        var edited = await (await manager.PutJson($"{Gov(id)}/notes/{n7.SourceId}", new { text = "Note 7, corrected", version = created[6].Version })).Read<PartnershipNoteDto>();
        Assert.Equal("Note 7, corrected", edited.Text);
        Assert.False(edited.Shared);
        await (await manager.PutJson($"{Gov(id)}/notes/{n7.SourceId}", new { text = "again", version = created[6].Version })).Problem(409);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"{Gov(id)}/notes/{n7.SourceId}")).StatusCode);
        Assert.Equal(6, (await All(manager, id, "note")).Count);
        await (await manager.PutJson($"{Gov(otherId)}/notes/{n7.SourceId}", new { text = "x", version = edited.Version })).Problem(404);

        // The pages: the partnership page's section and the timeline page with its filter.
        var details = await (await admin.GetAsync($"/Partnerships/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("All activity and notes", details);
        var timelinePage = await admin.GetAsync($"/Governance/Timeline/{id}?kind=meeting");
        Assert.Equal(HttpStatusCode.OK, timelinePage.StatusCode);
        var html = await timelinePage.Content.ReadAsStringAsync();
        Assert.Contains("Meeting: Review", html);
        Assert.DoesNotContain("Note 6", html);
        Assert.Equal(HttpStatusCode.NotFound, (await (await (await app.CreateWorkspaceAsync("Stranger")).As(Roles.Admin)).GetAsync($"/Governance/Timeline/{id}")).StatusCode);
    }

    [SkippableFact]
    public async Task Portal_SeesOnlySharedItems_AddsSharedNotes_OwnsActionItems_AndAnotherPartnershipIsNotFound()
    {
        var (ws, admin) = await Workspace();
        var manager = await ws.As(Roles.Manager);
        var (id, partnerId) = await admin.NewPartnershipAsync("Jib");
        var (otherId, otherPartnerId) = await admin.NewPartnershipAsync("Mizzen");
        var partnerEmail = await ws.NewUserAsync(Roles.Partner, partnerId);
        var partner = await app.ClientForAsync(partnerEmail);
        var partnerUserId = await UserId(partnerEmail);
        var strangerEmail = await ws.NewUserAsync(Roles.Partner, otherPartnerId);
        var stranger = await app.ClientForAsync(strangerEmail);
        var me = await UserId(ws.Emails[Roles.Manager]);

        await (await manager.PostJson($"{Gov(id)}/notes", new { text = "Our margin worry", shared = false })).Read<PartnershipNoteDto>();
        await (await manager.PostJson($"{Gov(id)}/notes", new { text = "Agreed the Q2 plan", shared = true })).Read<PartnershipNoteDto>();
        var day = DateTime.UtcNow.Date.AddDays(-2);
        var meeting = await (await manager.PostJson($"{Gov(id)}/meetings", new { title = "Alignment", startsAt = day.AddHours(10), endsAt = day.AddHours(11), timeZone = "Europe/Berlin" })).Read<MeetingDto>();
        await (await manager.PostJson($"{Gov(id)}/decisions", new { title = "Secret budget", type = "ScopeChange" })).Read<DecisionDto>();

        // Action items: the owner may be the partner's portal user of this partnership, not one of another partnership.
        var items = $"{Gov(id)}/meetings/{meeting.Id}/action-items";
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7));
        Assert.Equal("is not one of our people or a portal user of a partner in this partnership.",
            First(await Errors(await manager.PostJson(items, new { title = "Wrong owner", ownerId = await UserId(strangerEmail), dueOn = due })), "ownerId"));
        var theirs = await (await manager.PostJson(items, new { title = "Send the partner deck", ownerId = partnerUserId, dueOn = due })).Read<ActionItemDto>();
        await (await manager.PostJson(items, new { title = "Check our margins", ownerId = me, dueOn = due })).Read<ActionItemDto>();
        await (await manager.PostJson(items, new { title = "Book the venue", ownerId = me, dueOn = due, shared = true })).Read<ActionItemDto>();

        // The partner user sees shared notes, meetings and shared or own action items; nothing internal, no staff links.
        var seen = await All(partner, id);
        Assert.Equal([TimelineKind.Meeting, TimelineKind.ActionItem, TimelineKind.Note], seen.Select(e => e.Kind).Distinct().Order());
        Assert.Equal(["Agreed the Q2 plan"], seen.Where(e => e.Kind == TimelineKind.Note).Select(e => e.Detail));
        Assert.Equal(["Action item: Book the venue", "Action item: Send the partner deck"], seen.Where(e => e.Kind == TimelineKind.ActionItem).Select(e => e.Title).Order());
        Assert.All(seen, e => Assert.Null(e.Link));
        Assert.All(seen, e => Assert.True(e.Shared));
        Assert.Empty(await All(partner, id, "decision"));
        var staffView = await All(manager, id);
        Assert.Contains(staffView, e => e.Detail == "Our margin worry");
        Assert.Contains(staffView, e => e.Title == "Action item: Check our margins");

        // They add notes both sides read; never internal ones; they cannot edit or delete.
        Assert.Contains("always seen by both sides", First(await Errors(await partner.PostJson($"{Gov(id)}/notes", new { text = "psst", shared = false })), "shared"));
        var theirNote = await (await partner.PostJson($"{Gov(id)}/notes", new { text = "Our launch slips a week" })).Read<PartnershipNoteDto>();
        Assert.True(theirNote.Shared);
        Assert.True(theirNote.FromPartner);
        Assert.Contains(await All(manager, id, "note"), e => e.Title == "Note from the partner" && e.Detail == "Our launch slips a week");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PutJson($"{Gov(id)}/notes/{theirNote.Id}", new { text = "x", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.DeleteAsync($"{Gov(id)}/notes/{theirNote.Id}")).StatusCode);

        // Their action item is theirs to work in the portal.
        Assert.Contains("Send the partner deck", await (await partner.GetAsync("/Portal/Tasks")).Content.ReadAsStringAsync());
        var task = await (await partner.GetAsync($"/api/tasks/{theirs.TaskId}")).Node();
        Assert.Equal("Send the partner deck", task["task"]!["title"]!.GetValue<string>());

        // The portal pages show the shared activity only.
        var page = await (await partner.GetAsync($"/Portal/Governance/Timeline/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("Agreed the Q2 plan", page);
        Assert.DoesNotContain("margin", page);
        Assert.DoesNotContain("Secret budget", page);
        Assert.Contains("Recent activity", await (await partner.GetAsync("/Portal")).Content.ReadAsStringAsync());

        // A partner user of another partnership: not found, whatever they try.
        await (await stranger.GetAsync($"{Gov(id)}/timeline")).Problem(404);
        await (await stranger.PostJson($"{Gov(id)}/notes", new { text = "hello" })).Problem(404);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Portal/Governance/Timeline/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync($"{Gov(otherId)}/timeline")).StatusCode);
        await (await partner.GetAsync($"{Gov(otherId)}/timeline")).Problem(404);
    }

    static object Matrix(params (string Activity, Dictionary<string, string> Cells)[] rows) => new
    {
        columns = new[] { "Our manager", "Their manager" },
        rows = rows.Select(r => new { activity = r.Activity, cells = r.Cells }),
    };

    [SkippableFact]
    public async Task RaciProposals_PartnerProposes_ManagerAcceptsOrRejects_InvalidIsRefused_StaleIsAConflict()
    {
        var (ws, admin) = await Workspace();
        var manager = await ws.As(Roles.Manager);
        var (id, partnerId) = await admin.NewPartnershipAsync("Halyard");
        var (_, otherPartnerId) = await admin.NewPartnershipAsync("Sheet");
        var partner = await ws.AsPartnerUser(partnerId);
        var stranger = await ws.AsPartnerUser(otherPartnerId);
        var url = $"{Gov(id)}/raci/proposals";

        // Two Accountables: refused naming the activity; nothing is waiting.
        var bad = Matrix(("Roadmap", new() { ["Our manager"] = "A", ["Their manager"] = "A" }));
        var e = (await Errors(await partner.PostJson(url, new { matrix = bad })))["activities"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();
        Assert.Contains("'Roadmap' needs exactly one Accountable (2 are marked A: Our manager, Their manager).", e);
        Assert.Empty(await (await partner.GetAsync(url)).Read<List<RaciProposalDto>>());

        var first = Matrix(("Roadmap", new() { ["Our manager"] = "A", ["Their manager"] = "R" }));
        var p1 = await (await partner.PostJson(url, new { matrix = first, comment = "We own delivery" })).Read<RaciProposalDto>();
        Assert.Equal(RaciProposalStatus.Pending, p1.Status);
        Assert.True(p1.FromPartner);
        Assert.Equal(0, p1.BaseVersion);
        await (await stranger.PostJson(url, new { matrix = first })).Problem(404);
        await (await stranger.GetAsync(url)).Problem(404);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson($"{url}/{p1.Id}/accept", new { version = p1.Version })).StatusCode);

        // Rejecting needs a reason; the partner sees the outcome and the reason.
        Assert.True((await Errors(await manager.PostJson($"{url}/{p1.Id}/reject", new { version = p1.Version }))).AsObject().ContainsKey("reason"));
        var rejected = await (await manager.PostJson($"{url}/{p1.Id}/reject", new { version = p1.Version, reason = "Delivery stays with us" })).Read<RaciProposalDto>();
        Assert.Equal(RaciProposalStatus.Rejected, rejected.Status);
        var theirView = Assert.Single(await (await partner.GetAsync(url)).Read<List<RaciProposalDto>>());
        Assert.Equal("Delivery stays with us", theirView.Reason);
        Assert.Equal("rejected", theirView.StatusName);
        await (await manager.PostJson($"{url}/{p1.Id}/accept", new { version = rejected.Version })).Problem(409);
        Assert.True((await (await partner.GetAsync($"{Gov(id)}/raci")).Read<RaciDto>()).IsStarter);

        // Two proposals from the same matrix: a stale version is a conflict; accepting saves the matrix; the other is then stale.
        var second = Matrix(("Roadmap", new() { ["Our manager"] = "R", ["Their manager"] = "A" }));
        var third = Matrix(("Roadmap", new() { ["Our manager"] = "A", ["Their manager"] = "R" }), ("Support", new() { ["Their manager"] = "A", ["Our manager"] = "R" }));
        var p2 = await (await partner.PostJson(url, new { matrix = second })).Read<RaciProposalDto>();
        var p3 = await (await partner.PostJson(url, new { matrix = third })).Read<RaciProposalDto>();
        await (await manager.PostJson($"{url}/{p2.Id}/accept", new { version = p2.Version + 5 })).Problem(409);
        var accepted = await (await manager.PostJson($"{url}/{p2.Id}/accept", new { version = p2.Version })).Read<RaciProposalDto>();
        Assert.Equal(RaciProposalStatus.Accepted, accepted.Status);
        var raci = await (await partner.GetAsync($"{Gov(id)}/raci")).Read<RaciDto>();
        Assert.False(raci.IsStarter);
        Assert.Equal(RaciLetter.A, raci.Matrix.Rows.Single().Cells["Their manager"]);
        Assert.Contains("changed since this proposal was made", (await (await manager.PostJson($"{url}/{p3.Id}/accept", new { version = p3.Version })).Problem(409))["detail"]!.GetValue<string>());
        Assert.Equal(RaciProposalStatus.Pending, (await (await manager.GetAsync($"{url}/{p3.Id}")).Read<RaciProposalDto>()).Status);
        Assert.Equal(raci.Version, (await (await manager.GetAsync($"{Gov(id)}/raci")).Read<RaciDto>()).Version);

        // The pages: the partner's proposal form and our RACI page with the waiting proposal.
        Assert.Contains("Propose this matrix", await (await partner.GetAsync($"/Portal/Governance/Raci/{id}")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Portal/Governance/Raci/{id}")).StatusCode);
        Assert.Contains("Accept and save", await (await manager.GetAsync($"/Governance/Raci/{id}")).Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task CadenceEdit_RegeneratesUntouchedMeetingsToCome_KeepsPastMovedAndCancelled_StaleIsAConflict()
    {
        var (ws, admin) = await Workspace();
        var (id, partnerId) = await admin.NewPartnershipAsync("Tiller");
        var zone = Meetings.Zone("Europe/Berlin")!;
        var tomorrow = Meetings.ToLocal(DateTime.UtcNow, zone).Date.AddDays(1);
        var series = await (await admin.PostJson($"{Gov(id)}/cadences", new
        {
            templateKey = "weekly-tactical", title = "Tactical", firstStartsAt = tomorrow.AddDays(-14).AddHours(10), timeZone = "Europe/Berlin", end = "AfterCount", count = 6,
        })).Read<SeriesDto>();
        async Task<List<MeetingDto>> Occurrences() =>
            (await (await admin.GetAsync($"{Gov(id)}/meetings")).Read<List<MeetingDto>>()).Where(m => m.SeriesId == series.Id).OrderBy(m => m.StartsAt).ToList();
        var before = await Occurrences();
        Assert.Equal(6, before.Count); // two past, four to come (tomorrow and the three weeks after)

        // Move the fourth by a day, cancel the fifth.
        var moved = await (await admin.PutJson($"{Gov(id)}/meetings/{before[3].Id}", new { startsAt = before[3].StartsLocal.AddDays(1), endsAt = before[3].EndsLocal.AddDays(1), version = before[3].Version })).Read<MeetingDto>();
        var cancelled = await (await admin.PostJson($"{Gov(id)}/meetings/{before[4].Id}/status", new { status = "Cancelled", version = before[4].Version })).Read<MeetingDto>();

        // Bad input names the field; a stale version is a conflict; partner users cannot edit.
        Assert.Contains("is not a known time zone", First(await Errors(await admin.PutJson($"{Gov(id)}/cadences/{series.Id}", new { version = series.Version, timeZone = "Mars/Olympus" })), "timeZone"));
        await (await admin.PutJson($"{Gov(id)}/cadences/{series.Id}", new { version = series.Version + 3, durationMinutes = 45 })).Problem(409);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.AsPartnerUser(partnerId)).PutJson($"{Gov(id)}/cadences/{series.Id}", new { version = series.Version })).StatusCode);
        Assert.Equal(6, (await Occurrences()).Count);

        // From tomorrow on at 14:00 with a new agenda, four meetings.
        var edited = await (await admin.PutJson($"{Gov(id)}/cadences/{series.Id}", new
        {
            version = series.Version, firstStartsAt = tomorrow.AddHours(14), end = "AfterCount", count = 4,
            agenda = new[] { new { item = "Blockers", minutes = 15 } },
        })).Read<SeriesDto>();
        Assert.True(edited.Version > series.Version);
        var after = await Occurrences();

        // Past meetings keep their time; the moved and the cancelled one stay (and stand for their day); the rest is new.
        Assert.Equal([before[0].Id, before[1].Id], after.Take(2).Select(m => m.Id));
        Assert.All(after.Take(2), m => Assert.Equal(10, m.StartsLocal.Hour));
        var keptMoved = Assert.Single(after, m => m.Id == moved.Id);
        Assert.Equal(moved.StartsAt, keptMoved.StartsAt);
        Assert.Equal(MeetingStatus.Cancelled, Assert.Single(after, m => m.Id == cancelled.Id).Status);
        var regenerated = after.Where(m => m.Id != moved.Id && m.Id != cancelled.Id && m.StartsAt > DateTime.UtcNow).ToList();
        Assert.DoesNotContain(regenerated, m => m.Id == before[2].Id || m.Id == before[5].Id);
        Assert.Equal([tomorrow.AddHours(14), tomorrow.AddDays(21).AddHours(14)], regenerated.Select(m => m.StartsLocal));
        Assert.All(regenerated, m => Assert.Equal(["Blockers"], m.Agenda.Select(a => a.Item)));
        Assert.Equal(6, after.Count);
        Assert.Contains("COUNT=4", edited.RRule);
    }
}
