using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Warmglow.Web.Features.Users;

public sealed record TokenRequest(string? Email, string? Password);

public static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        // Bearer tokens for API clients (ASP.NET Core Identity's bearer token handler).
        app.MapPost("/api/auth/token", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (TokenRequest request, SignInManager<AppUser> signIn) =>
        {
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(request.Email ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded) return TypedResults.Empty; // the handler has written { tokenType, accessToken, expiresIn, refreshToken }
            return TypedResults.Problem(result.IsLockedOut ? "Too many failed attempts; try again in a few minutes." : "E-mail or password is wrong.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }).WithTags("Auth").AllowAnonymous().Produces<AccessTokenResponse>()
          .WithSummary("Exchange e-mail and password for a bearer token (send it as 'Authorization: Bearer …')");

        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        group.MapGet("/", (UserService s, int? page, int? pageSize, CancellationToken ct) => s.ListAsync(page, pageSize, ct));
        group.MapGet("/{id}", (string id, UserService s, CancellationToken ct) => s.GetAsync(id, ct));
        group.MapPost("/", async (InviteInput input, UserService s, HttpRequest req, CancellationToken ct) =>
            TypedResults.Created($"/api/users", await s.InviteAsync(input, $"{req.Scheme}://{req.Host}", ct)))
            .WithSummary("Invite a user: returns a one-time link for them to choose a password");
        group.MapPut("/{id}/roles", (string id, RolesInput input, UserService s, CancellationToken ct) => s.SetRolesAsync(id, input, ct));

        app.MapGet("/api/me", (HttpContext http) => new
        {
            Name = http.User.FindFirst(WarmglowClaims.DisplayName)?.Value,
            Email = http.User.Identity?.Name,
            Workspace = http.User.FindFirst(WarmglowClaims.Workspace)?.Value,
            Roles = http.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToList(),
        }).WithTags("Auth").RequireAuthorization(Policies.Member);
    }
}
