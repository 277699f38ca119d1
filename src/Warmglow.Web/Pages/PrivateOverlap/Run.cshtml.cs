using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.PrivateOverlap;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.PrivateOverlap;

/// <summary>One run: who, when, the lists and the count; for a record-level run, which of our accounts were shared.</summary>
public class RunModel(PrivateOverlapService overlap) : WarmglowPage
{
    public RunDto Run { get; private set; } = null!;
    public Paged<MatchDto>? Matches { get; private set; }

    public async Task OnGetAsync(long id, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        Run = await overlap.RunAsync(id, ct);
        if (Run.RecordLevel) Matches = await overlap.MatchesAsync(id, page, ct);
    }
}
