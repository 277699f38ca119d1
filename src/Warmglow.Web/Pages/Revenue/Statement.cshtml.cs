using Microsoft.AspNetCore.Authorization;
using Warmglow.Web.Features.Revenue;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Revenue;

[Authorize(Policy = Policies.Oversee)]
public class StatementModel(StatementService revenue) : WarmglowPage
{
    public StatementDto Statement { get; private set; } = null!;

    public async Task OnGetAsync(int id, CancellationToken ct) => Statement = await revenue.GetStatementAsync(id, true, ct);
}
