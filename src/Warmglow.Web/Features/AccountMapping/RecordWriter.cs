using NpgsqlTypes;
using Warmglow.Web.Data;

namespace Warmglow.Web.Features.AccountMapping;

/// <summary>
/// Writes population records in bulk inside the caller's transaction through the one provider bulk writer
/// (<see cref="IProviderSql.OpenBulkWriterAsync"/>: binary COPY on PostgreSQL, a prepared INSERT on SQLite).
/// Disposing without <see cref="CompleteAsync"/> abandons the rows (the caller then rolls back).
/// </summary>
sealed class RecordWriter(BulkRowWriter rows) : IAsyncDisposable
{
    static readonly BulkColumn[] Columns =
    [
        new("WorkspaceId", NpgsqlDbType.Integer), new("PopulationId", NpgsqlDbType.Integer), new("PartnerId", NpgsqlDbType.Integer),
        new("Line", NpgsqlDbType.Integer), new("Name", NpgsqlDbType.Varchar), new("Website", NpgsqlDbType.Varchar),
        new("Country", NpgsqlDbType.Varchar), new("Type", NpgsqlDbType.Varchar), new("Owner", NpgsqlDbType.Varchar),
        new("Domain", NpgsqlDbType.Varchar), new("NameKey", NpgsqlDbType.Varchar), new("CountryKey", NpgsqlDbType.Varchar),
    ];

    readonly object?[] row = new object?[Columns.Length];

    public static async Task<RecordWriter> OpenAsync(WarmglowDb db, CancellationToken ct) =>
        new(await db.Sql().OpenBulkWriterAsync(db, "PopulationRecords", Columns, ct));

    public ValueTask WriteAsync(PopulationRecord r, CancellationToken ct)
    {
        row[0] = r.WorkspaceId; row[1] = r.PopulationId; row[2] = r.PartnerId; row[3] = r.Line; row[4] = r.Name; row[5] = r.Website;
        row[6] = r.Country; row[7] = r.Type; row[8] = r.Owner; row[9] = r.Domain; row[10] = r.NameKey; row[11] = r.CountryKey;
        return rows.WriteAsync(row, ct);
    }

    public Task CompleteAsync(CancellationToken ct) => rows.CompleteAsync(ct);

    public ValueTask DisposeAsync() => rows.DisposeAsync();
}
