using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.AccountMapping;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.AccountMapping;

/// <summary>One cell's overlapping accounts (where the other side shares them), a page at a time, with why each matched; a lead from any of them.</summary>
public class OverlapModel(AccountMappingService mapping, OverlapReferrals referrals) : WarmglowPage
{
    protected override string InputPrefix => "";
    [BindProperty(SupportsGet = true)] public int PartnershipId { get; set; }
    [BindProperty(SupportsGet = true)] public int Ours { get; set; }
    [BindProperty(SupportsGet = true)] public int Theirs { get; set; }
    public Paged<OverlapRow> Result { get; private set; } = null!;
    public MatrixDto Matrix { get; private set; } = null!;
    public bool CanRefer { get; private set; }

    public virtual string Base => "/AccountMapping/Overlap";
    public string ExportLink => $"/api/account-mapping/partnerships/{PartnershipId}/overlap.csv?ourPopulationId={Ours}&partnerPopulationId={Theirs}";
    public string OurName => Matrix.Ours.First(p => p.Id == Ours).Name;
    public string TheirName => Matrix.Partners.First(p => p.Id == Theirs).Name;

    async Task LoadAsync(int? page)
    {
        var ct = HttpContext.RequestAborted;
        var caller = MappingCaller.From(User);
        Result = await mapping.OverlapAsync(PartnershipId, Ours, Theirs, page, null, caller, ct);
        Matrix = await mapping.MatrixAsync(PartnershipId, caller, ct);
        CanRefer = caller.IsPartner || await AllowedAsync(Policies.Manage);
    }

    public Task OnGetAsync([FromQuery(Name = "page")] int? page) => LoadAsync(page);

    public async Task<IActionResult> OnPostReferAsync(long recordId)
    {
        var caller = MappingCaller.From(User);
        // Partner users register for themselves; among our staff only managers may (the Referrals service refuses the others).
        Features.Referrals.RegistrationDto? created = null;
        if (await TryAsync(async () => created = await referrals.ReferAsync(PartnershipId, new ReferInput(Ours, Theirs, recordId, null), caller, HttpContext.RequestAborted)))
        {
            Flash(created!.ConflictOpen ? $"Registered {created.CompanyName} as a lead; it matches another registration, to be decided."
                : $"Registered {created.CompanyName} as a lead.");
            return Redirect($"{Base}?PartnershipId={PartnershipId}&Ours={Ours}&Theirs={Theirs}");
        }
        await LoadAsync(null);
        return Page();
    }
}
