using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.AccountMapping;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Pages.AccountMapping;

namespace Warmglow.Web.Pages.Portal.AccountMapping;

/// <summary>The partner user's side of account mapping: the matrix as our rules let them see it, their own lists and their sharing rules.</summary>
[RequestSizeLimit(AccountMappingApi.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AccountMappingApi.MaxUploadBytes)]
public class IndexModel(AccountMappingService mapping, Pickers pickers) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public int? PartnershipId { get; set; }
    [BindProperty] public UploadForm Input { get; set; } = new();
    [BindProperty] public int? RuleOurs { get; set; }
    [BindProperty] public int? RuleTheirs { get; set; }
    [BindProperty] public string? RuleLevel { get; set; }
    public List<(int Id, string Name)> Partnerships { get; private set; } = [];
    public MatrixDto? Matrix { get; private set; }
    public IReadOnlyList<RuleDto> Rules { get; private set; } = [];
    public PreviewDto? Preview { get; private set; }

    MappingCaller Caller => MappingCaller.From(User);
    string Self => $"/Portal/AccountMapping?PartnershipId={PartnershipId}";

    async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Partnerships = await pickers.PartnershipsAsync(null, 200, ct);
        PartnershipId ??= Partnerships.Count > 0 ? Partnerships[0].Id : null;
        if (PartnershipId is { } id)
        {
            Matrix = await mapping.MatrixAsync(id, Caller, ct);
            Rules = await mapping.RulesAsync(id, Caller, ct);
        }
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file)
    {
        ModelState.Clear();
        if (file is null || file.Length == 0 || PartnershipId is null) ModelState.AddModelError("", "Choose a CSV file to preview.");
        else
        {
            await using var stream = file.OpenReadStream();
            await TryAsync(async () => Preview = await mapping.PreviewAsync(PartnershipId.Value, stream, Input.ToInput(), HttpContext.RequestAborted));
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        ModelState.Clear();
        if (file is null || file.Length == 0 || PartnershipId is null) ModelState.AddModelError("", "Choose a CSV file to import.");
        else
        {
            await using var stream = file.OpenReadStream();
            PopulationDto? created = null;
            if (await TryAsync(async () => created = await mapping.CreateAsync(PartnershipId.Value, stream, Input.ToInput(), Caller, HttpContext.RequestAborted)))
            {
                Flash($"Imported \"{created!.Name}\": {Core.Text.Labels.Count(created.RecordCount, "account")}.");
                return Redirect(Self);
            }
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRuleAsync()
    {
        ModelState.Clear();
        if (PartnershipId is { } id && await TryAsync(() => mapping.SetRuleAsync(id, new RuleInput(RuleOurs, RuleTheirs, RuleLevel), Caller, HttpContext.RequestAborted)))
        {
            Flash("Sharing rule saved.");
            return Redirect(Self);
        }
        await LoadAsync();
        return Page();
    }
}
