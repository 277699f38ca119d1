using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Warmglow.Web.Infrastructure;

/// <summary>
/// A page handler stricter than its page (a manager-only form on a page everyone reads): the handler refuses with 403
/// before it runs unless the user meets <see cref="Policy"/>. Razor Pages only honours [Authorize] on the page class.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequirePolicyAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

/// <summary>Applies <see cref="RequirePolicyAttribute"/> to the selected handler (registered once for every page).</summary>
public sealed class RequirePolicyFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var required = context.HandlerMethod?.MethodInfo.GetCustomAttributes(typeof(RequirePolicyAttribute), false).Cast<RequirePolicyAttribute>();
        foreach (var r in required ?? [])
        {
            var auth = context.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
            if (!(await auth.AuthorizeAsync(context.HttpContext.User, r.Policy)).Succeeded)
            {
                context.Result = new ForbidResult();
                return;
            }
        }
        await next();
    }
}
