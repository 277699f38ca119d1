using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Audit;

/// <summary>The audit log: every change, who, when, before → after. The whole log lives under /Admin (admins only); one record's own history under /History (our people).</summary>
public sealed class AuditModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<AuditService>();

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/History", Policies.Internal);

    public IEnumerable<NavItem> Navigation => [new("audit", "Audit log", "/Admin/Audit", 930, Policies.Admin, Area: NavArea.Account)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapAuditApi();
}
