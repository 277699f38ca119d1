using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Me;

public class ApiKeysModel(AccountService accounts) : WarmglowPage
{
    public sealed class KeyForm
    {
        public string? Name { get; set; }
        public string? Role { get; set; }
    }

    [BindProperty] public KeyForm Input { get; set; } = new();
    public List<ApiKeyDto> Keys { get; private set; } = [];
    public CreatedApiKey? Created { get; private set; }
    public IReadOnlyList<string> Grantable { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (await TryAsync(async () => Created = await accounts.CreateApiKeyAsync(new(Input.Name, Input.Role), MyRoles())))
        {
            ModelState.Clear();
            Input = new();
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        await accounts.RevokeApiKeyAsync(id);
        Flash("API key revoked.");
        return Redirect("/Me/ApiKeys");
    }

    List<string> MyRoles() => User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();

    async Task LoadAsync()
    {
        Keys = await accounts.ApiKeysAsync();
        Grantable = Roles.All.Where(r => Roles.Covers(MyRoles(), r)).ToList();
        Input.Role ??= Grantable.FirstOrDefault();
    }
}
