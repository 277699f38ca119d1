using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Accounts;

public sealed record EmailInput(string? Email);
public sealed record TokenPasswordInput(string? Token, string? Password);
public sealed record AcceptedInvitation(string UserId, string Email, int WorkspaceId);

public static class AccountsApi
{
    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api").WithTags("Auth").AllowAnonymous();
        auth.MapPost("/invitations/accept", async (TokenPasswordInput input, UserService people, CancellationToken ct) =>
        {
            var (user, ws) = await people.AcceptInvitationAsync(input.Token, input.Password, ct);
            return new AcceptedInvitation(user.Id, user.Email!, ws);
        }).WithSummary("Accept an invitation with its token and a first password; then request a token with POST /api/auth/token");
        auth.MapPost("/auth/forgot", async (EmailInput input, AccountService accounts, CancellationToken ct) =>
        {
            await accounts.ForgotPasswordAsync(input.Email, ct);
            return TypedResults.Accepted((string?)null, new { detail = "If the address belongs to an account, a reset link is on its way." });
        }).WithSummary("Mail a one-time password reset link (needs SMTP; answers the same whether or not the address is known)");
        auth.MapPost("/auth/reset", async (TokenPasswordInput input, UserService people, CancellationToken ct) =>
        {
            await people.ResetPasswordAsync(input.Token, input.Password, ct);
            return TypedResults.NoContent();
        }).WithSummary("Choose a new password with a one-time reset link's token; every earlier sign-in and token stops working");

        var me = app.MapGroup("/api/me").WithTags("Auth").RequireAuthorization(Policies.Member);
        me.MapGet("/workspaces", (AccountService accounts, CancellationToken ct) => accounts.WorkspacesAsync(ct))
            .WithSummary("The workspaces you belong to; request a token for one with POST /api/auth/token {workspaceId}");
        me.MapPost("/password", async (PasswordChange input, AccountService accounts, CancellationToken ct) =>
        {
            await accounts.ChangePasswordAsync(input, ct);
            return TypedResults.NoContent();
        }).WithSummary("Change your password; every earlier sign-in and token stops working");
        me.MapGet("/api-keys", (AccountService accounts, CancellationToken ct) => accounts.ApiKeysAsync(ct))
            .WithSummary("Your personal API keys in this workspace (never the keys themselves)");
        me.MapPost("/api-keys", async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> (ApiKeyInput input, AccountService accounts, HttpContext http, CancellationToken ct) =>
        {
            if (http.User.HasClaim(c => c.Type == WarmglowClaims.ApiKey))
                return TypedResults.Problem("An API key cannot create API keys; sign in as yourself.", statusCode: 403, title: "Forbidden");
            var roles = http.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToList();
            var created = await accounts.CreateApiKeyAsync(input, roles, ct);
            return TypedResults.Created($"/api/me/api-keys/{created.ApiKey.Id}", created);
        }).WithSummary("Create a personal API key (shown once) with a role no higher than yours; send it as 'Authorization: Bearer wg_…'");
        me.MapDelete("/api-keys/{id:int}", async (int id, AccountService accounts, CancellationToken ct) =>
        {
            await accounts.RevokeApiKeyAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Revoke one of your API keys");

        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        users.MapDelete("/{id}", async (string id, UserService people, CancellationToken ct) =>
        {
            await people.RemoveAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Remove someone from this workspace (their sign-ins and API keys stop working here at once)");
        users.MapPost("/{id}/invitation", (string id, UserService people, HttpRequest req, CancellationToken ct) =>
            people.ResendInvitationAsync(id, req.LinkBase(), ct))
            .WithSummary("Send the invitation again: a new one-time link (7 days); the old one stops working");
        users.MapDelete("/{id}/invitation", async (string id, UserService people, CancellationToken ct) =>
        {
            await people.RevokeInvitationAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Withdraw a pending invitation");
        users.MapPost("/{id}/password-reset", (string id, UserService people, HttpRequest req, CancellationToken ct) =>
            people.IssueResetLinkAsync(id, req.LinkBase(), ct))
            .WithSummary("A one-time password reset link (24 hours) to hand to the person, for when e-mail is not set up");

        var workspaces = app.MapGroup("/api/workspaces").WithTags("Workspaces").RequireAuthorization(Policies.Owner);
        workspaces.MapGet("/", (AccountService accounts, CancellationToken ct) => accounts.AllWorkspacesAsync(ct))
            .WithSummary("Every workspace of this deployment (deployment owner)");
        workspaces.MapPost("/", async (NewWorkspaceInput input, AccountService accounts, HttpRequest req, CancellationToken ct) =>
        {
            var created = await accounts.CreateWorkspaceAsync(input, req.LinkBase(), ct);
            return TypedResults.Created($"/api/workspaces/{created.Workspace.Id}", created);
        }).WithSummary("Create a workspace and invite its first admin (deployment owner)");
    }
}
