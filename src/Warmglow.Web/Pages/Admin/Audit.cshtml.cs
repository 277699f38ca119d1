using Microsoft.AspNetCore.Mvc.RazorPages;
using Warmglow.Web.Features.Audit;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Admin;

public class AuditModel(AuditService audit) : PageModel
{
    public AuditQuery Query { get; private set; } = new();
    public Paged<AuditDto> Result { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public List<string> Types { get; private set; } = [];
    public List<string> Actions { get; private set; } = [];

    public async Task OnGetAsync(string? entityType, string? entityId, string? action, string? user, DateTime? from, DateTime? to, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page)
    {
        // Dates are whole UTC days; "to" includes its day.
        Query = new AuditQuery(entityType, entityId, action, user,
            from is { } f ? DateTime.SpecifyKind(f.Date, DateTimeKind.Utc) : null,
            to is { } t ? DateTime.SpecifyKind(t.Date.AddDays(1), DateTimeKind.Utc) : null, page, 50);
        Result = await audit.ListAsync(Query);
        (Types, Actions) = await audit.FacetsAsync();
    }
}
