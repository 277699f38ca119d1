using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

using Warmglow.Web.Features.Workspaces;

namespace Warmglow.Web.Pages.Admin;

public class UsersModel(UserService users, Pickers pickers) : WarmglowPage
{
    public sealed class InviteForm
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public string? Role { get; set; } = Roles.Manager;
        public int? PartnerId { get; set; }
    }

    [BindProperty] public InviteForm Input { get; set; } = new();
    public Paged<UserDto> Users { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public List<(int Id, string Name)> Partners { get; private set; } = [];
    public Invitation? Invitation { get; private set; }
    public OneTimeLink? ResetLink { get; private set; }
    public string? ResetFor { get; private set; }
    public string? MyId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    public Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page) => LoadAsync(page);

    public async Task<IActionResult> OnPostInviteAsync()
    {
        if (await TryAsync(async () => Invitation = await users.InviteAsync(new(Input.Email, Input.DisplayName, Input.Role, Input.PartnerId), Request.LinkBase())))
        {
            ModelState.Clear();
            Input = new();
        }
        await LoadAsync(null);
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string userId, string? role, int? partnerId)
    {
        if (await TryAsync(() => users.SetRolesAsync(userId, new RolesInput(role is null ? [] : [role], partnerId))))
        {
            Flash("Roles saved.");
            return Redirect("/Admin/Users");
        }
        await LoadAsync(null);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(string userId)
    {
        await TryAsync(async () => Invitation = await users.ResendInvitationAsync(userId, Request.LinkBase()));
        await LoadAsync(null);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string userId)
    {
        if (await TryAsync(() => users.RevokeInvitationAsync(userId)))
        {
            Flash("Invitation withdrawn.");
            return Redirect("/Admin/Users");
        }
        await LoadAsync(null);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string userId)
    {
        if (await TryAsync(() => users.RemoveAsync(userId)))
        {
            Flash("Removed from this workspace.");
            return Redirect("/Admin/Users");
        }
        await LoadAsync(null);
        return Page();
    }

    public async Task<IActionResult> OnPostResetLinkAsync(string userId)
    {
        if (await TryAsync(async () => ResetLink = await users.IssueResetLinkAsync(userId, Request.LinkBase())))
            ResetFor = (await users.GetAsync(userId)).DisplayName;
        await LoadAsync(null);
        return Page();
    }

    async Task LoadAsync(int? page)
    {
        Users = await users.ListAsync(page, 50);
        Partners = await pickers.PartnersAsync(1000);
    }
}
