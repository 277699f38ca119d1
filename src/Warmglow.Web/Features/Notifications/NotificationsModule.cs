using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Notifications;

/// <summary>Notifications: the one service every module raises events into, and each person's inbox (decision 0021).</summary>
public sealed class NotificationsModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<NotificationService>();
        services.AddScoped<INotifier>(sp => sp.GetRequiredService<NotificationService>());
        services.AddScoped<NotificationMail>();
        services.AddSingleton<IRecurringJob, NotificationMailJob>();
        services.AddScoped<Demo.IDemoContributor, NotificationsDemo>();
    }

    // Staff and partner users alike: everyone reads their own inbox (the service reads only the signed-in person's rows).
    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/Notifications", Policies.Member);

    // The inbox link sits in the layout's header with its unread count (NotificationBell), not in a nav row.
    public IEnumerable<NavItem> Navigation => [];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapNotificationsApi();
}

/// <summary>The header's inbox link with the number of unread notices.</summary>
public sealed class NotificationBellViewComponent(NotificationService notifications) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await notifications.UnreadCountAsync());
}
