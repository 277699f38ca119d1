using Warmglow.Core.Measurement;
using Warmglow.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Reports;

/// <summary>A printed report: what it is about, the quarter, when it was made and every module's section in order.</summary>
public sealed record Report(string Title, string Subject, string Quarter, DateOnly From, DateOnly To, DateTime GeneratedAt, string GeneratedBy,
    IReadOnlyList<ReportSection> Sections, int? PartnershipId = null)
{
    public Report(string title, string subject, Quarter q, DateTime generatedAt, string generatedBy, IReadOnlyList<ReportSection> sections, int? partnershipId = null)
        : this(title, subject, q.Label, q.Start, q.End, generatedAt, generatedBy, sections, partnershipId) { }
}

/// <summary>
/// Collects the report sections the modules provide (<see cref="IPartnershipReportSource"/>,
/// <see cref="IPortfolioReportSource"/>) into a quarterly business review pack for one partnership or the executives'
/// portfolio report. Knows nothing of the modules' tables: each section is its module's own reading and wording.
/// </summary>
public sealed class ReportService(WarmglowDb db, IEnumerable<IPartnershipReportSource> partnershipSources,
    IEnumerable<IPortfolioReportSource> portfolioSources, TimeProvider clock)
{
    /// <summary>The quarter asked for, or the current one; an unreadable quarter is a field error.</summary>
    public Quarter QuarterOf(string? quarter)
    {
        if (string.IsNullOrWhiteSpace(quarter)) return Quarter.Of(clock.GetUtcNow().UtcDateTime);
        return ReportQuarters.TryRead(quarter, out var q) ? q : throw ValidationFailed.For("quarter", "must be a quarter such as 2026-Q3.");
    }

    /// <summary>The last eight quarters up to the current one, newest first (the quarter picker).</summary>
    public IReadOnlyList<Quarter> RecentQuarters() => Quarter.Of(clock.GetUtcNow().UtcDateTime).Trailing(8).Reverse().ToList();

    public async Task<Report> PartnershipAsync(int partnershipId, string? quarter, CancellationToken ct = default)
    {
        var q = QuarterOf(quarter);
        var name = await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId).Select(p => p.Name).FirstOrDefaultAsync(ct)
                   ?? throw new NotFound("Partnership");
        var sections = new List<ReportSection>();
        // One source at a time: they share this request's DbContext.
        foreach (var source in partnershipSources)
            if (await source.PartnershipSectionAsync(partnershipId, q, ct) is { } s) sections.Add(s);
        return new($"Quarterly business review · {q.Name()}", name, q, clock.GetUtcNow().UtcDateTime, db.Tenant.UserName ?? "",
            sections.OrderBy(s => s.Order).ToList(), partnershipId);
    }

    public async Task<Report> PortfolioAsync(string? quarter, CancellationToken ct = default)
    {
        var q = QuarterOf(quarter);
        var workspace = await db.Workspaces.AsNoTracking().Where(w => w.Id == db.Tenant.RequireWorkspace()).Select(w => w.Name).FirstAsync(ct);
        var sections = new List<ReportSection>();
        foreach (var source in portfolioSources)
            if (await source.PortfolioSectionAsync(q, ct) is { } s) sections.Add(s);
        return new($"Portfolio report · {q.Name()}", workspace, q, clock.GetUtcNow().UtcDateTime, db.Tenant.UserName ?? "",
            sections.OrderBy(s => s.Order).ToList());
    }
}
