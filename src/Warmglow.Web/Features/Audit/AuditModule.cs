using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Audit;

/// <summary>The audit log: every change, who, when, before → after. Its page lives under /Admin (admins only).</summary>
public sealed class AuditModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<AuditService>();

    public IEnumerable<NavItem> Navigation => [new("audit", "Audit log", "/Admin/Audit", 930, Policies.Admin, Area: NavArea.Account)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapAuditApi();
}
