using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Users;

/// <summary>
/// Mails invitation links when e-mail is set up (SMTP and <c>PublicUrl</c>): the one place staff invitations, resent
/// invitations and a partner admin's invitations of their colleagues are worded and sent. Links in e-mails always point
/// to <c>PublicUrl</c>, never to the request's Host header (which whoever sends the request controls). When e-mail is not
/// set up, nothing is sent and the inviter gets the link to hand over.
/// </summary>
public sealed class InvitationMailer(IMailSender mail, IConfiguration config, ILogger<InvitationMailer> log)
{
    string? PublicUrl => config["PublicUrl"] is { Length: > 0 } url ? url.TrimEnd('/') : null;

    public bool CanMail => mail.IsConfigured && PublicUrl is not null;

    /// <summary>Where the one-time link must point: <c>PublicUrl</c> when it will be mailed, else the address the inviter uses.</summary>
    public string LinkBase(string requestBase) => CanMail ? PublicUrl! : requestBase;

    /// <summary>
    /// Sends the invitation's link to the invited person; true when sent. A failure of the mail server is logged and
    /// answered with false, so the inviter is handed the link instead (the invitation itself is already saved).
    /// </summary>
    public async Task<bool> TrySendAsync(Invitation invitation, string? inviterName, CancellationToken ct)
    {
        if (invitation.AcceptUrl is null || !CanMail) return false;
        var portal = invitation.User.Roles.Contains(Roles.Partner);
        var by = string.IsNullOrWhiteSpace(inviterName) ? "Your contact" : inviterName;
        var subject = portal ? "You are invited to the Warmglow partner portal" : "You are invited to Warmglow";
        var what = portal ? "your organization's partner portal" : "their Warmglow workspace";
        var text = $"Hello {invitation.User.DisplayName},\n\n{by} invited you to {what}. Choose a password here:\n\n{invitation.AcceptUrl}\n\n" +
                   $"The link works once, until {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC. If you did not expect this, ignore this e-mail.\n";
        var html = $"<p>Hello {Enc(invitation.User.DisplayName)},</p><p>{Enc(by)} invited you to {what}.</p>" +
                   $"<p><a href=\"{Enc(invitation.AcceptUrl)}\">Choose your password</a></p>" +
                   $"<p>The link works once, until {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC. If you did not expect this, ignore this e-mail.</p>";
        try
        {
            await mail.SendAsync(invitation.User.Email, subject, text, html, ct);
            return true;
        }
        catch (Exception e) when (e is MailKit.CommandException or MailKit.ProtocolException or System.Net.Sockets.SocketException
                                       or InvalidOperationException or IOException or TimeoutException)
        {
            log.LogError(e, "Could not send the invitation e-mail");
            return false;
        }
    }

    static string Enc(string? s) => System.Net.WebUtility.HtmlEncode(s ?? "");
}
