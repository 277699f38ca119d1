using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Revenue;

/// <summary>Revenue sharing: terms, the event ledger, statements, the partner's earnings.</summary>
public sealed class RevenueModule : IWarmglowModule
{
    /// <summary>Who may read revenue: admins, managers, executives, and partner users (their own issued statements; the DbContext filters).</summary>
    public const string ReadPolicy = "revenue-read";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RevenueAgreements>();
        services.AddScoped<RevenueTermsService>();
        services.AddScoped<RevenueLedger>();
        services.AddScoped<StatementService>();
        services.AddScoped<RevenueQueries>();
        services.AddSingleton<Signals.ITimelineSource, StatementTimeline>();
        services.AddScoped<IInfluencedRevenueSource, LedgerInfluencedRevenue>();
        services.AddScoped<RevenueReport>();
        services.AddScoped<IPartnershipReportSource>(sp => sp.GetRequiredService<RevenueReport>());
        services.AddScoped<IPortfolioReportSource>(sp => sp.GetRequiredService<RevenueReport>());
        services.AddScoped<IRevenuePosting, LedgerRevenuePosting>();
        services.AddScoped<IDemoContributor, RevenueDemo>();
        services.AddSection(SectionSlot.PartnershipSide, 200, "RevenueLinks", Policies.Oversee);
        services.AddSection(SectionSlot.PortalPage, 200, "RevenueEarnings", Policies.Member);
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Executive, Roles.Partner));
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/Revenue", Policies.Oversee);

    public IEnumerable<NavItem> Navigation => [new("revenue", "Revenue", "/Revenue", 70, Policies.Oversee, Group: NavGroups.Results)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapRevenueEndpoints();
}

/// <summary>Partner-influenced revenue for ROI: every recorded event of the partnership's agreements, refunds negative.</summary>
sealed class LedgerInfluencedRevenue : IInfluencedRevenueSource
{
    public IQueryable<InfluencedRevenue> Query(WarmglowDb db) =>
        // A member initializer rather than the constructor, so consumers can keep composing (Where, GroupBy, Sum) in SQL.
        db.RevenueEvents.Select(e => new InfluencedRevenue
        {
            PartnershipId = e.Agreement!.PartnershipId, Date = e.Date, Currency = e.Currency, Amount = e.Amount,
        });
}

/// <summary>Revenue posted by other modules (a won deal registration) through the ledger's idempotent post.</summary>
sealed class LedgerRevenuePosting(WarmglowDb db, RevenueLedger ledger) : IRevenuePosting
{
    static readonly Core.Agreements.AgreementStatus[] Open = [Core.Agreements.AgreementStatus.Signed, Core.Agreements.AgreementStatus.Active];

    public async Task<IReadOnlyList<RevenueTarget>> TargetsAsync(int partnershipId, CancellationToken ct) =>
        (await db.Agreements.AsNoTracking().Where(a => a.PartnershipId == partnershipId && Open.Contains(a.Status))
            .Select(a => new { a.Id, a.Title, a.Currency, HasTerms = db.RevenueTerms.Any(t => t.AgreementId == a.Id) })
            .OrderByDescending(t => t.HasTerms).ThenBy(t => t.Id).Take(20).ToListAsync(ct))
        .Select(a => new RevenueTarget(a.Id, a.Title, a.Currency, a.HasTerms)).ToList();

    public async Task<RevenuePosted> PostSaleAsync(int partnershipId, int agreementId, string key, decimal amount, string currency, DateOnly date, string source, CancellationToken ct)
    {
        var title = await db.Agreements.AsNoTracking().Where(a => a.Id == agreementId && a.PartnershipId == partnershipId).Select(a => a.Title).FirstOrDefaultAsync(ct)
            ?? throw Infrastructure.ValidationFailed.For("agreementId", "is not an agreement of this partnership.");
        var posted = await ledger.PostAsync(agreementId, new EventInput(key, amount, currency, date, source, RevenueKind.Sale), "referral", ct);
        return new RevenuePosted(posted.Event.Id, agreementId, title, posted.Replay);
    }
}
