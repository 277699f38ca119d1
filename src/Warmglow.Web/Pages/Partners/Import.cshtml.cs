using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Partners;

[Authorize(Policy = Policies.Manage)]
[RequestSizeLimit(PartnerCsv.MaxBytes + 1024 * 1024)]
public class ImportModel(PartnerCsv csv) : WarmglowPage
{
    public ImportResult? Result { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "Choose a CSV file to import.");
            return Page();
        }
        await using var stream = file.OpenReadStream();
        await TryAsync(async () => Result = await csv.ImportAsync(stream));
        return Page();
    }
}
