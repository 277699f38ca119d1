using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Infrastructure;

/// <summary>Until an admin exists, every page leads to /Setup (no default password is ever baked in).</summary>
public sealed class FirstRunMiddleware(RequestDelegate next)
{
    volatile bool _setUp;

    public async Task InvokeAsync(HttpContext http, UserService users)
    {
        var path = http.Request.Path;
        if (!_setUp && !path.StartsWithSegments("/Setup") && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/openapi") && !path.StartsWithSegments("/healthz")
            && !path.StartsWithSegments("/lib") && !path.StartsWithSegments("/css") && !path.StartsWithSegments("/js") && !path.StartsWithSegments("/Error"))
        {
            if (await users.IsSetUpAsync(http.RequestAborted)) _setUp = true;
            else
            {
                http.Response.Redirect("/Setup");
                return;
            }
        }
        await next(http);
    }
}
