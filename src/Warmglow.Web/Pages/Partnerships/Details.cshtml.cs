using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Partnerships;

public class DetailsModel(PartnershipService partnerships, Features.Discovery.DiscoveryService discovery) : WarmglowPage
{
    public sealed class MoveForm
    {
        public PartnershipStage? To { get; set; }
        public string? Reason { get; set; }
        public int? Version { get; set; }
        public bool ReasonShared { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public MoveForm Move { get; set; } = new();
    public PartnershipDto Partnership { get; private set; } = null!;
    public Features.Discovery.VettingDto Vetting { get; private set; } = null!;
    /// <summary>Allowed moves that still need something, with what (vetting gates and every module's move rules).</summary>
    public IReadOnlyList<(PartnershipStage To, string Needs)> BlockedMoves { get; private set; } = [];
    protected override string InputPrefix => "Move";

    public Task OnGetAsync() => LoadAsync();

    async Task LoadAsync()
    {
        Partnership = await partnerships.GetAsync(Id);
        Vetting = await discovery.VettingAsync(Id, User);
        BlockedMoves = await partnerships.BlockedMovesAsync(Partnership);
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostStepAsync(Warmglow.Core.Scoring.VettingStep step, bool? done, string? notes)
    {
        if (await TryAsync(() => discovery.SetStepAsync(Id, step, new Features.Discovery.StepInput(done, notes))))
        {
            Flash($"{Features.Discovery.DiscoveryService.StepName(step)}: {(done == true ? "done" : "reopened")}.");
            return Redirect($"/Partnerships/{Id}#vetting");
        }
        await LoadAsync();
        return Page();
    }

    [RequirePolicy(Policies.Approve)]
    public async Task<IActionResult> OnPostDecideAsync(bool? go, string? reasons)
    {
        if (await TryAsync(() => discovery.DecideAsync(Id, new Features.Discovery.DecisionInput(go, reasons))))
        {
            Flash(go == true ? "Go decision recorded." : "No-go decision recorded.");
            return Redirect($"/Partnerships/{Id}#vetting");
        }
        await LoadAsync();
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostMoveAsync()
    {
        if (await TryAsync(() => partnerships.MoveAsync(Id, new MoveInput(Move.To, Move.Reason, Move.Version, Move.ReasonShared))))
        {
            Flash($"Moved to {StageNames.Display(Move.To!.Value)}.");
            return Redirect($"/Partnerships/{Id}");
        }
        await LoadAsync();
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostDeleteAsync()
    {
        await partnerships.DeleteAsync(Id);
        Flash("Partnership deleted.");
        return Redirect("/Partnerships");
    }
}
