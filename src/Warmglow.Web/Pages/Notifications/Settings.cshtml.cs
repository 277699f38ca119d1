using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Notifications;

namespace Warmglow.Web.Pages.Notifications;

public class SettingsModel(NotificationMail mail) : WarmglowPage
{
    public sealed class SettingsForm
    {
        public int? DigestHourUtc { get; set; }
        public MailChoice Default { get; set; } = NotificationMail.DefaultChoice;
        public Dictionary<string, MailChoice> Kinds { get; set; } = [];
    }

    [BindProperty] public SettingsForm Input { get; set; } = new();
    public MailPreferencesDto Current { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await mail.PreferencesAsync(ct);
        Input = new SettingsForm { DigestHourUtc = Current.DigestHourUtc, Default = Current.Default, Kinds = Current.Kinds.ToDictionary(k => k.Event, k => k.Choice) };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError("", "Choose one of the offered options for each kind and an hour from 0 to 23.");
            Current = await mail.PreferencesAsync(ct);
            return Page();
        }
        if (await TryAsync(() => mail.SavePreferencesAsync(new(Input.DigestHourUtc, Input.Default, Input.Kinds), ct)))
        {
            Flash("Your notification choices are saved.");
            return Redirect("/Notifications/Settings");
        }
        Current = await mail.PreferencesAsync(ct);
        return Page();
    }

    public static string Words(MailChoice c) => c switch
    {
        MailChoice.Immediate => "E-mail me at once",
        MailChoice.Digest => "In the daily digest",
        _ => "No e-mail (the inbox only)",
    };
}
