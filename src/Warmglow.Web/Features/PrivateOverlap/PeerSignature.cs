using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Warmglow.Core.Webhooks;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.PrivateOverlap;

/// <summary>
/// How the two deployments authenticate each other (docs/decisions/0031): every request carries the receiver's link id,
/// a time, a random nonce and the SHA-256 of its body, signed with the sender's Ed25519 key for the link (libsodium via
/// Geralt); every answer is signed the same way over its status, the request's nonce and its body's hash.
/// </summary>
public static class PeerSigning
{
    public const string Link = "X-Warmglow-Link", Time = "X-Warmglow-Time", Nonce = "X-Warmglow-Nonce",
        Digest = "X-Warmglow-Content-SHA256", Signature = "X-Warmglow-Signature", Key = "X-Warmglow-Key";

    /// <summary>How far a request's time may be from ours; nonces are remembered for this long.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static (string PublicKey, byte[] PrivateKey) NewKeyPair()
    {
        var pub = new byte[Geralt.Ed25519.PublicKeySize];
        var priv = new byte[Geralt.Ed25519.PrivateKeySize];
        Geralt.Ed25519.GenerateKeyPair(pub, priv);
        return (Convert.ToBase64String(pub), priv);
    }

    public static string Sign(ReadOnlySpan<byte> message, ReadOnlySpan<byte> privateKey)
    {
        var signature = new byte[Geralt.Ed25519.SignatureSize];
        Geralt.Ed25519.Sign(signature, message, privateKey);
        return Convert.ToBase64String(signature);
    }

    public static bool Verify(string? signature, ReadOnlySpan<byte> message, string? publicKey)
    {
        try
        {
            if (signature is null || publicKey is null) return false;
            var sig = Convert.FromBase64String(signature);
            var key = Convert.FromBase64String(publicKey);
            return sig.Length == Geralt.Ed25519.SignatureSize && key.Length == Geralt.Ed25519.PublicKeySize && Geralt.Ed25519.Verify(sig, message, key);
        }
        catch (FormatException) { return false; }
    }

    public static string Hash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    public static byte[] RequestText(string method, string path, string link, string time, string nonce, string digest) =>
        Encoding.UTF8.GetBytes($"warmglow-private-overlap-v1 request\n{method.ToUpperInvariant()}\n{path}\n{link}\n{time}\n{nonce}\n{digest}");

    public static byte[] ResponseText(int status, string requestNonce, string digest) =>
        Encoding.UTF8.GetBytes($"warmglow-private-overlap-v1 response\n{status}\n{requestNonce}\n{digest}");

    /// <summary>A short fingerprint of a public key that people can compare over the phone.</summary>
    public static string Fingerprint(string? publicKey)
    {
        if (publicKey is null) return "";
        var hex = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(publicKey)))[..16];
        return string.Join(' ', Enumerable.Range(0, 4).Select(i => hex.Substring(i * 4, 4)));
    }
}

/// <summary>Our private keys for the links, protected by the data-protection key ring (one ring in the database).</summary>
public sealed class PeerKeys(IDataProtectionProvider provider)
{
    readonly IDataProtector _protector = provider.CreateProtector("Warmglow.PrivateOverlap.LinkKey.v1");
    public string Protect(byte[] privateKey) => _protector.Protect(Convert.ToBase64String(privateKey));
    public byte[] Unprotect(string stored) => Convert.FromBase64String(_protector.Unprotect(stored));
}

/// <summary>
/// Authenticates a peer deployment's request: the link named in its headers must exist (any workspace), the time must
/// be within the window, the nonce unused, and the signature good under the peer's public key (or, for accepting an
/// invitation, under the key the request offers; the one-time secret is checked by the service). The body's hash is
/// checked against the signed digest where the body is read (<see cref="PrivateOverlapApi"/>).
/// </summary>
public sealed class PeerSignatureHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    WarmglowDb db, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PeerSignature";
    public const string LinkClaim = "warmglow:peer-link";
    public const string AcceptingClaim = "warmglow:peer-accepting";
    public const string PeerKeyClaim = "warmglow:peer-key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var h = Request.Headers;
        string? Header(string name) => h.TryGetValue(name, out var v) && v.Count == 1 ? v[0] : null;
        var (linkId, time, nonce, digest, signature) = (Header(PeerSigning.Link), Header(PeerSigning.Time), Header(PeerSigning.Nonce),
            Header(PeerSigning.Digest), Header(PeerSigning.Signature));
        if (linkId is null || time is null || nonce is null || digest is null || signature is null) return AuthenticateResult.NoResult();
        if (linkId.Length != 32 || nonce.Length != 32 || digest.Length != 64) return AuthenticateResult.Fail("Malformed signature headers.");
        if (!long.TryParse(time, out var unix) || Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - unix) > PeerSigning.Window.TotalSeconds)
            return AuthenticateResult.Fail("The request's time is outside the signature window.");

        var link = await db.PeerLinks.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(l => l.PublicId == linkId, Context.RequestAborted);
        if (link is null || link.Status == PeerLinkStatus.Revoked) return AuthenticateResult.Fail("Unknown link.");
        var accepting = link.Status == PeerLinkStatus.Invited;
        var key = accepting ? Header(PeerSigning.Key) : link.PeerPublicKey;
        var text = PeerSigning.RequestText(Request.Method, Request.Path + Request.QueryString, linkId, time, nonce, digest);
        if (!PeerSigning.Verify(signature, text, key)) return AuthenticateResult.Fail("Bad signature.");

        // Replay: a nonce is good once per link (a unique index decides between two instances racing on the same nonce).
        var now = clock.GetUtcNow().UtcDateTime;
        await db.PeerNonces.Where(n => n.SeenAt < now - 2 * PeerSigning.Window).ExecuteDeleteAsync(Context.RequestAborted);
        db.PeerNonces.Add(new PeerNonce { PeerLinkId = link.Id, Nonce = nonce, SeenAt = now });
        try { await db.SaveChangesAsync(Context.RequestAborted); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { return AuthenticateResult.Fail("Replayed request."); }
        finally { db.ChangeTracker.Clear(); }

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, "the partner's deployment"));
        identity.AddClaim(new Claim(WarmglowClaims.DisplayName, link.PeerName ?? "the partner's deployment"));
        identity.AddClaim(new Claim(LinkClaim, link.Id.ToString()));
        identity.AddClaim(new Claim(PeerKeyClaim, key!));
        if (accepting) identity.AddClaim(new Claim(AcceptingClaim, "true"));
        Context.Items[PeerSigning.Nonce] = nonce;
        Context.Items[PeerSigning.Digest] = digest;
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

/// <summary>A peer URL refused when it is made: the name resolved to a private, loopback or link-local address.</summary>
public sealed class PeerTargetRefused(string message) : Exception(message);

/// <summary>
/// The one HTTP client for calls to partner deployments. Like the webhooks' client it checks every connection when it
/// is made (<see cref="WebhookTargets.IsPublic"/>), unless <c>PrivateOverlap:AllowLoopback</c> is true (tests, a lab);
/// no redirects, no proxy, no cookies.
/// </summary>
public sealed class PeerHttp : IDisposable
{
    public HttpClient Client { get; }

    public PeerHttp(IConfiguration config)
    {
        var allowPrivate = config.GetValue("PrivateOverlap:AllowLoopback", false);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = async (context, ct) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
                if (addresses.Length == 0) throw new PeerTargetRefused($"“{host}” did not resolve.");
                if (!allowPrivate && addresses.Any(a => !WebhookTargets.IsPublic(a)))
                    throw new PeerTargetRefused($"“{host}” resolves to a private, loopback or link-local address.");
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        Client = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(15) };
        Client.DefaultRequestHeaders.UserAgent.ParseAdd("Warmglow-PrivateOverlap/1");
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>An answer from the peer: its status, its body, and whether its signature checked out.</summary>
public sealed record PeerAnswer(HttpStatusCode Status, byte[] Body, bool Verified)
{
    public bool Ok => (int)Status is >= 200 and < 300 && Verified;

    /// <summary>The peer's ProblemDetails detail (or title), for telling a person why it refused.</summary>
    public string Reason()
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(Body);
            if (doc.RootElement.TryGetProperty("detail", out var d) && d.GetString() is { Length: > 0 } detail) return detail;
            if (doc.RootElement.TryGetProperty("title", out var t) && t.GetString() is { Length: > 0 } title) return title;
        }
        catch (System.Text.Json.JsonException) { }
        return $"it answered {(int)Status}";
    }
}

/// <summary>Signs and sends our requests to a peer and checks its signed answers.</summary>
public sealed class PeerClient(PeerHttp http, PeerKeys keys, TimeProvider clock)
{
    /// <summary>The signed headers for a request (public so tests can replay or tamper with one).</summary>
    public IReadOnlyDictionary<string, string> SignedHeaders(string method, string path, string receiverLinkId, byte[] body, byte[] privateKey, string? offerKey = null)
    {
        var time = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var digest = PeerSigning.Hash(body);
        var headers = new Dictionary<string, string>
        {
            [PeerSigning.Link] = receiverLinkId, [PeerSigning.Time] = time, [PeerSigning.Nonce] = nonce, [PeerSigning.Digest] = digest,
            [PeerSigning.Signature] = PeerSigning.Sign(PeerSigning.RequestText(method, path, receiverLinkId, time, nonce, digest), privateKey),
        };
        if (offerKey is not null) headers[PeerSigning.Key] = offerKey;
        return headers;
    }

    /// <summary>Sends a signed request on <paramref name="link"/> and reads the signed answer.</summary>
    public Task<PeerAnswer> SendAsync(PeerLink link, HttpMethod method, string path, byte[]? body, string contentType, CancellationToken ct) =>
        SendAsync(link.PeerUrl!, link.PeerPublicId!, keys.Unprotect(link.OwnPrivateKeyProtected), link.PeerPublicKey!, method, path, body, contentType, null, ct);

    public async Task<PeerAnswer> SendAsync(string peerUrl, string receiverLinkId, byte[] privateKey, string peerPublicKey, HttpMethod method, string path,
        byte[]? body, string contentType, string? offerKey, CancellationToken ct)
    {
        body ??= [];
        var headers = SignedHeaders(method.Method, path, receiverLinkId, body, privateKey, offerKey);
        using var request = new HttpRequestMessage(method, new Uri(new Uri(peerUrl.TrimEnd('/') + "/"), path.TrimStart('/')));
        foreach (var (k, v) in headers) request.Headers.TryAddWithoutValidation(k, v);
        if (method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }
        using var response = await http.Client.SendAsync(request, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        var digest = PeerSigning.Hash(bytes);
        var verified = response.Headers.TryGetValues(PeerSigning.Signature, out var sig)
            && response.Headers.TryGetValues(PeerSigning.Digest, out var d) && d.Single() == digest
            && PeerSigning.Verify(sig.Single(), PeerSigning.ResponseText((int)response.StatusCode, headers[PeerSigning.Nonce], digest), peerPublicKey);
        return new PeerAnswer(response.StatusCode, bytes, verified);
    }
}
