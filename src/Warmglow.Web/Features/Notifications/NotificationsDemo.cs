using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Referrals;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;

namespace Warmglow.Web.Features.Notifications;

/// <summary>
/// Notification demo data. Modules whose demo goes through their services already told people (issued statements, red
/// flags); registrations are loaded directly, so this raises, through the one notifier, what their managers would have
/// heard: the newest registrations still waiting for review. Then the notices are spread over the last days, the older
/// half already read, so an inbox shows both states. It runs last, after every module has its data.
/// </summary>
public sealed class NotificationsDemo(WarmglowDb db, INotifier notifier) : IDemoContributor
{
    public int Order => 900;

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var waiting = await db.Registrations.AsNoTracking()
            .Where(r => r.Stage == RegistrationStage.Submitted || r.Stage == RegistrationStage.UnderReview)
            .OrderByDescending(r => r.SubmittedAt).Take(3)
            .Select(r => new { r.Id, r.PartnershipId, r.CompanyName, Partner = r.Partner!.Name, r.SubmittedAt })
            .ToListAsync(ct);
        foreach (var r in waiting)
            await notifier.NotifyPartnershipAsync(new Notice("referral.submitted", $"{r.Partner} registered {r.CompanyName}: review it.", $"referral.submitted:{r.Id}")
                { Link = $"/Referrals/Details/{r.Id}", PartnershipId = r.PartnershipId, Data = new { registrationId = r.Id } }, NoticeAudience.Manager, ct);

        var notices = await db.Notifications.OrderBy(n => n.Id).ToListAsync(ct);
        for (var i = 0; i < notices.Count; i++) notices[i].CreatedAt = context.Now.AddHours(-6 * (notices.Count - i));
        // Each person has read the older half of their own notices.
        foreach (var own in notices.GroupBy(n => n.UserId))
            foreach (var n in own.Take(own.Count() / 2)) n.ReadAt = n.CreatedAt.AddHours(2);
        await db.SaveChangesAsync(ct);
    }
}
