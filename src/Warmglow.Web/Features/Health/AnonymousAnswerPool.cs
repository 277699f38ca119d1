using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Measurement;
using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Health;

/// <summary>One pending anonymous response: its answers (no id, no author, no time) and, in memory only, whose flag to undo.</summary>
public sealed record PendingResponse(int RecipientId, IReadOnlyList<PendingAnswer> Answers);
public sealed record PendingAnswer(string QuestionKey, QuestionKind Kind, string? Dimension, int? Score, string? Text);

/// <summary>
/// Anonymous responses wait here, in memory and never in the database, until at least
/// <see cref="SurveyAggregation.MinimumResponses"/> of the same round can be released together (or the round closes).
/// The "has answered" flag is committed on its own when someone answers; answers reach the database only in a batch
/// of several people's, shuffled, so neither a commit, a WAL frame, a page nor a backup ties one answer to one flag
/// (docs/decisions/0010, "Threat model"). Single process by design: Warmglow runs as one app instance.
/// </summary>
public sealed class AnonymousAnswerPool
{
    readonly Lock _gate = new();

    /// <summary>Serializes releases (each rewrites a round's stored answers).</summary>
    public SemaphoreSlim ReleaseGate { get; } = new(1, 1);
    readonly Dictionary<(int Workspace, int Round), List<PendingResponse>> _pending = [];

    public void Add(int workspaceId, int roundId, PendingResponse response)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue((workspaceId, roundId), out var list)) _pending[(workspaceId, roundId)] = list = [];
            list.Add(response);
        }
    }

    /// <summary>All of the round's pending responses when there are at least <paramref name="minimum"/>; otherwise none (and they stay).</summary>
    public IReadOnlyList<PendingResponse> TakeBatch(int workspaceId, int roundId, int minimum)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue((workspaceId, roundId), out var list) || list.Count < minimum) return [];
            _pending.Remove((workspaceId, roundId));
            return list;
        }
    }

    public IReadOnlyList<PendingResponse> TakeAll(int workspaceId, int roundId) => TakeBatch(workspaceId, roundId, 0);

    /// <summary>Puts responses back (a release that failed to commit): nothing is lost and nothing was written.</summary>
    public void Return(int workspaceId, int roundId, IReadOnlyList<PendingResponse> responses)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue((workspaceId, roundId), out var list)) _pending[(workspaceId, roundId)] = list = [];
            list.InsertRange(0, responses);
        }
    }

    public int Count(int workspaceId, int roundId)
    {
        lock (_gate) return _pending.TryGetValue((workspaceId, roundId), out var list) ? list.Count : 0;
    }

    /// <summary>Everything pending, emptied (shutdown).</summary>
    public IReadOnlyList<(int Workspace, int Round, PendingResponse Response)> Drain()
    {
        lock (_gate)
        {
            var all = _pending.SelectMany(kv => kv.Value.Select(r => (kv.Key.Workspace, kv.Key.Round, r))).ToList();
            _pending.Clear();
            return all;
        }
    }
}

/// <summary>
/// On a clean shutdown, responses still pending are not written (a batch below the minimum would link them): their
/// people's "has answered" flags are reset instead, so they can answer again after the restart. A crash cannot do this;
/// then those (at most two per round) responses are lost and their people count as having answered (0010).
/// </summary>
public sealed class AnonymousAnswerPoolShutdown(AnonymousAnswerPool pool, IServiceScopeFactory scopes, ILogger<AnonymousAnswerPoolShutdown> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var pending = pool.Drain();
        if (pending.Count == 0) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
            var ids = pending.Select(p => p.Response.RecipientId).ToList();
            await db.SurveyRecipients.IgnoreQueryFilters().Where(r => ids.Contains(r.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Responded, false), cancellationToken);
            log.LogInformation("{Count} pending anonymous survey responses were not stored; their people may answer again.", pending.Count);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not reset the flags of {Count} pending anonymous survey responses.", pending.Count);
        }
    }
}
