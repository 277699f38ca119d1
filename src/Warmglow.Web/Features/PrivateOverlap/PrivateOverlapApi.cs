using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.PrivateOverlap;

public static class PrivateOverlapApi
{
    /// <summary>The policy of the peer endpoints: a request signed by the partner's deployment for a link (no user).</summary>
    public const string PeerPolicy = "private-overlap-peer";

    /// <summary>Our own address as the partner's deployment should call it: PublicUrl, else the address staff reached us on.</summary>
    public static string OurUrl(HttpContext http, IConfiguration config) =>
        config["PublicUrl"] is { Length: > 0 } url ? url.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    public static void MapPrivateOverlapEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/private-overlap").WithTags("Private overlap").RequireAuthorization(Policies.Internal);
        g.MapGet("/links", (int? partnershipId, PrivateOverlapService s, CancellationToken ct) => s.LinksAsync(partnershipId, ct))
            .WithSummary("Links with partners' own Warmglow deployments (open invitations, connected, revoked), with both keys' fingerprints");
        g.MapGet("/links/{id:int}", (int id, PrivateOverlapService s, CancellationToken ct) => s.LinkAsync(id, ct))
            .WithSummary("One link with a partner's deployment");
        g.MapGet("/links/{id:int}/peer-populations", (int id, PrivateOverlapService s, CancellationToken ct) => s.PeerPopulationsAsync(id, ct))
            .WithSummary("Asks the partner's deployment which of its populations it offers (names, kinds and sizes; never records)");
        g.MapGet("/runs", (int? linkId, int? page, PrivateOverlapService s, CancellationToken ct) => s.RunsAsync(linkId, page, ct))
            .WithSummary("Every private-overlap run, either side's, newest first: who, when, which populations, the sizes and the count");
        g.MapGet("/runs/{id:long}", (long id, PrivateOverlapService s, CancellationToken ct) => s.RunAsync(id, ct))
            .WithSummary("One run");
        g.MapGet("/runs/{id:long}/matches", (long id, int? page, PrivateOverlapService s, CancellationToken ct) => s.MatchesAsync(id, page, ct))
            .WithSummary("Which of our records were in the overlap, only for a run where both sides' rules allow overlapping accounts (403 otherwise)");

        var manage = g.MapGroup("").RequireAuthorization(Policies.Manage);
        manage.MapPost("/invitations", async Task<Created<InvitationDto>> (InvitationInput input, PrivateOverlapService s, HttpContext http, IConfiguration config, CancellationToken ct) =>
            {
                var invitation = await s.CreateInvitationAsync(input, OurUrl(http, config), ct);
                return TypedResults.Created($"/api/private-overlap/links/{invitation.Link.Id}", invitation);
            })
            .WithSummary("Invite a partner's deployment for one partnership: the invitation text (our address, a one-time secret, our public key, signed) is shown once");
        manage.MapPost("/accept", (AcceptInput input, PrivateOverlapService s, HttpContext http, IConfiguration config, CancellationToken ct) =>
                s.AcceptInvitationAsync(input, OurUrl(http, config), ct))
            .WithSummary("Accept a partner deployment's invitation for one of our partnerships: calls it, proves the secret and exchanges keys");
        manage.MapDelete("/links/{id:int}", async Task<NoContent> (int id, int? version, PrivateOverlapService s, CancellationToken ct) =>
            {
                await s.RevokeAsync(id, version, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Revoke a link: the partner's requests on it are refused from now on; send the version you read");
        manage.MapPost("/links/{id:int}/runs", (int id, RunInput input, PrivateOverlapService s, CancellationToken ct) => s.StartRunAsync(id, input, ct))
            .WithSummary("Run the private overlap of one of our populations with one of the partner's; each side learns the count (and, where both rules allow, which of its own records)");

        // The partner's deployment: signed requests (docs/decisions/0031), no user. Bodies are binary frames.
        var peer = app.MapGroup("/api/private-overlap/peer").WithTags("Private overlap (deployments)").RequireAuthorization(PeerPolicy);
        peer.MapPost("/accept", (HttpContext http, PrivateOverlapService s, CancellationToken ct) =>
                Peer(http, s, 64 * 1024, accepting: true, (link, body) => s.PeerAcceptAsync(link, http.User.FindFirstValue(PeerSignatureHandler.PeerKeyClaim)!, body, ct), "application/json"))
            .WithSummary("For the partner's deployment: accept our invitation (the one-time secret, its address, link id and the key it signs with)");
        peer.MapGet("/populations", (HttpContext http, PrivateOverlapService s, CancellationToken ct) =>
                Peer(http, s, 0, accepting: false, (link, _) => s.PeerListPopulationsAsync(link, ct), "application/json"))
            .WithSummary("For the partner's deployment: the populations we offer on this link (names, kinds and sizes)");
        peer.MapPost("/runs", (HttpContext http, PrivateOverlapService s, CancellationToken ct) =>
                Peer(http, s, s.MaxBody, accepting: false, (link, body) => s.PeerRunAsync(link, body, ct), PrivateOverlapService.OctetStream))
            .WithMetadata(new RequestSizeLimitAttribute(2L * 2_000_000 * 32 + 1024 * 1024))
            .WithSummary("For the partner's deployment: round 1 of a run (its blinded list in; ours, and its own re-blinded, out)");
        peer.MapPost("/runs/{run}/finish", (string run, HttpContext http, PrivateOverlapService s, CancellationToken ct) =>
                Peer(http, s, s.MaxBody, accepting: false, (link, body) => s.PeerFinishAsync(link, run, body, ct), PrivateOverlapService.OctetStream))
            .WithMetadata(new RequestSizeLimitAttribute(2L * 2_000_000 * 32 + 1024 * 1024))
            .WithSummary("For the partner's deployment: round 2 of a run (our list re-blinded by it in; our count out)");
    }

    /// <summary>Reads the body (capped, and checked against the signed digest), runs the work, and signs the answer with our key for the link.</summary>
    static async Task<IResult> Peer(HttpContext http, PrivateOverlapService s, long maxBody, bool accepting, Func<int, byte[], Task<byte[]>> work, string contentType)
    {
        var linkId = int.Parse(http.User.FindFirstValue(PeerSignatureHandler.LinkClaim)!);
        var db = http.RequestServices.GetRequiredService<WarmglowDb>();
        var stored = await db.PeerLinks.IgnoreQueryFilters().AsNoTracking().Where(l => l.Id == linkId).Select(l => l.OwnPrivateKeyProtected).FirstAsync(http.RequestAborted);
        var key = http.RequestServices.GetRequiredService<PeerKeys>().Unprotect(stored);
        try
        {
            if (accepting != http.User.HasClaim(PeerSignatureHandler.AcceptingClaim, "true"))
                throw new PeerRefusal(409, accepting ? "This invitation was already used." : "The link is not connected.");
            if (http.Request.ContentLength > maxBody) throw new PeerRefusal(413, $"A run takes at most {s.MaxKeys:N0} keys.");
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > maxBody) throw new PeerRefusal(413, $"A run takes at most {s.MaxKeys:N0} keys.");
                buffer.Write(chunk, 0, read);
            }
            var body = buffer.ToArray();
            if (PeerSigning.Hash(body) != (string)http.Items[PeerSigning.Digest]!) throw new PeerRefusal(401, "The body does not match its signed digest.");
            return new Signed(200, await work(linkId, body), contentType, key);
        }
        catch (PeerRefusal r)
        {
            var problem = JsonSerializer.SerializeToUtf8Bytes(new ProblemDetails { Status = r.Status, Title = "Refused", Detail = r.Message });
            return new Signed(r.Status, problem, "application/problem+json", key);
        }
    }

    /// <summary>An answer signed over its status, the request's nonce and its body's hash.</summary>
    sealed class Signed(int status, byte[] body, string contentType, byte[] key) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var digest = PeerSigning.Hash(body);
            http.Response.StatusCode = status;
            http.Response.ContentType = contentType;
            http.Response.Headers[PeerSigning.Digest] = digest;
            http.Response.Headers[PeerSigning.Signature] = PeerSigning.Sign(PeerSigning.ResponseText(status, (string)http.Items[PeerSigning.Nonce]!, digest), key);
            http.Response.ContentLength = body.Length;
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }
    }
}
