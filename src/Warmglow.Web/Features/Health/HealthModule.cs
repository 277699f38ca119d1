using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Health;

/// <summary>Health: quarterly surveys (with a truly anonymous mode), the engagement index, alerts and red flags.</summary>
public sealed class HealthModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SurveyService>();
        services.AddSingleton<AnonymousAnswerPool>();
        services.AddHostedService<AnonymousAnswerPoolShutdown>();
        services.AddScoped<HealthService>();
        services.AddScoped<HealthReadModel>();
        services.AddSingleton<Signals.ITimelineSource, SurveyTimeline>();
        services.AddScoped<IHealthSummarySource>(sp => sp.GetRequiredService<HealthReadModel>());
        services.AddScoped<HealthReport>();
        services.AddScoped<IPartnershipReportSource>(sp => sp.GetRequiredService<HealthReport>());
        services.AddScoped<IPortfolioReportSource>(sp => sp.GetRequiredService<HealthReport>());
        services.AddSingleton<HealthJobState>();
        services.AddSingleton<IActivitySource, StageMoveActivity>();
        services.AddSingleton<IActivitySource, EvaluationActivity>();
        services.AddSingleton<IActivitySource, SurveyResponseActivity>();
        services.AddSingleton<IRecurringJob, HealthJob>();
        services.AddScoped<IDemoContributor, HealthDemo>();
        services.AddSection(SectionSlot.PartnershipSide, 400, "HealthSection", Policies.Internal);
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/Surveys", Policies.Member);

    public IEnumerable<NavItem> Navigation =>
    [
        new("surveys", "Surveys", "/Surveys", 90, Policies.Member, NavAudience.Everyone, Group: NavGroups.Results),
    ];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapHealthEndpoints();
}
