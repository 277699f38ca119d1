using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Mapping;
using Warmglow.Core.PrivateOverlap;
using Warmglow.Core.Validation;
using Warmglow.Core.Webhooks;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.PrivateOverlap;

public sealed record LinkDto(int Id, int PartnershipId, string PartnershipName, PeerLinkStatus Status, string StatusName, string? PeerName, string? PeerUrl,
    string OwnFingerprint, string? PeerFingerprint, DateTime? InvitationExpiresAt, DateTime? AcceptedAt, string? CreatedBy, int Version);

/// <summary>A new invitation: the link, and the invitation text to give the partner (shown once: it carries the one-time secret).</summary>
public sealed record InvitationDto(LinkDto Link, string Invitation);

public sealed record InvitationInput(int? PartnershipId);

public sealed record AcceptInput(int? PartnershipId, string? Invitation);

public sealed record RunInput(int? OurPopulationId, int? PeerPopulationId);

public sealed record PeerPopulationDto(int Id, string Name, string Kind, int Size);

public sealed record RunDto(long Id, int LinkId, string PartnershipName, string? PeerName, RunRole Role, string StartedByUs, string StartedBy,
    DateTime StartedAt, DateTime? FinishedAt, string OurPopulation, string? PeerPopulation, int OurSize, int? PeerSize, int? Count, bool RecordLevel,
    RunStatus Status, string StatusName, string? Problem);

public sealed record MatchDto(string? Name, string? Domain, string? Country);

/// <summary>A peer's request refused with a status (413 too large, 429 too many runs, 409 wrong state…) and a reason.</summary>
public sealed class PeerRefusal(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>The responder's half-finished runs between the two rounds (this instance's memory, ten minutes at most).</summary>
public sealed class PsiSessions
{
    public sealed record Session(long RunId, PsiParty Party, byte[] PeerDoubleBlinded, IReadOnlyList<PopulationKeyRecord> Keys, bool RecordLevel, DateTime Expires);

    readonly ConcurrentDictionary<(int Link, string Run), Session> _open = new();

    public void Add(int link, string run, Session session)
    {
        foreach (var (k, s) in _open)
            if (s.Expires < DateTime.UtcNow && _open.TryRemove(k, out var old)) old.Party.Dispose();
        _open[(link, run)] = session;
    }

    public Session? Take(int link, string run) =>
        _open.TryRemove((link, run), out var s) && s.Expires >= DateTime.UtcNow ? s : null;
}

/// <summary>
/// The private overlap between two Warmglow deployments (docs/decisions/0031): signed invitations and links, runs of the
/// private set intersection (as initiator, from a staff page or the API; as responder, for the peer's signed requests),
/// the caps and the rate limit, and the record of every run. The one place this module's data changes.
/// </summary>
public sealed class PrivateOverlapService(WarmglowDb db, IPopulationKeySource populations, PeerClient peers, PeerKeys keys, PsiSessions sessions,
    IConfiguration config, TimeProvider clock)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public int MaxKeys => config.GetValue("PrivateOverlap:MaxKeys", 2_000_000);
    public int RunsPerHour => config.GetValue("PrivateOverlap:RunsPerHour", 6);
    bool AllowLoopback => config.GetValue("PrivateOverlap:AllowLoopback", false);
    DateTime Now => clock.GetUtcNow().UtcDateTime;

    public const string OctetStream = "application/octet-stream";

    static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    static string StatusName(PeerLinkStatus s) => s switch
    {
        PeerLinkStatus.Invited => "Invitation open",
        PeerLinkStatus.Active => "Connected",
        _ => "Revoked",
    };

    static string StatusName(RunStatus s) => s switch
    {
        RunStatus.Running => "Running",
        RunStatus.Completed => "Completed",
        RunStatus.Refused => "Refused",
        _ => "Failed",
    };

    static IQueryable<LinkDto> LinkQuery(IQueryable<PeerLink> links) =>
        links.AsNoTracking().OrderByDescending(l => l.Id).Select(l => new LinkDto(l.Id, l.PartnershipId, l.Partnership!.Name, l.Status, "",
            l.PeerName, l.PeerUrl, l.OwnPublicKey, l.PeerPublicKey, l.InvitationExpiresAt, l.AcceptedAt, l.CreatedByName, l.Version));

    static LinkDto Finish(LinkDto l) => l with
    {
        StatusName = StatusName(l.Status), OwnFingerprint = PeerSigning.Fingerprint(l.OwnFingerprint), PeerFingerprint = PeerSigning.Fingerprint(l.PeerFingerprint),
    };

    // --- links ---------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<LinkDto>> LinksAsync(int? partnershipId, CancellationToken ct = default)
    {
        var q = db.PeerLinks.AsQueryable();
        if (partnershipId is { } p) q = q.Where(l => l.PartnershipId == p);
        return (await LinkQuery(q).Take(200).ToListAsync(ct)).Select(Finish).ToList();
    }

    public async Task<LinkDto> LinkAsync(int id, CancellationToken ct = default) =>
        Finish(await LinkQuery(db.PeerLinks.Where(l => l.Id == id)).FirstOrDefaultAsync(ct) ?? throw new NotFound("The link"));

    async Task<string> PartnershipNameAsync(int? partnershipId, CancellationToken ct)
    {
        if (partnershipId is null) throw ValidationFailed.For("partnershipId", "must name one of the workspace's partnerships");
        return await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId).Select(p => p.Name).FirstOrDefaultAsync(ct)
            ?? throw new NotFound("The partnership");
    }

    /// <summary>An invitation for the partner's deployment: our URL, our link id, a one-time secret and our public key, signed with that key.</summary>
    public async Task<InvitationDto> CreateInvitationAsync(InvitationInput input, string ourUrl, CancellationToken ct = default)
    {
        await PartnershipNameAsync(input.PartnershipId, ct);
        var (pub, priv) = PeerSigning.NewKeyPair();
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var link = new PeerLink
        {
            PartnershipId = input.PartnershipId!.Value, Status = PeerLinkStatus.Invited, PublicId = NewId(), OwnPublicKey = pub,
            OwnPrivateKeyProtected = keys.Protect(priv), SecretHash = PeerSigning.Hash(Encoding.UTF8.GetBytes(secret)),
            InvitationExpiresAt = Now.AddDays(7), CreatedByName = db.Tenant.UserName,
        };
        db.PeerLinks.Add(link);
        await db.SaveChangesAsync(ct);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Invitation(1, ourUrl.TrimEnd('/'), link.PublicId, secret, pub, link.InvitationExpiresAt.Value), Json);
        var token = "wgpsi1." + Base64Url(body) + "." + Base64Url(Convert.FromBase64String(PeerSigning.Sign(body, priv)));
        CryptographicOperations.ZeroMemory(priv);
        return new InvitationDto(await LinkAsync(link.Id, ct), token);
    }

    sealed record Invitation(int V, string Url, string Link, string Secret, string Key, DateTime Expires);

    sealed record AcceptRequest(string Secret, string Url, string Link, string? Name);

    sealed record AcceptAnswer(string? Name);

    static string Base64Url(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static byte[] FromBase64Url(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    static Invitation? ParseInvitation(string? text)
    {
        var parts = text?.Trim().Split('.') ?? [];
        if (parts.Length != 3 || parts[0] != "wgpsi1") return null;
        try
        {
            var body = FromBase64Url(parts[1]);
            var inv = JsonSerializer.Deserialize<Invitation>(body, Json);
            if (inv is null || inv.V != 1 || inv.Link is not { Length: 32 } || string.IsNullOrEmpty(inv.Secret) || string.IsNullOrEmpty(inv.Url)) return null;
            return PeerSigning.Verify(Convert.ToBase64String(FromBase64Url(parts[2])), body, inv.Key) ? inv : null;
        }
        catch (Exception e) when (e is FormatException or JsonException) { return null; }
    }

    string? UrlProblem(string url)
    {
        if (WebhookTargets.Problem(url, AllowLoopback) is not null) return "is not a public http(s) address of a deployment";
        return !AllowLoopback && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? "must use https (the blinded lists would otherwise let an eavesdropper count the overlap)" : null;
    }

    /// <summary>Accepts the partner's invitation for one of our partnerships: calls their deployment, proves the secret, exchanges keys.</summary>
    public async Task<LinkDto> AcceptInvitationAsync(AcceptInput input, string ourUrl, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var inv = ParseInvitation(input.Invitation);
        if (inv is null) errors.Add("invitation", "is not a valid invitation: paste the whole text the partner's deployment produced");
        else if (inv.Expires < Now) errors.Add("invitation", "has expired: ask the partner for a new one");
        else if (UrlProblem(inv.Url) is { } problem) errors.Add("invitation", "points to an address that is refused: it " + problem);
        if (input.PartnershipId is null) errors.Add("partnershipId", "must name one of the workspace's partnerships");
        ValidationFailed.ThrowIfAny(errors);
        await PartnershipNameAsync(input.PartnershipId, ct);
        if (await db.PeerLinks.AnyAsync(l => l.PeerPublicId == inv!.Link && l.Status != PeerLinkStatus.Revoked, ct))
            throw new Conflict("This invitation has already been accepted here.");

        var (pub, priv) = PeerSigning.NewKeyPair();
        var link = new PeerLink
        {
            PartnershipId = input.PartnershipId!.Value, Status = PeerLinkStatus.Active, PublicId = NewId(), OwnPublicKey = pub,
            OwnPrivateKeyProtected = keys.Protect(priv), PeerPublicId = inv!.Link, PeerUrl = inv.Url, PeerPublicKey = inv.Key,
            AcceptedAt = Now, CreatedByName = db.Tenant.UserName,
        };
        var workspace = await db.Workspaces.AsNoTracking().Where(w => w.Id == db.Tenant.WorkspaceId).Select(w => w.Name).FirstOrDefaultAsync(ct);
        var body = JsonSerializer.SerializeToUtf8Bytes(new AcceptRequest(inv.Secret, ourUrl.TrimEnd('/'), link.PublicId, workspace), Json);
        var answer = await CallAsync(() => peers.SendAsync(inv.Url, inv.Link, priv, inv.Key, HttpMethod.Post, "/api/private-overlap/peer/accept", body,
            "application/json", pub, ct));
        CryptographicOperations.ZeroMemory(priv);
        if (!answer.Ok)
            throw ValidationFailed.For("invitation", answer.Verified || answer.Status != HttpStatusCode.OK
                ? $"was not accepted by the partner's deployment ({answer.Reason()})"
                : "was answered without a valid signature: the answer did not come from the deployment that made the invitation");
        link.PeerName = Trim(JsonSerializer.Deserialize<AcceptAnswer>(answer.Body, Json)?.Name, 200);
        db.PeerLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return await LinkAsync(link.Id, ct);
    }

    static string? Trim(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];

    static async Task<PeerAnswer> CallAsync(Func<Task<PeerAnswer>> call)
    {
        try { return await call(); }
        catch (PeerTargetRefused e) { throw ValidationFailed.For("invitation", "points to an address that is refused: " + e.Message); }
        catch (HttpRequestException e) when (e.InnerException is PeerTargetRefused r) { throw new Conflict("The partner's deployment is at a refused address: " + r.Message); }
        catch (HttpRequestException e) { throw new Conflict($"The partner's deployment could not be reached ({e.Message})."); }
        catch (TaskCanceledException) { throw new Conflict("The partner's deployment did not answer in time."); }
    }

    /// <summary>Stops the link: neither side's requests are accepted on it any more.</summary>
    public async Task RevokeAsync(int id, int? version, CancellationToken ct = default)
    {
        var link = await db.PeerLinks.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFound("The link");
        if (version is null) throw ValidationFailed.For("version", "must be the version you read");
        db.Entry(link).Property(l => l.Version).OriginalValue = version.Value;
        link.Status = PeerLinkStatus.Revoked;
        link.SecretHash = null;
        await db.SaveChangesAsync(ct);
    }

    async Task<PeerLink> ActiveLinkAsync(int id, CancellationToken ct)
    {
        var link = await db.PeerLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFound("The link");
        if (link.Status != PeerLinkStatus.Active) throw new Conflict("The link is not connected: the partner has not accepted the invitation yet, or it was revoked.");
        return link;
    }

    /// <summary>The partner's populations offered for a private overlap (names, kinds and sizes; never their records).</summary>
    public async Task<IReadOnlyList<PeerPopulationDto>> PeerPopulationsAsync(int linkId, CancellationToken ct = default)
    {
        var link = await ActiveLinkAsync(linkId, ct);
        var answer = await CallAsync(() => peers.SendAsync(link, HttpMethod.Get, "/api/private-overlap/peer/populations", null, OctetStream, ct));
        if (!answer.Ok) throw new Conflict($"The partner's deployment did not list its populations ({(answer.Verified ? answer.Reason() : "the answer was not signed by it")}).");
        return JsonSerializer.Deserialize<List<PeerPopulationDto>>(answer.Body, Json) ?? [];
    }

    // --- runs, as initiator ---------------------------------------------------------------------------

    sealed record RunRequest(string Run, int Population, string Name, int Size, SharingLevel Level);

    sealed record RunAnswer(string Name, int Size, bool RecordLevel);

    sealed record FinishRequest(int Count, bool Ordered);

    sealed record FinishAnswer(int Count);

    async Task<int> RunsInLastHourAsync(int linkId, RunRole role, CancellationToken ct)
    {
        var since = Now.AddHours(-1);
        return await db.PrivateOverlapRuns.CountAsync(r => r.PeerLinkId == linkId && r.Role == role && r.StartedAt > since && r.Status != RunStatus.Refused, ct);
    }

    /// <summary>
    /// Runs the private overlap of one of our populations with one of the partner's: blind ours, send; re-blind theirs;
    /// count; send our re-blinding back so the partner can count too. The run is recorded whatever happens.
    /// </summary>
    public async Task<RunDto> StartRunAsync(int linkId, RunInput input, CancellationToken ct = default)
    {
        var link = await ActiveLinkAsync(linkId, ct);
        var errors = new FieldErrors();
        var own = (await populations.OwnPopulationsAsync(link.PartnershipId, ct)).FirstOrDefault(p => p.Id == input.OurPopulationId);
        if (own is null) errors.Add("ourPopulationId", "must be one of our populations of this partnership");
        else if (own.Level == SharingLevel.Hidden) errors.Add("ourPopulationId", "is hidden from this partner by our sharing rules");
        if (input.PeerPopulationId is null or <= 0) errors.Add("peerPopulationId", "must be one of the partner's populations");
        ValidationFailed.ThrowIfAny(errors);
        if (await RunsInLastHourAsync(link.Id, RunRole.Initiator, ct) >= RunsPerHour)
            throw new Conflict($"At most {RunsPerHour} runs an hour are allowed on one link. Try again later.");
        var records = await populations.KeysAsync(link.PartnershipId, own!.Id, ct);
        if (records.Count > MaxKeys) throw ValidationFailed.For("ourPopulationId", $"has more than {MaxKeys:N0} accounts, the most a run takes");

        var run = new PrivateOverlapRun
        {
            PeerLinkId = link.Id, RunKey = NewId(), Role = RunRole.Initiator, OurPopulationId = own.Id, OurPopulationName = own.Name,
            OurSize = records.Count, Status = RunStatus.Running, StartedByName = db.Tenant.UserName, StartedAt = Now,
        };
        db.PrivateOverlapRuns.Add(run);
        await db.SaveChangesAsync(ct);
        try
        {
            using var party = PsiParty.Create(records.Select(r => r.Key));
            var x = party.BlindOwn();
            var first = await CallAsync(() => peers.SendAsync(link, HttpMethod.Post, "/api/private-overlap/peer/runs",
                PsiFrame.Encode(JsonSerializer.Serialize(new RunRequest(run.RunKey, input.PeerPopulationId!.Value, own.Name, records.Count, own.Level), Json), x),
                OctetStream, ct));
            if (!first.Ok) return await FailAsync(run, first, ct);
            var (json, lists) = PsiFrame.Decode(first.Body, 2, MaxKeys);
            var answer = JsonSerializer.Deserialize<RunAnswer>(json, Json)!;
            var (y, z) = (lists[0], lists[1]);
            run.PeerPopulationName = Trim(answer.Name, 100);
            run.PeerSize = PsiParty.CheckLength(y);
            var recordLevel = answer.RecordLevel && own.Level >= SharingLevel.Overlap;
            var w = party.Reblind(y, keepOrder: recordLevel);
            var result = party.Intersect(z, w, ownInOrder: recordLevel);
            var second = await CallAsync(() => peers.SendAsync(link, HttpMethod.Post, $"/api/private-overlap/peer/runs/{run.RunKey}/finish",
                PsiFrame.Encode(JsonSerializer.Serialize(new FinishRequest(result.Count, recordLevel), Json), w), OctetStream, ct));
            if (!second.Ok) return await FailAsync(run, second, ct);
            var theirs = JsonSerializer.Deserialize<FinishAnswer>(PsiFrame.Decode(second.Body, 0, 0).Json, Json)!;
            await CompleteAsync(run, result, records, recordLevel, theirs.Count == result.Count ? null
                : $"The partner's deployment counted {theirs.Count:N0}: one side's list changed or it did not follow the protocol.", ct);
            return await RunAsync(run.Id, ct);
        }
        catch (PsiInvalidMessage e)
        {
            run.Status = RunStatus.Failed;
            run.Problem = Trim("The partner's answer was malformed: " + e.Message, 500);
            run.FinishedAt = Now;
            await db.SaveChangesAsync(CancellationToken.None);
            return await RunAsync(run.Id, ct);
        }
        catch (Exception e) when (e is Conflict or ValidationFailed)
        {
            run.Status = RunStatus.Failed;
            run.Problem = Trim(e is ValidationFailed v ? v.Errors.ToString() : e.Message, 500);
            run.FinishedAt = Now;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    async Task<RunDto> FailAsync(PrivateOverlapRun run, PeerAnswer answer, CancellationToken ct)
    {
        run.Status = answer.Status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.Forbidden
            ? RunStatus.Refused : RunStatus.Failed;
        run.Problem = Trim(answer.Verified ? "The partner's deployment refused: " + answer.Reason() : $"The partner's deployment answered {(int)answer.Status} without a valid signature.", 500);
        run.FinishedAt = Now;
        await db.SaveChangesAsync(ct);
        return await RunAsync(run.Id, ct);
    }

    async Task CompleteAsync(PrivateOverlapRun run, PsiResult result, IReadOnlyList<PopulationKeyRecord> records, bool recordLevel, string? problem, CancellationToken ct)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        run.Count = result.Count;
        run.RecordLevel = recordLevel && result.OwnIndexes is not null;
        run.Status = RunStatus.Completed;
        run.Problem = problem;
        run.FinishedAt = Now;
        await db.SaveChangesAsync(ct);
        if (run.RecordLevel)
        {
            foreach (var chunk in result.OwnIndexes!.Chunk(5000))
            {
                db.PrivateOverlapMatches.AddRange(chunk.Select(i => new PrivateOverlapMatch
                {
                    RunId = run.Id, Name = Trim(records[i].Name, 300), Domain = records[i].Domain, Country = Trim(records[i].Country, 100),
                }));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                db.Attach(run);
            }
        }
        await tx.CommitAsync(ct);
    }

    // --- runs, as responder (the peer's signed requests) ----------------------------------------------

    async Task<PeerLink> PeerLinkAsync(int linkId, bool accepting, CancellationToken ct)
    {
        var link = await db.PeerLinks.IgnoreQueryFilters().FirstOrDefaultAsync(l => l.Id == linkId, ct) ?? throw new PeerRefusal(401, "Unknown link.");
        db.Tenant.Use(link.WorkspaceId, "the partner's deployment");
        if (accepting != (link.Status == PeerLinkStatus.Invited)) throw new PeerRefusal(409, accepting ? "This invitation was already used." : "The link is not connected.");
        return link;
    }

    /// <summary>The peer accepts our invitation: the one-time secret must match; we record its key, URL and link id.</summary>
    public async Task<byte[]> PeerAcceptAsync(int linkId, string peerKey, byte[] body, CancellationToken ct)
    {
        var link = await PeerLinkAsync(linkId, accepting: true, ct);
        AcceptRequest? request;
        try { request = JsonSerializer.Deserialize<AcceptRequest>(body, Json); }
        catch (JsonException) { throw new PeerRefusal(400, "The acceptance is malformed."); }
        if (request is null || link.SecretHash is null || link.InvitationExpiresAt < Now
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(PeerSigning.Hash(Encoding.UTF8.GetBytes(request.Secret ?? ""))), Encoding.ASCII.GetBytes(link.SecretHash)))
            throw new PeerRefusal(403, "The invitation is unknown, used or expired.");
        if (request.Link is not { Length: 32 } || UrlProblem(request.Url ?? "") is { } problem)
            throw new PeerRefusal(400, "The accepting deployment's address is refused" + (request.Link is { Length: 32 } ? ": it " + UrlProblem(request.Url ?? "") : "."));
        link.Status = PeerLinkStatus.Active;
        link.SecretHash = null;
        link.PeerPublicKey = peerKey;
        link.PeerPublicId = request.Link;
        link.PeerUrl = request.Url!.TrimEnd('/');
        link.PeerName = Trim(request.Name, 200);
        link.AcceptedAt = Now;
        await db.SaveChangesAsync(ct);
        var workspace = await db.Workspaces.AsNoTracking().Where(w => w.Id == link.WorkspaceId).Select(w => w.Name).FirstOrDefaultAsync(ct);
        return JsonSerializer.SerializeToUtf8Bytes(new AcceptAnswer(workspace), Json);
    }

    /// <summary>Our populations the peer may choose from: not hidden by our rules; names, kinds and sizes only.</summary>
    public async Task<byte[]> PeerListPopulationsAsync(int linkId, CancellationToken ct)
    {
        var link = await PeerLinkAsync(linkId, accepting: false, ct);
        var list = (await populations.OwnPopulationsAsync(link.PartnershipId, ct)).Where(p => p.Level != SharingLevel.Hidden)
            .Select(p => new PeerPopulationDto(p.Id, p.Name, p.KindName, p.RecordCount)).ToList();
        return JsonSerializer.SerializeToUtf8Bytes(list, Json);
    }

    /// <summary>The largest request body a round may carry: the cap's worth of elements and a header.</summary>
    public long MaxBody => (long)MaxKeys * PsiParty.ElementSize + PsiFrame.MaxHeader + 64;

    /// <summary>Round 1 as responder: check the caps and the rate limit, blind ours, re-blind theirs; keep what round 2 needs.</summary>
    public async Task<byte[]> PeerRunAsync(int linkId, byte[] body, CancellationToken ct)
    {
        var link = await PeerLinkAsync(linkId, accepting: false, ct);
        if (body.Length > MaxBody) throw new PeerRefusal(413, $"A run takes at most {MaxKeys:N0} keys.");
        RunRequest request;
        byte[] x;
        try
        {
            var (json, lists) = PsiFrame.Decode(body, 1, int.MaxValue / PsiParty.ElementSize);
            request = JsonSerializer.Deserialize<RunRequest>(json, Json) ?? throw new PsiInvalidMessage("No header.");
            x = lists[0];
        }
        catch (Exception e) when (e is PsiInvalidMessage or JsonException) { throw new PeerRefusal(400, "The run request is malformed: " + e.Message); }
        if (request.Run is not { Length: 32 }) throw new PeerRefusal(400, "The run request is malformed: no run id.");

        var run = new PrivateOverlapRun
        {
            PeerLinkId = link.Id, RunKey = request.Run, Role = RunRole.Responder, OurPopulationName = "—", PeerPopulationName = Trim(request.Name, 100),
            PeerSize = PsiParty.CheckLength(x), Status = RunStatus.Running, StartedByName = link.PeerName ?? "the partner's deployment", StartedAt = Now,
        };
        async Task<PeerRefusal> Refuse(int status, string reason)
        {
            run.Status = RunStatus.Refused;
            run.Problem = reason;
            run.FinishedAt = Now;
            db.PrivateOverlapRuns.Add(run);
            try { await db.SaveChangesAsync(CancellationToken.None); }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { return new PeerRefusal(409, "This run id was already used."); }
            return new PeerRefusal(status, reason);
        }
        if (await db.PrivateOverlapRuns.AnyAsync(r => r.PeerLinkId == link.Id && r.RunKey == request.Run, ct)) throw new PeerRefusal(409, "This run id was already used.");
        if (await RunsInLastHourAsync(link.Id, RunRole.Responder, ct) >= RunsPerHour)
            throw await Refuse(429, $"At most {RunsPerHour} runs an hour are allowed on one link.");
        if (run.PeerSize > MaxKeys) throw await Refuse(413, $"A run takes at most {MaxKeys:N0} keys; the request had {run.PeerSize:N0}.");
        var own = (await populations.OwnPopulationsAsync(link.PartnershipId, ct)).FirstOrDefault(p => p.Id == request.Population && p.Level != SharingLevel.Hidden);
        if (own is null) throw await Refuse(404, "The population asked for is not offered.");
        run.OurPopulationId = own.Id;
        run.OurPopulationName = own.Name;
        var records = await populations.KeysAsync(link.PartnershipId, own.Id, ct);
        run.OurSize = records.Count;
        if (records.Count > MaxKeys) throw await Refuse(413, $"The population asked for has more than {MaxKeys:N0} accounts, the most a run takes.");
        if (request.Level == SharingLevel.Hidden) throw await Refuse(403, "The requesting side hides its population.");

        var recordLevel = own.Level >= SharingLevel.Overlap && request.Level >= SharingLevel.Overlap;
        var party = PsiParty.Create(records.Select(r => r.Key));
        byte[] y, z;
        try
        {
            y = party.BlindOwn();
            z = party.Reblind(x, keepOrder: recordLevel);
        }
        catch (PsiInvalidMessage e)
        {
            party.Dispose();
            throw await Refuse(400, "The run request is malformed: " + e.Message);
        }
        db.PrivateOverlapRuns.Add(run);
        await db.SaveChangesAsync(ct);
        // z is the peer's list under both scalars; we keep it to compare with the peer's re-blinding of y in round 2.
        sessions.Add(link.Id, run.RunKey, new PsiSessions.Session(run.Id, party, z, records, recordLevel, DateTime.UtcNow.AddMinutes(10)));
        return PsiFrame.Encode(JsonSerializer.Serialize(new RunAnswer(own.Name, records.Count, recordLevel), Json), y, z);
    }

    /// <summary>Round 2 as responder: the peer's re-blinding of our list; we count (and, at record level, name our records).</summary>
    public async Task<byte[]> PeerFinishAsync(int linkId, string runKey, byte[] body, CancellationToken ct)
    {
        var link = await PeerLinkAsync(linkId, accepting: false, ct);
        var session = sessions.Take(link.Id, runKey) ?? throw new PeerRefusal(404, "No open run with this id (it finished, expired, or never started).");
        using var party = session.Party;
        var run = await db.PrivateOverlapRuns.FirstOrDefaultAsync(r => r.Id == session.RunId, ct) ?? throw new PeerRefusal(404, "No open run with this id.");
        try
        {
            var (json, lists) = PsiFrame.Decode(body, 1, MaxKeys);
            var request = JsonSerializer.Deserialize<FinishRequest>(json, Json) ?? throw new PsiInvalidMessage("No header.");
            var ordered = request.Ordered && session.RecordLevel;
            var result = party.Intersect(lists[0], session.PeerDoubleBlinded, ownInOrder: ordered);
            await CompleteAsync(run, result, session.Keys, ordered, request.Count == result.Count ? null
                : $"The partner's deployment counted {request.Count:N0}: one side's list changed or it did not follow the protocol.", ct);
            return PsiFrame.Encode(JsonSerializer.Serialize(new FinishAnswer(result.Count), Json));
        }
        catch (Exception e) when (e is PsiInvalidMessage or JsonException)
        {
            run.Status = RunStatus.Failed;
            run.Problem = Trim("The partner's second message was malformed: " + e.Message, 500);
            run.FinishedAt = Now;
            await db.SaveChangesAsync(CancellationToken.None);
            throw new PeerRefusal(400, run.Problem!);
        }
    }

    // --- the record -----------------------------------------------------------------------------------

    static IQueryable<RunDto> RunQuery(IQueryable<PrivateOverlapRun> runs) =>
        runs.AsNoTracking().Select(r => new RunDto(r.Id, r.PeerLinkId, r.PeerLink!.Partnership!.Name, r.PeerLink.PeerName, r.Role, "",
            r.StartedByName, r.StartedAt, r.FinishedAt, r.OurPopulationName, r.PeerPopulationName, r.OurSize, r.PeerSize, r.Count, r.RecordLevel, r.Status, "",
            r.Problem));

    static RunDto Finish(RunDto r) => r with
    {
        StartedByUs = r.Role == RunRole.Initiator ? "We started it" : "The partner started it", StatusName = StatusName(r.Status),
    };

    public async Task<Paged<RunDto>> RunsAsync(int? linkId, int? page, CancellationToken ct = default)
    {
        var q = db.PrivateOverlapRuns.AsQueryable();
        if (linkId is { } l) q = q.Where(r => r.PeerLinkId == l);
        const int size = 25;
        var p = Math.Max(1, page ?? 1);
        var total = await q.CountAsync(ct);
        var items = await RunQuery(q.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Skip((p - 1) * size).Take(size)).ToListAsync(ct);
        return new Paged<RunDto>(items.Select(Finish).ToList(), p, size, total);
    }

    public async Task<RunDto> RunAsync(long id, CancellationToken ct = default) =>
        Finish(await RunQuery(db.PrivateOverlapRuns.Where(r => r.Id == id)).FirstOrDefaultAsync(ct) ?? throw new NotFound("The run"));

    /// <summary>Which of our records were in the intersection, for a record-level run only.</summary>
    public async Task<Paged<MatchDto>> MatchesAsync(long runId, int? page, CancellationToken ct = default)
    {
        var run = await RunAsync(runId, ct);
        if (!run.RecordLevel) throw new Forbidden("This run shared counts only: the sharing rules of one side do not allow naming the overlapping accounts.");
        const int size = 50;
        var p = Math.Max(1, page ?? 1);
        var q = db.PrivateOverlapMatches.AsNoTracking().Where(m => m.RunId == runId);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(m => m.Name).ThenBy(m => m.Id).Skip((p - 1) * size).Take(size).Select(m => new MatchDto(m.Name, m.Domain, m.Country)).ToListAsync(ct);
        return new Paged<MatchDto>(items, p, size, total);
    }
}
