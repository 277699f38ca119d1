using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.PrivateOverlap;
using Warmglow.Web.Data;
using Warmglow.Web.Features.AccountMapping;
using Warmglow.Web.Features.PrivateOverlap;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqlitePrivateOverlapTests(PeerPair<SqliteApp> pair) : PrivateOverlapTests<SqliteApp>(pair);
public sealed class PostgresPrivateOverlapTests(PeerPair<PostgresApp> pair) : PrivateOverlapTests<PostgresApp>(pair);

/// <summary>
/// Two Warmglow instances on real Kestrel ports on loopback, each with its own database (docs/decisions/0031): small
/// caps so the denials are cheap to reach. Loopback targets are allowed only here (PrivateOverlap:AllowLoopback).
/// </summary>
public sealed class PeerPair<TApp> : IAsyncLifetime where TApp : TestApp, new()
{
    public const int MaxKeys = 200, RunsPerHour = 3;
    public TApp A { get; } = new();
    public TApp B { get; } = new();

    public async Task InitializeAsync()
    {
        foreach (var app in new[] { A, B })
        {
            app.Settings["PrivateOverlap:AllowLoopback"] = "true";
            app.Settings["PrivateOverlap:MaxKeys"] = MaxKeys.ToString();
            app.Settings["PrivateOverlap:RunsPerHour"] = RunsPerHour.ToString();
            await app.InitializeAsync();
            if (app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null) continue;
            app.UseKestrel(0);
            app.StartServer();
            using var client = app.CreateClient();
            app.ServerAddress = client.BaseAddress;
        }
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}

/// <summary>The private overlap between two deployments over real HTTP: invitation, counts, record level, and the denials.</summary>
public abstract class PrivateOverlapTests<TApp>(PeerPair<TApp> pair) : IClassFixture<PeerPair<TApp>> where TApp : TestApp, new()
{
    TestApp A => pair.A;
    TestApp B => pair.B;

    const string OursCsv = """
        Account Name,Website,Billing Country,Type,Account Owner
        Acme Ltd,https://www.Acme.co.uk/about,United Kingdom,Customer,Ann
        Globex,globex.com,United States,Customer,Bob
        "Initech, Inc.",http://shop.initech.com,US,Customer,Cy
        Umbrella GmbH,,Germany,Customer,Di
        Hooli,hooli.com,US,Customer,Ed
        """;

    const string TheirsCsv = """
        Company name,Company Domain Name,Country/Region,Lifecycle Stage
        Acme Corporation,acme.co.uk,United Kingdom,customer
        Initech Group,INITECH.com,United States,customer
        Umbrella,,DE,customer
        Vandelay,vandelay.com,US,customer
        Pied Piper,piedpiper.com,US,customer
        Massive Dynamic,massivedynamic.com,US,customer
        """;

    sealed record Side(TestApp App, TestWorkspace Ws, HttpClient Admin, int PartnershipId, int PopulationId);

    static MultipartFormDataContent Upload(string csv)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "accounts.csv");
        form.Add(new StringContent("Customers"), "name");
        form.Add(new StringContent("customers"), "kind");
        return form;
    }

    async Task<Side> SideAsync(TestApp app, string name, string csv)
    {
        var ws = await app.CreateWorkspaceAsync(name);
        var admin = await ws.As(Roles.Admin);
        var (pid, _) = await admin.NewPartnershipAsync(name + " partner");
        var population = await (await admin.PostAsync($"/api/account-mapping/partnerships/{pid}/populations", Upload(csv))).Read<PopulationDto>();
        return new Side(app, ws, admin, pid, population.Id);
    }

    /// <summary>Two workspaces (one per instance), each with a partnership and a list, linked by an invitation from A accepted on B.</summary>
    async Task<(Side A, Side B, LinkDto LinkA, LinkDto LinkB)> LinkedAsync(string name)
    {
        Skip.If(A.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var a = await SideAsync(A, name + " A", OursCsv);
        var b = await SideAsync(B, name + " B", TheirsCsv);
        var invitation = await (await a.Admin.PostJson("/api/private-overlap/invitations", new { partnershipId = a.PartnershipId })).Read<InvitationDto>();
        Assert.Equal(PeerLinkStatus.Invited, invitation.Link.Status);
        Assert.DoesNotContain(a.Ws.Name, invitation.Invitation); // our name goes only to a deployment that proved the secret
        var linkB = await (await b.Admin.PostJson("/api/private-overlap/accept", new { partnershipId = b.PartnershipId, invitation = invitation.Invitation })).Read<LinkDto>();
        var linkA = await (await a.Admin.GetAsync($"/api/private-overlap/links/{invitation.Link.Id}")).Read<LinkDto>();
        Assert.Equal((PeerLinkStatus.Active, PeerLinkStatus.Active), (linkA.Status, linkB.Status));
        Assert.Equal(linkA.OwnFingerprint, linkB.PeerFingerprint);
        Assert.Equal(linkB.OwnFingerprint, linkA.PeerFingerprint);
        Assert.Equal(a.Ws.Name, linkB.PeerName);
        Assert.Equal(b.Ws.Name, linkA.PeerName);

        // The invitation is one-time: a second acceptance (another workspace on B) is refused by A.
        var other = await SideAsync(B, name + " C", TheirsCsv);
        var again = await other.Admin.PostJson("/api/private-overlap/accept", new { partnershipId = other.PartnershipId, invitation = invitation.Invitation });
        Assert.Contains("was not accepted", (await again.Problem(400))["errors"]!["invitation"]![0]!.GetValue<string>());
        return (a, b, linkA, linkB);
    }

    static async Task<RunDto> RunAsync(Side from, LinkDto link, Side to) =>
        await (await from.Admin.PostJson($"/api/private-overlap/links/{link.Id}/runs", new { ourPopulationId = from.PopulationId, peerPopulationId = to.PopulationId })).Read<RunDto>();

    static async Task<List<string>> MatchNames(Side side, long runId) =>
        (await (await side.Admin.GetAsync($"/api/private-overlap/runs/{runId}/matches")).Read<Paged<MatchDto>>()).Items.Select(m => m.Name ?? "").Order(StringComparer.Ordinal).ToList();

    static async Task<RunDto> ResponderRun(Side side) =>
        (await (await side.Admin.GetAsync("/api/private-overlap/runs")).Read<Paged<RunDto>>()).Items.First(r => r.Role == RunRole.Responder);

    [SkippableFact]
    public async Task TwoDeployments_GetTheRightCounts_AndRecordsOnlyWhenBothRulesAllow()
    {
        var (a, b, linkA, linkB) = await LinkedAsync("Psi");

        // B sees what A offers: names and sizes only.
        var offered = Assert.Single(await (await b.Admin.GetAsync($"/api/private-overlap/links/{linkB.Id}/peer-populations")).Read<List<PeerPopulationDto>>());
        Assert.Equal(("Customers", 5, a.PopulationId), (offered.Name, offered.Size, offered.Id));

        // Counts only (the default on both sides): Acme and Initech by domain, Umbrella by name and country.
        var run = await RunAsync(b, linkB, a);
        Assert.Equal((RunStatus.Completed, 3, false, 6, 5), (run.Status, run.Count, run.RecordLevel, run.OurSize, run.PeerSize));
        var seen = await ResponderRun(a);
        Assert.Equal((RunStatus.Completed, 3, false, 5, 6), (seen.Status, seen.Count, seen.RecordLevel, seen.OurSize, seen.PeerSize));
        Assert.Equal(b.Ws.Name, seen.StartedBy);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.Admin.GetAsync($"/api/private-overlap/runs/{seen.Id}/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.Admin.GetAsync($"/api/private-overlap/runs/{run.Id}/matches")).StatusCode);
        await using (var scope = A.Services.CreateAsyncScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<WarmglowDb>().PrivateOverlapMatches.IgnoreQueryFilters().CountAsync());

        // Only A allows overlapping accounts: still counts only, on both sides.
        await (await a.Admin.PutJson($"/api/account-mapping/partnerships/{a.PartnershipId}/rules", new { level = "overlap" })).Read<RuleDto>();
        run = await RunAsync(b, linkB, a);
        Assert.Equal((3, false), (run.Count, run.RecordLevel));
        Assert.False((await ResponderRun(a)).RecordLevel);

        // Both allow it: each side learns which of its OWN records are shared, never the other's.
        await (await b.Admin.PutJson($"/api/account-mapping/partnerships/{b.PartnershipId}/rules", new { level = "overlap" })).Read<RuleDto>();
        run = await RunAsync(b, linkB, a);
        Assert.Equal((3, true), (run.Count, run.RecordLevel));
        Assert.Equal(new List<string> { "Acme Corporation", "Initech Group", "Umbrella" }, await MatchNames(b, run.Id));
        var mine = await ResponderRun(a);
        Assert.Equal((3, true), (mine.Count, mine.RecordLevel));
        Assert.Equal(new List<string> { "Acme Ltd", "Initech, Inc.", "Umbrella GmbH" }, await MatchNames(a, mine.Id));

        // The rate limit: B's own deployment stops a fourth run this hour…
        var limited = await b.Admin.PostJson($"/api/private-overlap/links/{linkB.Id}/runs", new { ourPopulationId = b.PopulationId, peerPopulationId = a.PopulationId });
        Assert.Contains("runs an hour", (await limited.Problem(409))["detail"]!.GetValue<string>());
        // …and A refuses it too when a peer skips its own check, and records the refusal.
        var (status, reason) = await RawRun(b, linkB.Id, a.PopulationId, PeerPair<TApp>.MaxKeys);
        Assert.Equal((HttpStatusCode.TooManyRequests, true), (status, reason.Contains("runs an hour")));
        var history = await (await a.Admin.GetAsync($"/api/private-overlap/runs?linkId={linkA.Id}")).Read<Paged<RunDto>>();
        Assert.Equal(4, history.Total);
        Assert.Equal(RunStatus.Refused, history.Items[0].Status);

        // The record is on the page.
        var page = await a.Admin.GetStringAsync("/PrivateOverlap");
        Assert.Contains("Refused", page);
        Assert.Contains(b.Ws.Name, page);
    }

    /// <summary>Sends a round-1 frame of <paramref name="count"/> values from <paramref name="from"/>'s link, as a peer that ignores its own checks would.</summary>
    async Task<(HttpStatusCode, string)> RawRun(Side from, int linkId, int peerPopulationId, int count)
    {
        await using var scope = from.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        db.Tenant.Use(from.Ws.Id, "test");
        var link = await db.PeerLinks.SingleAsync(l => l.Id == linkId);
        var header = JsonSerializer.Serialize(new { run = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), population = peerPopulationId, name = "Probe", size = count, level = 1 });
        var answer = await scope.ServiceProvider.GetRequiredService<PeerClient>().SendAsync(link, HttpMethod.Post, "/api/private-overlap/peer/runs",
            PsiFrame.Encode(header, new byte[count * 32]), PrivateOverlapService.OctetStream, CancellationToken.None);
        Assert.True(answer.Verified, "refusals are signed too");
        return (answer.Status, answer.Reason());
    }

    [SkippableFact]
    public async Task PeerRequests_AreRefused_WhenBadlySigned_Replayed_Oversize_OrForAnUnknownLink()
    {
        var (a, b, linkA, linkB) = await LinkedAsync("Deny");
        await using var scope = B.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        db.Tenant.Use(b.Ws.Id, "test");
        var link = await db.PeerLinks.SingleAsync(l => l.Id == linkB.Id);
        var key = scope.ServiceProvider.GetRequiredService<PeerKeys>().Unprotect(link.OwnPrivateKeyProtected);
        var signer = scope.ServiceProvider.GetRequiredService<PeerClient>();
        using var http = new HttpClient { BaseAddress = A.ServerAddress };
        const string path = "/api/private-overlap/peer/populations";

        async Task<HttpStatusCode> Send(IReadOnlyDictionary<string, string> headers, string url = path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            foreach (var (k, v) in headers) request.Headers.TryAddWithoutValidation(k, v);
            return (await http.SendAsync(request)).StatusCode;
        }

        // A good request passes once; the same request again is a replay.
        var signed = signer.SignedHeaders("GET", path, link.PeerPublicId!, [], key);
        Assert.Equal(HttpStatusCode.OK, await Send(signed));
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(signed));

        // A bad signature: another key, or a header changed after signing.
        var (_, stranger) = PeerSigning.NewKeyPair();
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(signer.SignedHeaders("GET", path, link.PeerPublicId!, [], stranger)));
        var tampered = new Dictionary<string, string>(signer.SignedHeaders("GET", path, link.PeerPublicId!, [], key)) { [PeerSigning.Nonce] = new string('a', 32) };
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(tampered));
        // Signed for another path; no signature at all; a user's token is no peer signature.
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(signer.SignedHeaders("GET", "/api/private-overlap/peer/other", link.PeerPublicId!, [], key)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await a.Admin.GetAsync(path)).StatusCode);

        // An unknown link (or invitation): refused before anything is read.
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(signer.SignedHeaders("GET", path, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), [], key)));
        var revoked = await (await a.Admin.PostJson("/api/private-overlap/invitations", new { partnershipId = a.PartnershipId })).Read<InvitationDto>();
        Assert.Equal(HttpStatusCode.NoContent, (await a.Admin.DeleteAsync($"/api/private-overlap/links/{revoked.Link.Id}?version={revoked.Link.Version}")).StatusCode);
        var late = await b.Admin.PostJson("/api/private-overlap/accept", new { partnershipId = b.PartnershipId, invitation = revoked.Invitation });
        Assert.Contains("was not accepted", (await late.Problem(400))["errors"]!["invitation"]![0]!.GetValue<string>());
        var forged = await b.Admin.PostJson("/api/private-overlap/accept", new { partnershipId = b.PartnershipId, invitation = revoked.Invitation[..^4] + "AAAA" });
        Assert.Contains("not a valid invitation", (await forged.Problem(400))["errors"]!["invitation"]![0]!.GetValue<string>());

        // Oversize: more keys than the cap is refused (and recorded), before any group arithmetic.
        var (status, reason) = await RawRun(b, linkB.Id, a.PopulationId, PeerPair<TApp>.MaxKeys + 1);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("at most 200 keys", reason);
        // Values that are not group elements are refused, not multiplied.
        (status, _) = await RawRun(b, linkB.Id, a.PopulationId, 3);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var history = await (await a.Admin.GetAsync($"/api/private-overlap/runs?linkId={linkA.Id}")).Read<Paged<RunDto>>();
        Assert.All(history.Items, r => Assert.Equal(RunStatus.Refused, r.Status));
        Assert.Equal(2, history.Total);

        // Staff endpoints: evaluators read but do not invite or run; another workspace's link is not found.
        var evaluator = await a.Ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync("/api/private-overlap/links")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson("/api/private-overlap/invitations", new { partnershipId = a.PartnershipId })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson($"/api/private-overlap/links/{linkA.Id}/runs", new { ourPopulationId = a.PopulationId, peerPopulationId = 1 })).StatusCode);
        var stranger2 = await (await A.CreateWorkspaceAsync("Elsewhere")).As(Roles.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger2.GetAsync($"/api/private-overlap/links/{linkA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger2.PostJson($"/api/private-overlap/links/{linkA.Id}/runs", new { ourPopulationId = a.PopulationId, peerPopulationId = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await new HttpClient { BaseAddress = A.ServerAddress }.GetAsync("/api/private-overlap/links")).StatusCode);

        // Garbage is no invitation; and without AllowLoopback the peer client refuses loopback addresses when it connects.
        var e = (await (await a.Admin.PostJson("/api/private-overlap/accept", new { partnershipId = a.PartnershipId, invitation = "wgpsi1.x.y" })).Problem(400))["errors"]!;
        Assert.Contains("not a valid invitation", e["invitation"]![0]!.GetValue<string>());
        using var strict = new PeerHttp(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => strict.Client.GetAsync(new Uri(A.ServerAddress!, path)));
        Assert.IsType<PeerTargetRefused>(refused.InnerException);
    }
}
