using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Users;

using Warmglow.Web.Features.Workspaces;

namespace Warmglow.Web.Pages;

public class SetupModel(UserService users, SignInManager<AppUser> signIn, WorkspaceOverview overview) : WarmglowPage
{
    public sealed class SetupForm
    {
        public string? WorkspaceName { get; set; }
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty] public SetupForm Input { get; set; } = new();
    public string? ExistingWorkspace { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.IsSetUpAsync()) return Redirect("/");
        ExistingWorkspace = await overview.FirstWorkspaceNameAsync();
        Input.WorkspaceName ??= ExistingWorkspace;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        AppUser? user = null;
        if (!await TryAsync(async () => user = await users.SetupAsync(new(Input.WorkspaceName, Input.DisplayName, Input.Email, Input.Password))))
            return Page();
        await signIn.SignInAsync(user!, isPersistent: false);
        return Redirect("/");
    }
}
