using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Webhooks;
using Warmglow.Web.Data;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Webhooks;

/// <summary>Encrypts and decrypts endpoint secrets with the shared key ring (so any instance can sign).</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    readonly IDataProtector _protector = provider.CreateProtector("Warmglow.Webhooks.Secret.v1");
    public string Protect(string secret) => _protector.Protect(secret);
    public string Unprotect(string stored) => _protector.Unprotect(stored);
}

/// <summary>A target refused at connect time: the name resolved to a private, loopback or link-local address.</summary>
public sealed class WebhookTargetRefused(string message) : Exception(message);

/// <summary>
/// The one HTTP client for deliveries. Every connection is checked when it is made (not only at registration): the
/// host name is resolved and, unless <c>Webhooks:AllowPrivateTargets</c> is true, refused when any address is not public
/// (so DNS rebinding to 127.0.0.1 or 169.254.169.254 gets nowhere). No redirects, no proxy, a timeout per attempt.
/// </summary>
public sealed class WebhookHttp : IDisposable
{
    public HttpClient Client { get; }

    public WebhookHttp(IConfiguration config)
    {
        var allowPrivate = config.GetValue("Webhooks:AllowPrivateTargets", false);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = async (context, ct) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
                if (addresses.Length == 0) throw new WebhookTargetRefused($"“{host}” did not resolve.");
                if (!allowPrivate && addresses.Any(a => !WebhookTargets.IsPublic(a)))
                    throw new WebhookTargetRefused($"Refused: “{host}” resolves to a private, loopback or link-local address.");
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
        Client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        Client.DefaultRequestHeaders.UserAgent.ParseAdd("Warmglow-Webhooks/1");
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>
/// Sends due deliveries (the webhook-delivery job, under the scheduler's lease). Each delivery is claimed with a
/// conditional UPDATE before it is sent, so it is never sent twice at once. Only 2xx counts; 410 Gone disables the
/// endpoint; other answers, timeouts and refused targets are retried on the schedule (<c>Webhooks:RetryDelaysSeconds</c>,
/// default 5 s … 10 h), later when the receiver's Retry-After asks for it; every attempt goes into the delivery log.
/// </summary>
public sealed class WebhookDispatcher(WarmglowDb db, WebhookHttp http, WebhookSecrets secrets, IConfiguration config, TimeProvider clock,
    ILogger<WebhookDispatcher> log)
{
    TimeSpan Timeout => TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Webhooks:TimeoutSeconds", 15), 1, 120));

    IReadOnlyList<TimeSpan> Delays => config["Webhooks:RetryDelaysSeconds"] is { Length: > 0 } text
        ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, out var n) && n > 0 ? TimeSpan.FromSeconds(n) : (TimeSpan?)null).OfType<TimeSpan>().ToList()
        : WebhookRetry.DefaultDelays;

    /// <summary>Sends every due delivery of this workspace (up to 200 a pass); returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && d.Endpoint!.Enabled)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Select(d => d.Id).Take(200).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
            if (await DeliverAsync(id, ct)) sent++;
        return sent;
    }

    async Task<bool> DeliverAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hold = now + Timeout + TimeSpan.FromSeconds(30); // if this instance dies mid-attempt, the delivery is due again after this
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, hold).SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
        if (claimed != 1) return false;
        var d = await db.WebhookDeliveries.AsNoTracking().Include(x => x.Message).Include(x => x.Endpoint).SingleAsync(x => x.Id == id, ct);
        var endpoint = d.Endpoint!;
        var message = d.Message!;

        int? status = null;
        string? error = null;
        TimeSpan? retryAfter = null;
        var watch = Stopwatch.StartNew();
        try
        {
            var keys = new List<string> { secrets.Unprotect(endpoint.ProtectedSecret) };
            if (endpoint.ProtectedPreviousSecret is { } previous && endpoint.PreviousSecretUntil > now) keys.Add(secrets.Unprotect(previous));
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
            {
                Content = new StringContent(message.Payload, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("webhook-id", message.MessageId);
            request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", WebhookSigning.SignatureHeader(keys, message.MessageId, timestamp, message.Payload));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            try
            {
                using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                status = (int)response.StatusCode;
                retryAfter = response.Headers.RetryAfter is { } ra
                    ? ra.Delta ?? (ra.Date is { } date ? date.UtcDateTime - clock.GetUtcNow().UtcDateTime : null)
                    : null;
                if (status is < 200 or > 299) error = $"The receiver answered {status} {response.ReasonPhrase}.";
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                error = $"No answer within {Timeout.TotalSeconds:0} seconds.";
            }
            catch (HttpRequestException e)
            {
                error = FindRefusal(e)?.Message ?? $"Could not connect: {e.Message}";
            }
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            error = "The endpoint's secret could not be read (the key ring changed); rotate the secret.";
        }
        watch.Stop();
        now = clock.GetUtcNow().UtcDateTime;
        if (error is { Length: > 500 }) error = error[..500];

        db.WebhookAttempts.Add(new WebhookAttempt { WorkspaceId = d.WorkspaceId, DeliveryId = d.Id, At = now, StatusCode = status, Error = error, DurationMs = watch.ElapsedMilliseconds });
        await db.SaveChangesAsync(CancellationToken.None);

        var attempts = d.Attempts; // already counted by the claim
        if (status is >= 200 and <= 299)
        {
            await Update(d.Id, DeliveryStatus.Delivered, now, status, null, now);
        }
        else if (status == 410)
        {
            await Update(d.Id, DeliveryStatus.Failed, now, status, "The receiver answered 410 Gone: the endpoint was turned off.", null);
            await db.WebhookEndpoints.Where(e => e.Id == endpoint.Id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Enabled, false)
                .SetProperty(e => e.DisabledReason, $"Turned off on {now:yyyy-MM-dd HH:mm} UTC: the receiver answered 410 Gone.")
                .SetProperty(e => e.Version, e => e.Version + 1), CancellationToken.None);
        }
        else if (WebhookRetry.Next(now, attempts, Delays, retryAfter) is { } next)
        {
            await Update(d.Id, DeliveryStatus.Pending, next, status, error, null);
        }
        else
        {
            await Update(d.Id, DeliveryStatus.Failed, now, status, $"Gave up after {attempts} attempts. {error}", null);
        }
        if (status is not (>= 200 and <= 299)) log.LogInformation("Webhook delivery {Delivery} to endpoint {Endpoint}: {Error}", d.Id, endpoint.Id, error);
        return true;
    }

    Task<int> Update(long id, DeliveryStatus status, DateTime next, int? code, string? error, DateTime? delivered)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (error is { Length: > 500 }) error = error[..500];
        return db.WebhookDeliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, status).SetProperty(d => d.NextAttemptAt, next).SetProperty(d => d.LastAttemptAt, now)
            .SetProperty(d => d.LastStatusCode, code).SetProperty(d => d.LastError, error).SetProperty(d => d.DeliveredAt, delivered), CancellationToken.None);
    }

    static WebhookTargetRefused? FindRefusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is WebhookTargetRefused r) return r;
        return null;
    }
}

/// <summary>Delivers due webhook events in every workspace (Webhooks:DeliverySeconds, default 10; under the scheduler's lease).</summary>
public sealed class WebhookDeliveryJob : IRecurringJob
{
    public string Name => "webhook-delivery";

    public TimeSpan? Interval(IConfiguration configuration) =>
        configuration.GetValue("Webhooks:DeliverySeconds", 10) is > 0 and var s ? TimeSpan.FromSeconds(s) : null;

    public Task RunAsync(JobRunner runner, CancellationToken ct) => runner.ForEachWorkspaceAsync(Name,
        (services, token) => services.GetRequiredService<WebhookDispatcher>().DeliverDueAsync(token), ct);
}
