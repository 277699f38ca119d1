using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Warmglow.Web.Infrastructure;

/// <summary>Sends e-mail (password resets, invitations, notifications). Shared infrastructure, not a module. <see cref="IsConfigured"/> is false until SMTP is set up.</summary>
public interface IMailSender
{
    bool IsConfigured { get; }

    /// <summary>A plain-text message.</summary>
    Task SendAsync(string to, string subject, string body, CancellationToken ct = default);

    /// <summary>A message with a plain-text part and, when given, an HTML alternative (senders without HTML send the text).</summary>
    Task SendAsync(string to, string subject, string text, string? html, CancellationToken ct) => SendAsync(to, subject, text, ct);
}

/// <summary>
/// Mail:Smtp:Host (required), Port (587), UserName, Password, Security (StartTls by default; SslOnConnect for port 465;
/// None only for a local catching server), From (required, "Warmglow &lt;noreply@example.com&gt;" or an address).
/// </summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>Kept for older settings: false means no TLS (Security None).</summary>
    public bool EnableSsl { get; set; } = true;
    public string? Security { get; set; }
    public string? From { get; set; }

    /// <summary>What is wrong with these settings, in words; null when they can be used.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Host)) return "Mail:Smtp:Host is not set.";
        if (Port is < 1 or > 65535) return $"Mail:Smtp:Port must be between 1 and 65535, not {Port}.";
        if (!MailboxAddress.TryParse(From, out _)) return $"Mail:Smtp:From must be an e-mail address (\"Warmglow <noreply@example.com>\"), not '{From}'.";
        if (Security is { Length: > 0 } s && !Enum.TryParse<SecureSocketOptions>(s, true, out _))
            return $"Mail:Smtp:Security must be StartTls, SslOnConnect, StartTlsWhenAvailable or None, not '{s}'.";
        return null;
    }

    public SecureSocketOptions SocketOptions => Security is { Length: > 0 } s && Enum.TryParse<SecureSocketOptions>(s, true, out var o) ? o
        : !EnableSsl ? SecureSocketOptions.None
        : Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
}

/// <summary>Sends through MailKit: a multipart/alternative message (text and HTML) with Auto-Submitted set.</summary>
public sealed class SmtpMailSender(SmtpOptions options) : IMailSender
{
    public bool IsConfigured => true;

    public Task SendAsync(string to, string subject, string body, CancellationToken ct = default) => SendAsync(to, subject, body, null, ct);

    public async Task SendAsync(string to, string subject, string text, string? html, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From!));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Headers.Add("Auto-Submitted", "auto-generated"); // RFC 3834: no out-of-office replies
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        using var client = new SmtpClient();
        await client.ConnectAsync(options.Host!, options.Port, options.SocketOptions, ct);
        if (!string.IsNullOrEmpty(options.UserName)) await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>No SMTP configured: nothing is sent; the log says so (without the message, which may hold a link).</summary>
public sealed class UnconfiguredMailSender(ILogger<UnconfiguredMailSender> log) : IMailSender
{
    public bool IsConfigured => false;

    public Task SendAsync(string to, string subject, string body, CancellationToken ct = default)
    {
        log.LogWarning("E-mail is not configured (Mail:Smtp:Host, Mail:Smtp:From), so '{Subject}' was not sent.", subject);
        return Task.CompletedTask;
    }
}

public static class MailModule
{
    /// <summary>SMTP when Mail:Smtp:Host is set; a malformed setting stops startup with a sentence saying which.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration config)
    {
        var smtp = config.GetSection("Mail:Smtp").Get<SmtpOptions>() ?? new SmtpOptions();
        if (!string.IsNullOrWhiteSpace(smtp.Host))
        {
            if (smtp.Problem() is { } problem) throw new InvalidOperationException($"E-mail settings: {problem}");
            services.AddSingleton<IMailSender>(new SmtpMailSender(smtp));
        }
        else services.AddSingleton<IMailSender, UnconfiguredMailSender>();
        return services;
    }
}
