using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Referrals;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Referrals;

/// <summary>Our own accounts from CRM exports (customers, open opportunities): a registration on one of them is a hard conflict.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Features.Users.Policies.Manage)]
public class AccountsModel(OurAccountsService ours) : WarmglowPage
{
    protected override string InputPrefix => "";

    public CrmListDto List { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public CrmAccountKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    async Task LoadAsync() => List = await ours.AccountsAsync(Kind, Search, PageNumber, 50, HttpContext.RequestAborted);

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file)
    {
        ModelState.Clear();
        CrmImportResult? result = null;
        if (await TryAsync(async () =>
            {
                if (file is null) throw ValidationFailed.For("file", "is required: a CSV export from Salesforce or HubSpot with a header row.");
                await using var stream = file.OpenReadStream();
                result = await ours.ImportAsync(Kind, stream, HttpContext.RequestAborted);
            }))
        {
            Flash($"Imported {result!.Imported} accounts as the list of {(result.Kind == CrmAccountKind.Customer ? "our customers" : "our open opportunities")} " +
                $"({result.Format}, {result.Rows} rows{(result.DuplicatesMerged > 0 ? $", {result.DuplicatesMerged} duplicates merged" : "")}).");
            return Redirect("/Referrals/Accounts");
        }
        await LoadAsync();
        return Page();
    }
}
