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
