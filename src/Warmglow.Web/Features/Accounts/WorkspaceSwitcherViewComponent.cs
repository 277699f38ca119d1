using Microsoft.AspNetCore.Mvc;

namespace Warmglow.Web.Features.Accounts;

/// <summary>The account menu's workspace list: the current one marked, the others one click away.</summary>
public sealed class WorkspaceSwitcherViewComponent(AccountService accounts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await accounts.WorkspacesAsync(HttpContext.RequestAborted));
}
