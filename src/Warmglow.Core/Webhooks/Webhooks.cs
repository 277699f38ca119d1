using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Warmglow.Core.Webhooks;

/// <summary>
/// Standard Webhooks signatures (https://www.standardwebhooks.com): the secret is "whsec_" + base64 of 24–64 random
/// bytes; a signature is "v1," + base64(HMAC-SHA256(secret bytes, "{id}.{timestamp}.{body}")); the
/// <c>webhook-signature</c> header carries one or more, space-separated (several while a secret is being rotated).
/// </summary>
public static class WebhookSigning
{
    public const string SecretPrefix = "whsec_";

    /// <summary>A new secret: 32 random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A new message id ("msg_" + 26 random base-32 characters): the same on every retry and replay of one event.</summary>
    public static string NewMessageId()
    {
        const string alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
        var bytes = RandomNumberGenerator.GetBytes(26);
        var chars = new char[26];
        for (var i = 0; i < 26; i++) chars[i] = alphabet[bytes[i] & 31];
        return "msg_" + new string(chars);
    }

    /// <summary>Whether <paramref name="secret"/> is "whsec_" followed by base64 of 24–64 bytes.</summary>
    public static bool IsValidSecret(string? secret) => TryKey(secret, out _);

    /// <summary>One signature ("v1,…") of <paramref name="body"/> sent as message <paramref name="id"/> at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        if (!TryKey(secret, out var key)) throw new ArgumentException("A webhook secret is 'whsec_' followed by base64.", nameof(secret));
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    /// <summary>The <c>webhook-signature</c> header value: one signature per secret in force, space-separated.</summary>
    public static string SignatureHeader(IEnumerable<string> secrets, string id, long timestamp, string body) =>
        string.Join(' ', secrets.Select(s => Sign(s, id, timestamp, body)));

    static bool TryKey(string? secret, out byte[] key)
    {
        key = [];
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal)) return false;
        try { key = Convert.FromBase64String(secret[SecretPrefix.Length..]); }
        catch (FormatException) { return false; }
        return key.Length is >= 24 and <= 64;
    }
}

/// <summary>Where a webhook may be sent: public unicast addresses only, unless private targets are allowed (local testing).</summary>
public static partial class WebhookTargets
{
    /// <summary>
    /// True for an address on the public internet; false for loopback, private (RFC 1918, unique-local fc00::/7),
    /// link-local (169.254/16, fe80::/10, the cloud metadata address), carrier-grade NAT, "this network", multicast,
    /// broadcast, documentation and benchmarking ranges, and IPv4 addresses mapped or embedded in IPv6 forms of those.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)   // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254)                 // link-local, cloud metadata
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2))
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))  // benchmarking
                || (b[0] == 198 && b[1] == 51 && b[2] == 100) || (b[0] == 203 && b[1] == 0 && b[2] == 113)
                || b[0] >= 224);                                // multicast, reserved, broadcast
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)) return false;
            if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal) return false;
            var b = address.GetAddressBytes();
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false;        // documentation
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)                      // NAT64: the IPv4 inside
                return IsPublic(new IPAddress(b[12..16]));
            if (b[0] == 0x20 && b[1] == 0x02) return IsPublic(new IPAddress(b[2..6]));              // 6to4
            return true;
        }
        return false;
    }

    /// <summary>
    /// Checks a URL an admin registers: absolute http(s), a host, no user info; an IP literal must be public unless
    /// <paramref name="allowPrivate"/>. Names are resolved and checked again at connect time (a name may point anywhere).
    /// Returns a sentence a person can act on, or null when the URL is acceptable.
    /// </summary>
    public static string? Problem(string? url, bool allowPrivate)
    {
        if (string.IsNullOrWhiteSpace(url)) return "Enter the address to send events to.";
        if (url.Length > 500) return "Use an address of at most 500 characters.";
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return "Use an address that starts with https:// (or http://).";
        if (string.IsNullOrEmpty(uri.Host)) return "The address needs a host name.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "Leave user names and passwords out of the address; the signature authenticates each event.";
        if (!allowPrivate)
        {
            if (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
                return "Events cannot be sent to this machine (loopback addresses are refused).";
            if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && !IsPublic(ip))
                return "Events cannot be sent to private, loopback or link-local addresses.";
        }
        return null;
    }

    [GeneratedRegex("^(\\*|[a-z][a-z0-9-]*(\\.[a-z][a-z0-9_-]*)+)$")]
    private static partial Regex EventName();

    /// <summary>An event kind an endpoint may subscribe to: "*" (every event) or a dotted lower-case name ("statement.issued").</summary>
    public static bool IsEventName(string? name) => name is { Length: > 0 and <= 80 } && EventName().IsMatch(name);
}

/// <summary>When to try a failed delivery again.</summary>
public static class WebhookRetry
{
    /// <summary>The default schedule after each failed attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (then it gives up).</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultDelays =
        [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10)];

    /// <summary>The longest a receiver's Retry-After is honoured.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(24);

    /// <summary>
    /// When attempt <paramref name="attempts"/> (1-based, just failed) should be followed up, or null to give up.
    /// A Retry-After from the receiver is honoured when it asks for longer than the schedule (capped at a day).
    /// </summary>
    public static DateTime? Next(DateTime now, int attempts, IReadOnlyList<TimeSpan> delays, TimeSpan? retryAfter)
    {
        if (attempts < 1 || attempts > delays.Count) return null;
        var wait = delays[attempts - 1];
        if (retryAfter is { } ra && ra > wait) wait = ra > MaxRetryAfter ? MaxRetryAfter : ra;
        return now + wait;
    }

    /// <summary>A Retry-After header: delay seconds or an HTTP date; null when absent or unreadable.</summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at.UtcDateTime > now ? at.UtcDateTime - now : TimeSpan.Zero;
        return null;
    }
}
