using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Infrastructure;
using Warmglow.Web.Features.Signals;
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

/// <summary>A host with one extra <see cref="IStageMoveRule"/>, the seam modules use to gate moves and start work on them.</summary>
public sealed class MoveRuleApp : TestApp
{
    readonly string _path = Path.Combine(Path.GetTempPath(), $"warmglow-test-{Guid.NewGuid():N}.db");
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override string ConnectionString => $"Data Source={_path}";
    public TestRule Rule { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IStageMoveRule>(Rule));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" }) File.Delete(f);
    }

    /// <summary>Refuses moves into the stages in <see cref="Refuse"/>; records every landed move; throws on <see cref="FailOn"/>.</summary>
    public sealed class TestRule : IStageMoveRule
    {
        public ConcurrentDictionary<PartnershipStage, string> Refuse { get; } = new();
        public ConcurrentBag<(int Id, PartnershipStage From, PartnershipStage To)> Moved { get; } = [];
        public PartnershipStage? FailOn { get; set; }

        public Task<string?> NeedsAsync(int partnershipId, PartnershipStage from, PartnershipStage to, CancellationToken ct) =>
            Task.FromResult(Refuse.TryGetValue(to, out var needs) ? needs : null);

        public Task OnMovedAsync(int partnershipId, PartnershipStage from, PartnershipStage to, CancellationToken ct)
        {
            if (to == FailOn) throw new InvalidOperationException("the rule's own work failed");
            Moved.Add((partnershipId, from, to));
            return Task.CompletedTask;
        }
    }
}

public sealed class StageMoveRuleTests(MoveRuleApp app) : IClassFixture<MoveRuleApp>
{
    [Fact]
    public async Task AModuleRule_IsShownBeforeTheMove_RefusesItWithTheSameWords_AndRunsInsideTheMove()
    {
        var ws = await app.CreateWorkspaceAsync("Rules");
        var manager = await ws.As(Roles.Manager);
        var (id, _) = await manager.NewPartnershipAsync("Ruled");
        app.Rule.Refuse[PartnershipStage.Research] = "The rule wants a welcome kit first.";

        var html = await manager.GetStringAsync($"/Partnerships/{id}");
        Assert.Contains("The rule wants a welcome kit first.", html);
        Assert.DoesNotContain("<option value=\"Research\"", html);
        var p = await (await manager.GetAsync($"/api/partnerships/{id}")).Read<PartnershipDto>();
        var refused = await manager.PostJson($"/api/partnerships/{id}/transitions", new { to = "Research", reason = "Go", version = p.Version });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The rule wants a welcome kit first.", await refused.Content.ReadAsStringAsync());

        app.Rule.Refuse.Clear();
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson($"/api/partnerships/{id}/transitions", new { to = "Research", reason = "Go", version = p.Version })).StatusCode);
        Assert.Contains((id, PartnershipStage.Prospect, PartnershipStage.Research), app.Rule.Moved);

        // The rule's work fails: the move does not land either (one transaction).
        app.Rule.FailOn = PartnershipStage.OnHold;
        p = await (await manager.GetAsync($"/api/partnerships/{id}")).Read<PartnershipDto>();
        try { await manager.PostJson($"/api/partnerships/{id}/transitions", new { to = "OnHold", reason = "Pause", version = p.Version }); }
        catch (InvalidOperationException) { } // the in-process test server may rethrow
        app.Rule.FailOn = null;
        var after = await (await manager.GetAsync($"/api/partnerships/{id}")).Read<PartnershipDto>();
        Assert.Equal(PartnershipStage.Research, after.Stage);
        Assert.DoesNotContain(after.History, t => t.To == PartnershipStage.OnHold);
    }
}
