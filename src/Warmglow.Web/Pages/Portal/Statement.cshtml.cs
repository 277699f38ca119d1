using Warmglow.Web.Features.Revenue;

namespace Warmglow.Web.Pages.Portal;

/// <summary>A partner user's issued statement, read-only; another partnership's statement is a 404 (DbContext filter).</summary>
public class StatementModel(StatementService revenue) : WarmglowPage
{
    public StatementDto Statement { get; private set; } = null!;

    public async Task OnGetAsync(int id, CancellationToken ct) => Statement = await revenue.GetStatementAsync(id, true, ct);
}
