using System.Net;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Tests;

/// <summary>The partnership page shows each gated move with what it still needs, before anyone submits it.</summary>
public sealed class GatedMovesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task AGatedMove_IsShownWithWhatItNeeds_AndOpensOnceDone()
    {
        var ws = await app.CreateWorkspaceAsync("Gates");
        var manager = await ws.As(Roles.Manager);
        var (id, _) = await manager.NewPartnershipAsync("Gatekeeper");
        var p = await (await manager.GetAsync($"/api/partnerships/{id}")).Read<PartnershipDto>();
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson($"/api/partnerships/{id}/transitions", new { to = "Research", reason = "Worth a look", version = p.Version })).StatusCode);

        var html = await manager.GetStringAsync($"/Partnerships/{id}");
        Assert.Contains("Not open yet", html);
        Assert.Contains("needs desk research marked done", html);
        Assert.DoesNotContain("<option value=\"IntroCall\"", html); // not offered, so never refused after submit
        Assert.Contains("<option value=\"OnHold\"", html);          // ungated moves stay open

        // An evaluator (who cannot move) sees the same rule.
        Assert.Contains("needs desk research marked done", await (await ws.As(Roles.Evaluator)).GetStringAsync($"/Partnerships/{id}"));

        Assert.Equal(HttpStatusCode.OK, (await manager.PutJson($"/api/partnerships/{id}/vetting/steps/DeskResearch", new { done = true })).StatusCode);
        html = await manager.GetStringAsync($"/Partnerships/{id}");
        Assert.Contains("<option value=\"IntroCall\"", html);
        Assert.DoesNotContain("Not open yet", html);
    }
}
