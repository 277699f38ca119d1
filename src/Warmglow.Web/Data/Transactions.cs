using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Warmglow.Web.Data;

/// <summary>
/// The one way to make a unit of work transactional: join the ambient transaction when there is one (the demo load,
/// an import that calls other services), otherwise open one. Only the owner commits and disposes, so a service works
/// the same whether it is called alone or inside a larger transaction.
/// </summary>
public static class Transactions
{
    public static async Task<UnitOfWork> BeginOrJoinTransactionAsync(this WarmglowDb db, CancellationToken ct = default) =>
        new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null);
}

/// <summary>A transaction this code owns (commits and disposes it) or one it joined (both are no-ops; the owner decides).</summary>
public sealed class UnitOfWork(IDbContextTransaction? own) : IAsyncDisposable
{
    /// <summary>Whether this unit opened the transaction (false: it joined an ambient one).</summary>
    public bool Owns => own is not null;

    public Task CommitAsync(CancellationToken ct = default) => own?.CommitAsync(ct) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => own?.DisposeAsync() ?? ValueTask.CompletedTask;
}
