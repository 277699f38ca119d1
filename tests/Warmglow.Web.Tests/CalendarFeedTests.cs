using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Governance;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Governance;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteCalendarFeedTests(SqliteApp app) : CalendarFeedTests<SqliteApp>(app);
public sealed class PostgresCalendarFeedTests(PostgresApp app) : CalendarFeedTests<PostgresApp>(app);

/// <summary>
/// Cadences, meetings and the iCalendar feeds over HTTP. Every feed is parsed by ical.js (tools/ical-check, pinned by its
/// package-lock.json) through node: events, times and zones must round-trip. Without node/ical.js the parsing tests
/// skip on a laptop and fail when CI=true.
/// </summary>
public abstract class CalendarFeedTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    static readonly bool Ci = Environment.GetEnvironmentVariable("CI") == "true";
    static readonly TimeZoneInfo Berlin = Meetings.Zone("Europe/Berlin")!;

    async Task<(TestWorkspace Ws, HttpClient Admin)> Workspace(string name)
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Admin));
    }

    async Task<T> InDb<T>(TestWorkspace ws, Func<WarmglowDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        db.Tenant.Use(ws.Id, "test");
        return await work(db);
    }

    static string Gov(int id) => $"/api/partnerships/{id}/governance";

    // ---- ical.js through node -------------------------------------------------------------------------------------

    sealed record ParsedOccurrence(string Start, DateTime StartUtc, DateTime EndUtc);
    sealed record ParsedEvent(string Uid, string? Summary, string? Status, int Sequence, bool AllDay, string Start, string? Tzid, string? TzidParam,
        DateTime? StartUtc, DateTime? EndUtc, string? Rrule, DateTime? RecurrenceIdUtc, List<ParsedOccurrence> Occurrences);
    sealed record Parsed(List<string> Zones, List<ParsedEvent> Events);

    static string ToolDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Warmglow.slnx"))) return Path.Combine(dir.FullName, "tools", "ical-check");
        throw new InvalidOperationException("Could not find the repository root (Warmglow.slnx) above " + AppContext.BaseDirectory);
    }

    static (int Code, string Out, string Err) Run(string file, string arguments, string directory, string? stdin = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false,
        };
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        if (stdin is not null) { p.StandardInput.Write(stdin); p.StandardInput.Close(); }
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3))) { p.Kill(true); return (-1, "", "timed out"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    static void RequireIcalJs()
    {
        var dir = ToolDirectory();
        string? unavailable = null;
        try
        {
            if (!File.Exists(Path.Combine(dir, "node_modules", "ical.js", "package.json")))
            {
                var (code, o, e) = Run("npm", "ci --no-audit --no-fund", dir);
                if (code != 0) unavailable = $"`npm ci` in {dir} failed ({code}): {o}{e}";
            }
            if (unavailable is null && Run("node", "--version", dir).Code != 0) unavailable = "node does not run.";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            unavailable = $"node/npm is not installed ({e.Message}).";
        }
        if (unavailable is null) return;
        if (Ci) Assert.Fail($"CI=true and ical.js is unavailable: {unavailable}");
        Skip.If(true, unavailable);
    }

    static Parsed Parse(string ics, int expand = 6)
    {
        var (code, output, error) = Run("node", $"parse.mjs {expand}", ToolDirectory(), ics);
        Assert.True(code == 0, $"ical.js could not parse the feed ({code}): {error}\n{ics}");
        return JsonSerializer.Deserialize<Parsed>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    static string PathOf(string url) => new Uri(url).PathAndQuery;

    /// <summary>The first day from two weeks ahead on which Berlin changes its clocks.</summary>
    static DateOnly NextBerlinChange()
    {
        var d = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
        while (Berlin.GetUtcOffset(d.ToDateTime(new TimeOnly(12, 0))) == Berlin.GetUtcOffset(d.AddDays(-1).ToDateTime(new TimeOnly(12, 0)))) d = d.AddDays(1);
        return d;
    }

    // ---- tests ----------------------------------------------------------------------------------------------------

    [SkippableFact]
    public async Task Feeds_RoundTripThroughIcalJs_WithZonesSeriesExceptionsAndActionItems()
    {
        var (ws, admin) = await Workspace("Cal");
        RequireIcalJs();
        var (pid, _) = await admin.NewPartnershipAsync("Calico");
        var me = await InDb(ws, db => db.Users.Where(u => u.Email == ws.Emails[Roles.Admin]).Select(u => u.Id).SingleAsync());

        // A single meeting in New York, and a bi-weekly cadence in Berlin starting next Monday.
        var day = DateTime.UtcNow.Date.AddDays(7);
        var single = await (await admin.PostJson($"{Gov(pid)}/meetings", new
        {
            title = "Kick-off", startsAt = day.AddHours(9), endsAt = day.AddHours(10), timeZone = "America/New_York", agenda = Array.Empty<object>(),
        })).Read<MeetingDto>();
        var monday = day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);
        var series = await (await admin.PostJson($"{Gov(pid)}/cadences", new
        {
            templateKey = "biweekly-alignment", firstStartsAt = monday.AddHours(10), timeZone = "Europe/Berlin", end = "AfterCount", count = 5,
        })).Read<SeriesDto>();
        Assert.Equal("Bi-weekly alignment", series.Title);
        Assert.Equal("FREQ=WEEKLY;INTERVAL=2;COUNT=5", series.RRule);
        var meetings = (await (await admin.GetAsync($"{Gov(pid)}/meetings")).Read<List<MeetingDto>>()).Where(m => m.SeriesId == series.Id).OrderBy(m => m.StartsAt).ToList();
        Assert.True(meetings.Count >= 3, $"{meetings.Count} meetings generated");
        Assert.All(meetings, m => Assert.Equal(10, m.StartsLocal.Hour));
        Assert.All(meetings, m => Assert.Equal(4, m.Agenda.Count)); // the template's default agenda

        // Move the second occurrence by a day, cancel the third: the cadence keeps its other meetings.
        var moved = await (await admin.PutJson($"{Gov(pid)}/meetings/{meetings[1].Id}", new
        {
            startsAt = meetings[1].StartsLocal.AddDays(1).AddHours(4), endsAt = meetings[1].EndsLocal.AddDays(1).AddHours(4), version = meetings[1].Version,
        })).Read<MeetingDto>();
        Assert.True(moved.Changed);
        Assert.Equal(1, moved.Sequence);
        var cancelled = await (await admin.PostJson($"{Gov(pid)}/meetings/{meetings[2].Id}/status", new { status = "Cancelled", version = meetings[2].Version })).Read<MeetingDto>();
        Assert.Equal(MeetingStatus.Cancelled, cancelled.Status);
        Assert.Equal(meetings.Count, (await (await admin.GetAsync($"{Gov(pid)}/meetings")).Read<List<MeetingDto>>()).Count(m => m.SeriesId == series.Id));

        var staff = (await ws.App.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<WarmglowDb>().Users.Where(u => u.Email == ws.Emails[Roles.Admin]).Select(u => u.Id).ToListAsync()).Single();
        var item = await (await admin.PostJson($"{Gov(pid)}/meetings/{single.Id}/action-items", new { title = "Send the joint plan", ownerId = staff, dueOn = DateOnly.FromDateTime(day.AddDays(3)) })).Read<ActionItemDto>();

        // My feed and the partnership's feed, read anonymously with the secret URL alone.
        var mine = await (await admin.PostJson("/api/calendar/feeds", new { })).Read<FeedCreatedDto>();
        var partnership = await (await admin.PostJson("/api/calendar/feeds", new { partnershipId = pid })).Read<FeedCreatedDto>();
        var token = mine.Url[(mine.Url.LastIndexOf('/') + 1)..^4];
        Assert.True(Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - token.Length % 4) % 4)).Length >= 32);
        Assert.False(await InDb(ws, db => db.CalendarFeeds.AnyAsync(f => f.TokenHash.Contains(token))));
        using var anon = app.CreateClient();
        foreach (var feed in new[] { mine, partnership })
        {
            var response = await anon.GetAsync(PathOf(feed.Url));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
            var parsed = Parse(await response.Content.ReadAsStringAsync(), 10);

            // Every TZID used has its VTIMEZONE, and ical.js resolves the times in it.
            Assert.Contains("Europe/Berlin", parsed.Zones);
            Assert.Contains("America/New_York", parsed.Zones);
            Assert.All(parsed.Events.Where(e => e.TzidParam is not null), e => Assert.Contains(e.TzidParam!, parsed.Zones));
            Assert.All(parsed.Events.Where(e => e.TzidParam is not null), e => Assert.Equal(e.TzidParam, e.Tzid));

            var kickoff = Assert.Single(parsed.Events, e => e.Uid == $"meeting-{ws.Id}-{single.Id}@warmglow");
            Assert.Equal("America/New_York", kickoff.Tzid);
            Assert.Equal(single.StartsAt, kickoff.StartUtc);
            Assert.Equal(single.EndsAt, kickoff.EndUtc);
            Assert.Equal(single.StartsLocal.ToString("yyyy-MM-ddTHH:mm:ss"), kickoff.Start);
            Assert.Equal("CONFIRMED", kickoff.Status);

            var uid = $"series-{ws.Id}-{series.Id}@warmglow";
            var master = Assert.Single(parsed.Events, e => e.Uid == uid && e.RecurrenceIdUtc is null);
            Assert.Equal(["COUNT=5", "FREQ=WEEKLY", "INTERVAL=2"], master.Rrule!.Split(';').Order());
            Assert.Equal(5, master.Occurrences.Count);
            // ical.js's own expansion of the RRULE (with the exceptions applied) gives the generated meetings' times.
            foreach (var (m, o) in meetings.Zip(master.Occurrences))
            {
                Assert.Equal(m.Id == moved.Id ? moved.StartsAt : m.StartsAt, o.StartUtc);
                Assert.EndsWith(m.Id == moved.Id ? "T14:00:00" : "T10:00:00", o.Start);
            }
            var exMoved = Assert.Single(parsed.Events, e => e.Uid == uid && e.RecurrenceIdUtc == meetings[1].StartsAt);
            Assert.Equal(moved.StartsAt, exMoved.StartUtc);
            Assert.Equal(1, exMoved.Sequence);
            Assert.Equal("CONFIRMED", exMoved.Status);
            var exCancelled = Assert.Single(parsed.Events, e => e.Uid == uid && e.RecurrenceIdUtc == meetings[2].StartsAt);
            Assert.Equal("CANCELLED", exCancelled.Status);
            Assert.Equal(1, exCancelled.Sequence);

            var due = Assert.Single(parsed.Events, e => e.Uid == $"action-{ws.Id}-{item.TaskId}@warmglow");
            Assert.True(due.AllDay);
            Assert.Equal(item.DueOn.ToString("yyyy-MM-dd"), due.Start);
            Assert.Equal("Due: Send the joint plan", due.Summary);
        }

        // Moving again bumps the SEQUENCE again; stable UIDs.
        var again = await (await admin.PutJson($"{Gov(pid)}/meetings/{moved.Id}", new { startsAt = moved.StartsLocal.AddHours(1), endsAt = moved.EndsLocal.AddHours(1), version = moved.Version })).Read<MeetingDto>();
        var reread = Parse(await anon.GetStringAsync(PathOf(partnership.Url)));
        Assert.Equal(2, Assert.Single(reread.Events, e => e.RecurrenceIdUtc == meetings[1].StartsAt).Sequence);
        Assert.Equal(again.StartsAt, reread.Events.Single(e => e.RecurrenceIdUtc == meetings[1].StartsAt).StartUtc);

        // The single-meeting download parses too.
        var one = Parse(await admin.GetStringAsync($"{Gov(pid)}/meetings/{single.Id}/ics"));
        Assert.Equal(["America/New_York"], one.Zones);
        Assert.Equal(single.StartsAt, Assert.Single(one.Events).StartUtc);

        // Stopping the cadence: calendars get the new UNTIL with a higher SEQUENCE.
        var stopped = await (await admin.PostJson($"{Gov(pid)}/cadences/{series.Id}/stop", new { lastDay = DateOnly.FromDateTime(meetings[0].StartsLocal), version = series.Version })).Read<SeriesDto>();
        Assert.Equal(RecurrenceEnd.OnDate, stopped.End);
        var afterStop = Parse(await anon.GetStringAsync(PathOf(partnership.Url)));
        var stoppedMaster = afterStop.Events.Single(e => e.Uid == $"series-{ws.Id}-{series.Id}@warmglow" && e.RecurrenceIdUtc is null);
        Assert.Contains("UNTIL=", stoppedMaster.Rrule);
        Assert.Equal(1, stoppedMaster.Sequence);
        Assert.Single(stoppedMaster.Occurrences);
    }

    [SkippableFact]
    public async Task DaylightSavingChange_ShowsTheSameLocalTimeOnBothSides_InIcalJs()
    {
        var (ws, admin) = await Workspace("Dst");
        RequireIcalJs();
        var (pid, _) = await admin.NewPartnershipAsync("Dusk");
        var change = NextBerlinChange();
        var first = change.AddDays(-14).ToDateTime(new TimeOnly(10, 0));
        var series = await (await admin.PostJson($"{Gov(pid)}/cadences", new
        {
            templateKey = "weekly-tactical", firstStartsAt = first, timeZone = "Europe/Berlin", end = "AfterCount", count = 4,
        })).Read<SeriesDto>();
        var feed = await (await admin.PostJson("/api/calendar/feeds", new { partnershipId = pid })).Read<FeedCreatedDto>();
        using var anon = app.CreateClient();
        var parsed = Parse(await anon.GetStringAsync(PathOf(feed.Url)));
        var master = parsed.Events.Single(e => e.Uid == $"series-{ws.Id}-{series.Id}@warmglow");
        Assert.Equal(4, master.Occurrences.Count);
        // 10:00 local every week; the UTC time moves by the hour the clocks change.
        Assert.All(master.Occurrences, o => Assert.EndsWith("T10:00:00", o.Start));
        var before = master.Occurrences[1].StartUtc;
        var after = master.Occurrences[2].StartUtc;
        Assert.Equal(Berlin.GetUtcOffset(first) - Berlin.GetUtcOffset(change.AddDays(7).ToDateTime(new TimeOnly(10, 0))), (after - before) - TimeSpan.FromDays(7));
        Assert.NotEqual(TimeSpan.FromDays(7), after - before);
        var expected = Recurrence.Occurrences(first, 30, Berlin, new RecurrenceRule(RecurrenceFrequency.Weekly, 1, RecurrenceEnd.AfterCount, Count: 4), DateTime.MinValue, DateTime.MaxValue)
            .Select(o => o.StartUtc).ToList();
        Assert.Equal(expected, master.Occurrences.Select(o => o.StartUtc));
        Assert.Equal(expected.Select(e => e.AddMinutes(30)), master.Occurrences.Select(o => o.EndUtc));
    }

    [SkippableFact]
    public async Task FeedTokens_AreRevocableAndRegenerable_AndPartnerFeedsHoldOnlyTheirPartnership()
    {
        var (ws, admin) = await Workspace("Tok");
        RequireIcalJs();
        var (a, partnerA) = await admin.NewPartnershipAsync("Amber");
        var (b, _) = await admin.NewPartnershipAsync("Birch");
        var day = DateTime.UtcNow.Date.AddDays(10);
        var ma = await (await admin.PostJson($"{Gov(a)}/meetings", new { title = "Amber sync", startsAt = day.AddHours(9), endsAt = day.AddHours(10), timeZone = "Europe/Berlin" })).Read<MeetingDto>();
        var mb = await (await admin.PostJson($"{Gov(b)}/meetings", new { title = "Birch sync", startsAt = day.AddHours(9), endsAt = day.AddHours(10), timeZone = "Europe/Berlin" })).Read<MeetingDto>();
        using var anon = app.CreateClient();

        // Regenerating revokes the old URL; revoking ends the new one.
        var first = await (await admin.PostJson("/api/calendar/feeds", new { })).Read<FeedCreatedDto>();
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync(PathOf(first.Url))).StatusCode);
        var second = await (await admin.PostJson("/api/calendar/feeds", new { })).Read<FeedCreatedDto>();
        Assert.NotEqual(first.Url, second.Url);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync(PathOf(first.Url))).StatusCode);
        Assert.Single(await (await admin.GetAsync("/api/calendar/feeds")).Read<List<FeedDto>>());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/calendar/feeds/{second.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync(PathOf(second.Url))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync("/api/calendar/feeds/not-a-token.ics")).StatusCode);

        // A partner user of A: their feed holds A's meetings only, no internal action items; B's feed is not found.
        var partner = await ws.AsPartnerUser(partnerA);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostJson("/api/calendar/feeds", new { partnershipId = b })).StatusCode);
        var pf = await (await partner.PostJson("/api/calendar/feeds", new { })).Read<FeedCreatedDto>();
        var staffId = await InDb(ws, db => db.Users.Where(u => u.Email == ws.Emails[Roles.Admin]).Select(u => u.Id).SingleAsync());
        await admin.PostJson($"{Gov(a)}/meetings/{ma.Id}/action-items", new { title = "Internal follow-up", ownerId = staffId, dueOn = DateOnly.FromDateTime(day) });
        var parsed = Parse(await anon.GetStringAsync(PathOf(pf.Url)));
        Assert.Contains(parsed.Events, e => e.Uid == $"meeting-{ws.Id}-{ma.Id}@warmglow");
        Assert.DoesNotContain(parsed.Events, e => e.Uid == $"meeting-{ws.Id}-{mb.Id}@warmglow");
        Assert.DoesNotContain(parsed.Events, e => e.Uid.StartsWith("action-"));
        // The admin's feeds are not the partner's to see or revoke.
        var adminFeed = await (await admin.PostJson("/api/calendar/feeds", new { partnershipId = b })).Read<FeedCreatedDto>();
        Assert.Equal(HttpStatusCode.NotFound, (await partner.DeleteAsync($"/api/calendar/feeds/{adminFeed.Id}")).StatusCode);
        Assert.Single(await (await partner.GetAsync("/api/calendar/feeds")).Read<List<FeedDto>>());
        // A partner user's single-meeting download of B is not found; an evaluator cannot start cadences.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"{Gov(b)}/meetings/{mb.Id}/ics")).StatusCode);
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson($"{Gov(a)}/cadences", new { templateKey = "weekly-tactical", firstStartsAt = day, timeZone = "Europe/Berlin", end = "Never" })).StatusCode);
        // Another workspace's partnership is not found.
        var (other, otherAdmin) = await Workspace("Tok2");
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostJson("/api/calendar/feeds", new { partnershipId = a })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"{Gov(a)}/meetings/{ma.Id}/ics")).StatusCode);
        _ = other;
    }

    [SkippableFact]
    public async Task Cadences_RefuseBadInput_WithTheFieldNamed_AndTemplatesAreEditable()
    {
        var (_, admin) = await Workspace("Bad");
        var (pid, _) = await admin.NewPartnershipAsync("Basil");
        var day = DateTime.UtcNow.Date.AddDays(3).AddHours(9);
        var r = await admin.PostJson($"{Gov(pid)}/cadences", new { templateKey = "weekly-tactical", firstStartsAt = day, timeZone = "Mars/Olympus" });
        var errors = (await r.Problem(400))["errors"]!;
        Assert.Contains("never ends", errors["end"]![0]!.GetValue<string>());
        Assert.Contains("not a known time zone", errors["timeZone"]![0]!.GetValue<string>());
        r = await admin.PostJson($"{Gov(pid)}/cadences", new { templateKey = "nope", firstStartsAt = day, timeZone = "Europe/Berlin", end = "Never" });
        Assert.Contains("not a cadence template", (await r.Problem(400))["errors"]!["templateKey"]![0]!.GetValue<string>());
        Assert.Empty(await (await admin.GetAsync($"{Gov(pid)}/cadences")).Read<List<SeriesDto>>());

        var never = await (await admin.PostJson($"{Gov(pid)}/cadences", new { templateKey = "weekly-tactical", firstStartsAt = day, timeZone = "Europe/Berlin", end = "Never" })).Read<SeriesDto>();
        Assert.Equal("Every week, no end date", never.Rhythm);
        Assert.Equal("FREQ=WEEKLY;INTERVAL=1", never.RRule);

        var templates = await (await admin.GetAsync("/api/governance/cadence-templates")).Read<List<CadenceTemplateDto>>();
        Assert.Equal(5, templates.Count);
        var t = templates.Single(x => x.Key == "monthly-strategic");
        var saved = await (await admin.PutJson("/api/governance/cadence-templates/monthly-strategic", new
        {
            name = "Monthly business review", frequency = "Monthly", interval = 1, durationMinutes = 60, agenda = new[] { new { item = "Numbers", minutes = 30 } }, version = t.Version,
        })).Read<CadenceTemplateDto>();
        Assert.True(saved.Edited);
        Assert.Equal("Monthly business review", saved.Name);
        var again = await (await admin.PutJson("/api/governance/cadence-templates/monthly-strategic", new
        {
            name = "Monthly business review", frequency = "Monthly", interval = 1, durationMinutes = 90, agenda = new[] { new { item = "Numbers", minutes = 45 } }, version = saved.Version,
        })).Read<CadenceTemplateDto>();
        Assert.Equal(90, again.DurationMinutes);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutJson("/api/governance/cadence-templates/monthly-strategic", new
        {
            name = "Stale", frequency = "Monthly", interval = 1, durationMinutes = 60, version = saved.Version,
        })).StatusCode);
        // A cadence from the edited template takes its name, length and agenda.
        var fromEdited = await (await admin.PostJson($"{Gov(pid)}/cadences", new { templateKey = "monthly-strategic", firstStartsAt = day, timeZone = "Europe/Berlin", end = "AfterCount", count = 2 })).Read<SeriesDto>();
        Assert.Equal(("Monthly business review", 90, 1), (fromEdited.Title, fromEdited.DurationMinutes, fromEdited.Agenda.Count));
    }
}
