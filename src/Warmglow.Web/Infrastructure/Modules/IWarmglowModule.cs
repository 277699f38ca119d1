using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Warmglow.Web.Infrastructure.Modules;

/// <summary>
/// One part of Warmglow (docs/decisions/0012). A module owns everything it adds: its services and API, who may open its
/// page folders, its navigation, its sections on the partnership page and the partner portal (registered as
/// <see cref="IPartnershipSection"/> / <see cref="IPortalSection"/> services), what a new workspace starts with
/// (<see cref="IWorkspaceSeeder"/>), its recurring work (<see cref="IRecurringJob"/>), its data model (entity
/// configurations plus a <c>[ModelPart]</c> method in its partial <c>WarmglowDb.&lt;Module&gt;.cs</c>) and its demo data
/// (<c>IDemoContributor</c>). Program.cs holds the one ordered list of modules.
/// </summary>
public interface IWarmglowModule
{
    /// <summary>Services, signals, sections, seeders, jobs and demo contributors.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Who may open the module's page folders and pages.</summary>
    void AuthorizePages(PageConventionCollection pages) { }

    /// <summary>The module's entries in the main navigation and the account menu.</summary>
    IEnumerable<NavItem> Navigation => [];

    /// <summary>The module's API routes.</summary>
    void MapEndpoints(IEndpointRouteBuilder app) { }
}

/// <summary>Where a navigation entry shows.</summary>
public enum NavArea { Main, Account }

/// <summary>Who a navigation entry is for: staff, partner users, or both. <see cref="NavItem.Policy"/> narrows it further.</summary>
public enum NavAudience { Staff, Partner, Everyone }

/// <summary>
/// One navigation entry. It shows only to users the <paramref name="Policy"/> admits, so a link is never offered to
/// someone its page refuses. <paramref name="Section"/> is the value pages set in ViewData["Section"] to mark it current.
/// Main entries of the same <paramref name="Group"/> (one of <see cref="NavGroups"/>) share one menu in the top row, placed
/// where its first entry would be, so the row stays one line however many modules there are.
/// </summary>
public sealed record NavItem(string Section, string Label, string Href, int Order, string Policy,
    NavAudience Audience = NavAudience.Staff, NavArea Area = NavArea.Main, string? Group = null);

/// <summary>The menus of the top row. A module puts its main entry in the one its users would look in.</summary>
public static class NavGroups
{
    /// <summary>Who we work with: partners, partnerships, how we find and vet them.</summary>
    public const string Partners = "Partners";
    /// <summary>The work done together: agreements, referrals, governance, initiatives, funds, account mapping.</summary>
    public const string Together = "Work together";
    /// <summary>What it yields: revenue, the portfolio, health and surveys.</summary>
    public const string Results = "Results";
}

public static class ModuleRegistration
{
    /// <summary>Registers every module's services, page authorization and navigation, in the list's order.</summary>
    public static IServiceCollection AddModules(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<IWarmglowModule> modules)
    {
        services.AddSingleton(modules);
        foreach (var module in modules) module.AddServices(services, configuration);
        services.AddSingleton(new Navigation(modules.SelectMany(m => m.Navigation).Append(JobsApi.Nav).OrderBy(n => n.Order).ToList()));
        services.AddScoped<JobRunner>();
        services.AddScoped<JobsService>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        // PostConfigure: Razor Pages creates its convention collection in its own setup, which runs after plain Configure calls.
        services.PostConfigure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
        {
            foreach (var module in modules) module.AuthorizePages(o.Conventions);
        });
        return services;
    }

    /// <summary>Maps every module's API, in the list's order.</summary>
    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder app, IReadOnlyList<IWarmglowModule> modules)
    {
        foreach (var module in modules) module.MapEndpoints(app);
        app.MapJobEndpoints(); // the one scheduler's jobs (shared infrastructure, not a module)
        return app;
    }
}

/// <summary>Every module's navigation entries, ordered.</summary>
public sealed class Navigation(IReadOnlyList<NavItem> items)
{
    public IReadOnlyList<NavItem> Items { get; } = items;
}
