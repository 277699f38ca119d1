using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Accounts;

namespace Warmglow.Web.Pages.Workspaces;

/// <summary>The deployment owner's page: every workspace, and a new one with its first admin's invitation.</summary>
public class IndexModel(AccountService accounts) : WarmglowPage
{
    public sealed class WorkspaceForm
    {
        public string? Name { get; set; }
        public string? AdminEmail { get; set; }
        public string? AdminDisplayName { get; set; }
    }

    [BindProperty] public WorkspaceForm Input { get; set; } = new();
    public List<WorkspaceDto> All { get; private set; } = [];
    public NewWorkspace? Created { get; private set; }

    public async Task OnGetAsync() => All = await accounts.AllWorkspacesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await TryAsync(async () => Created = await accounts.CreateWorkspaceAsync(new(Input.Name, Input.AdminEmail, Input.AdminDisplayName), Request.LinkBase())))
        {
            ModelState.Clear();
            Input = new();
        }
        All = await accounts.AllWorkspacesAsync();
        return Page();
    }
}
