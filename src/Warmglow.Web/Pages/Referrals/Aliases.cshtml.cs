using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Referrals;

namespace Warmglow.Web.Pages.Referrals;

/// <summary>Admins and managers keep the alias groups: a company's several web domains, matched as one in conflicts.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Features.Users.Policies.Manage)]
public class AliasesModel(OurAccountsService ours) : WarmglowPage
{
    protected override string InputPrefix => "";

    public IReadOnlyList<AliasDto> Aliases { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    /// <summary>The group being edited (from ?edit=), or null for a new one.</summary>
    [BindProperty(SupportsGet = true)] public int? Edit { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Domains { get; set; }
    [BindProperty] public int? Version { get; set; }

    async Task LoadAsync() => Aliases = await ours.AliasesAsync(Search, HttpContext.RequestAborted);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (Edit is { } id)
        {
            var a = Aliases.FirstOrDefault(x => x.Id == id) ?? await ours.AliasAsync(id, HttpContext.RequestAborted);
            Name = a.Name;
            Domains = string.Join('\n', a.Domains);
            Version = a.Version;
        }
        return Page();
    }

    static IReadOnlyList<string?> Lines(string? text) =>
        (text ?? "").Split(['\n', '\r', ',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public async Task<IActionResult> OnPostSaveAsync()
    {
        ModelState.Clear();
        var input = new AliasInput(Name, Lines(Domains), Version);
        if (await TryAsync(async () =>
            {
                if (Edit is { } id) await ours.UpdateAliasAsync(id, input, HttpContext.RequestAborted);
                else await ours.CreateAliasAsync(input, HttpContext.RequestAborted);
            }))
        {
            Flash(Edit is null ? "Alias group added: registrations on any of its domains now conflict with each other." : "Alias group saved.");
            return Redirect("/Referrals/Aliases");
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        ModelState.Clear();
        if (await TryAsync(() => ours.DeleteAliasAsync(id, HttpContext.RequestAborted)))
        {
            Flash("Alias group deleted: its domains match only themselves again.");
            return Redirect("/Referrals/Aliases");
        }
        await LoadAsync();
        return Page();
    }
}
