using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Revenue;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Revenue;

[Authorize(Policy = Policies.Oversee)]
public class StatementModel(StatementService revenue, TimeProvider clock) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public StatementDto Statement { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    [BindProperty] public DateOnly? PaidOn { get; set; }
    [BindProperty] public string? Reference { get; set; }

    async Task LoadAsync()
    {
        Statement = await revenue.GetStatementAsync(Id, true, HttpContext.RequestAborted);
        CanManage = await AllowedAsync(Policies.Manage);
    }

    public Task OnGetAsync() => LoadAsync();

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostPaidAsync()
    {
        if (await TryAsync(() => revenue.MarkPaidAsync(Id, new(PaidOn, Reference), HttpContext.RequestAborted)))
        {
            Flash($"Marked paid on {PaidOn:yyyy-MM-dd}.");
            return Redirect($"/Revenue/Statement/{Id}");
        }
        await LoadAsync();
        return Page();
    }
}
