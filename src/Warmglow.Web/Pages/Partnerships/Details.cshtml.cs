using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Partnerships;

public class DetailsModel(PartnershipService partnerships, IAuthorizationService auth) : WarmglowPage
{
    public sealed class MoveForm
    {
        public PartnershipStage? To { get; set; }
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public MoveForm Move { get; set; } = new();
    public PartnershipDto Partnership { get; private set; } = null!;
    protected override string InputPrefix => "Move";

    public async Task OnGetAsync() => Partnership = await partnerships.GetAsync(Id);

    public async Task<IActionResult> OnPostMoveAsync()
    {
        if (!(await auth.AuthorizeAsync(User, Policies.Manage)).Succeeded) return Forbid();
        if (await TryAsync(() => partnerships.MoveAsync(Id, new MoveInput(Move.To, Move.Reason, Move.Version))))
        {
            Flash($"Moved to {StageNames.Display(Move.To!.Value)}.");
            return Redirect($"/Partnerships/{Id}");
        }
        Partnership = await partnerships.GetAsync(Id);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (!(await auth.AuthorizeAsync(User, Policies.Manage)).Succeeded) return Forbid();
        await partnerships.DeleteAsync(Id);
        Flash("Partnership deleted.");
        return Redirect("/Partnerships");
    }
}
