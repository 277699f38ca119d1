using Microsoft.AspNetCore.Authorization;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Portal;

/// <summary>
/// The partner portal: what a partner user sees of their own partnership(s). The home is one ordered list of
/// <see cref="SectionSlot.PortalPage"/> sections (next actions first, then earnings, goals, meetings, and whatever other
/// modules add); each partnership's card holds the <see cref="SectionSlot.PortalPartnership"/> sections. Also: partner
/// admins (a partner's own users), passwordless sign-in by e-mail link and the person's profile.
/// </summary>
public sealed class PortalModule : IWarmglowModule
{
    /// <summary>Partner users only (staff have no portal home of their own).</summary>
    public const string PartnerPolicy = "partner";
    /// <summary>A partner user who is a partner admin of the partner they belong to now (re-checked per request).</summary>
    public const string PartnerAdminPolicy = "partner-admin";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Demo.IDemoContributor, PortalDemo>();
        services.AddScoped<PortalHomeService>();
        services.AddScoped<PartnerTeamService>();
        services.AddScoped<EmailSignInService>();
        services.AddScoped<ProfileService>();
        services.AddScoped<IPartnerNextActionSource, SurveyNextActions>();
        services.AddScoped<IPartnerNextActionSource, CharterNextActions>();
        services.AddScoped<IAuthorizationHandler, PartnerAdminHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(PartnerPolicy, p => p.RequireClaim(WarmglowClaims.Workspace).RequireClaim(WarmglowClaims.Partner).RequireRole(Roles.Partner))
            .AddPolicy(PartnerAdminPolicy, p => p.RequireClaim(WarmglowClaims.Workspace).RequireClaim(WarmglowClaims.Partner).RequireRole(Roles.Partner)
                .AddRequirements(new PartnerAdminRequirement()));
        services.AddSection(SectionSlot.PortalPage, 10, "PortalNextActions", PartnerPolicy);
        services.AddSection(SectionSlot.PortalPage, 100, "PortalEarnings", PartnerPolicy);
        services.AddSection(SectionSlot.PortalPage, 300, "PortalGoals", PartnerPolicy);
        services.AddSection(SectionSlot.PortalPage, 400, "PortalMeetings", PartnerPolicy);
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Portal", Policies.Member);
        pages.AuthorizePage("/Portal/Team", PartnerAdminPolicy);
        pages.AuthorizePage("/Portal/People", Policies.Manage);
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("portal", "My partnership", "/Portal", 5, Policies.Member, NavAudience.Partner),
        new("team", "Your team", "/Portal/Team", 6, PartnerAdminPolicy, NavAudience.Partner),
        new("portal-users", "Portal users", "/Portal/People", 925, Policies.Manage, NavAudience.Staff, NavArea.Account),
        new("profile", "Profile", "/Me/Profile", 930, Policies.Member, NavAudience.Everyone, NavArea.Account),
    ];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapPortalEndpoints();
}
