using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Portal;

namespace Warmglow.Web.Pages.Me;

/// <summary>The signed-in person's profile: their name (e-mail and password have their own ways).</summary>
public class ProfileModel(ProfileService profiles) : WarmglowPage
{
    protected override string InputPrefix => "";
    [BindProperty] public string? DisplayName { get; set; }
    public ProfileDto Profile { get; private set; } = new("", "", false);

    public async Task OnGetAsync()
    {
        Profile = await profiles.GetAsync();
        DisplayName = Profile.DisplayName;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await TryAsync(() => profiles.UpdateAsync(new ProfileInput(DisplayName))))
        {
            Flash("Your name is saved.");
            return Redirect("/Me/Profile");
        }
        Profile = await profiles.GetAsync();
        return Page();
    }
}
