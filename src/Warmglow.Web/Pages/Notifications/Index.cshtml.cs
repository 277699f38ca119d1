using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Notifications;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Notifications;

public class IndexModel(NotificationService notifications) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public bool Unread { get; set; }
    public Paged<NotificationDto> Result { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page) =>
        Result = await notifications.InboxAsync(Unread, page, null);

    /// <summary>Opens what a notice points to, marking it read; only app-relative links are followed.</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id)
    {
        var link = await notifications.MarkReadAsync(id);
        return NotificationService.IsLocal(link) ? LocalRedirect(link!) : RedirectToPage(new { Unread });
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var n = await notifications.MarkAllReadAsync();
        Flash(n == 0 ? "Nothing was unread." : n == 1 ? "1 notification marked read." : $"{n} notifications marked read.");
        return RedirectToPage(new { Unread });
    }
}
