using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Mapping;
using Warmglow.Web.Features.AccountMapping;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.AccountMapping;

/// <summary>One partnership's account mapping: the matrix, our lists (upload, preview, replace, delete) and our sharing rules.</summary>
[RequestSizeLimit(AccountMappingApi.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AccountMappingApi.MaxUploadBytes)]
public class PartnershipModel(AccountMappingService mapping) : WarmglowPage
{
    [BindProperty] public UploadForm Input { get; set; } = new();
    public MatrixDto Matrix { get; private set; } = null!;
    public IReadOnlyList<RuleDto> Rules { get; private set; } = [];
    public PreviewDto? Preview { get; private set; }
    public bool CanManage { get; private set; }

    [BindProperty] public int? RuleOurs { get; set; }
    [BindProperty] public int? RuleTheirs { get; set; }
    [BindProperty] public string? RuleLevel { get; set; }

    MappingCaller Caller => MappingCaller.From(User);

    async Task LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        Matrix = await mapping.MatrixAsync(id, Caller, ct);
        Rules = await mapping.RulesAsync(id, Caller, ct);
        CanManage = await AllowedAsync(Policies.Manage);
    }

    public string PopulationName(int id, MappingSide side) => id == 0
        ? side == MappingSide.Ours ? "any of our lists" : "any of the partner's lists"
        : Matrix.Ours.Concat(Matrix.Partners).FirstOrDefault(p => p.Id == id)?.Name ?? "a list not shown";

    public async Task OnGetAsync(int id) => await LoadAsync(id);

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostPreviewAsync(int id, IFormFile? file)
    {
        ModelState.Clear();
        if (file is null || file.Length == 0) ModelState.AddModelError("", "Choose a CSV file to preview.");
        else
        {
            await using var stream = file.OpenReadStream();
            await TryAsync(async () => Preview = await mapping.PreviewAsync(id, stream, Input.ToInput(), HttpContext.RequestAborted));
        }
        await LoadAsync(id);
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file)
    {
        ModelState.Clear();
        if (file is null || file.Length == 0) ModelState.AddModelError("", "Choose a CSV file to import.");
        else
        {
            await using var stream = file.OpenReadStream();
            PopulationDto? created = null;
            if (await TryAsync(async () => created = await mapping.CreateAsync(id, stream, Input.ToInput(), Caller, HttpContext.RequestAborted)))
            {
                Flash($"Imported \"{created!.Name}\": {Core.Text.Labels.Count(created.RecordCount, "account")}" +
                    (created.DuplicatesMerged > 0 ? $", {Core.Text.Labels.Count(created.DuplicatesMerged, "duplicate row")} merged." : "."));
                return Redirect($"/AccountMapping/Partnership/{id}");
            }
        }
        await LoadAsync(id);
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostReplaceAsync(int id, int populationId, IFormFile? file)
    {
        ModelState.Clear();
        if (file is null || file.Length == 0) ModelState.AddModelError("", "Choose a CSV file to replace the list with.");
        else
        {
            await using var stream = file.OpenReadStream();
            if (await TryAsync(() => mapping.ReplaceAsync(populationId, stream, new UploadInput(null, null), Caller, HttpContext.RequestAborted)))
            {
                Flash("The list was replaced.");
                return Redirect($"/AccountMapping/Partnership/{id}");
            }
        }
        await LoadAsync(id);
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostDeleteAsync(int id, int populationId)
    {
        await mapping.DeleteAsync(populationId, Caller, HttpContext.RequestAborted);
        Flash("The list was deleted.");
        return Redirect($"/AccountMapping/Partnership/{id}");
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostRuleAsync(int id)
    {
        ModelState.Clear();
        if (await TryAsync(() => mapping.SetRuleAsync(id, new RuleInput(RuleOurs, RuleTheirs, RuleLevel), Caller, HttpContext.RequestAborted)))
        {
            Flash("Sharing rule saved.");
            return Redirect($"/AccountMapping/Partnership/{id}");
        }
        await LoadAsync(id);
        return Page();
    }
}
