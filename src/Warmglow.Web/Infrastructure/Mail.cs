using System.Net;
using System.Net.Mail;

namespace Warmglow.Web.Infrastructure;

/// <summary>Sends e-mail (password reset links today; the notification service later). Shared infrastructure, not a module. <see cref="IsConfigured"/> is false until SMTP is set up.</summary>
public interface IMailSender
{
    bool IsConfigured { get; }
    Task SendAsync(string to, string subject, string body, CancellationToken ct = default);
}

/// <summary>Mail:Smtp:Host (required), Port (587), UserName, Password, EnableSsl (true), From (required).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; } = true;
    public string? From { get; set; }
}

public sealed class SmtpMailSender(SmtpOptions options) : IMailSender
{
    public bool IsConfigured => true;

    public async Task SendAsync(string to, string subject, string body, CancellationToken ct = default)
    {
        using var client = new SmtpClient(options.Host, options.Port) { EnableSsl = options.EnableSsl };
        if (!string.IsNullOrEmpty(options.UserName)) client.Credentials = new NetworkCredential(options.UserName, options.Password);
        using var message = new MailMessage(options.From!, to, subject, body);
        await client.SendMailAsync(message, ct);
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
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration config)
    {
        var smtp = config.GetSection("Mail:Smtp").Get<SmtpOptions>() ?? new SmtpOptions();
        if (!string.IsNullOrWhiteSpace(smtp.Host) && !string.IsNullOrWhiteSpace(smtp.From))
            services.AddSingleton<IMailSender>(new SmtpMailSender(smtp));
        else services.AddSingleton<IMailSender, UnconfiguredMailSender>();
        return services;
    }
}
