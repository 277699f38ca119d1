using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Revenue;

/// <summary>The Revenue module's services, page authorization and API, wired by Program.cs in one line each.</summary>
public static class RevenueModule
{
    /// <summary>Who may read revenue: admins, managers, executives, and partner users (their own issued statements; the DbContext filters).</summary>
    public const string ReadPolicy = "revenue-read";

    public static IServiceCollection AddRevenue(this IServiceCollection services)
    {
        services.AddScoped<RevenueService>();
        services.AddScoped<IInfluencedRevenueSource, LedgerInfluencedRevenue>();
        services.AddScoped<IDemoContributor, RevenueDemo>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Executive, Roles.Partner));
        return services;
    }

    public static IEndpointRouteBuilder MapRevenueApi(this IEndpointRouteBuilder app)
    {
        app.MapRevenueEndpoints();
        return app;
    }
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
