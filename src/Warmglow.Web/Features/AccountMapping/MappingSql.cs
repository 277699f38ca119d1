using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Warmglow.Web.Data;

namespace Warmglow.Web.Features.AccountMapping;

/// <summary>
/// Writes population records in bulk inside the caller's transaction, bypassing the change tracker: binary COPY on
/// PostgreSQL, one prepared INSERT reused on SQLite (the revenue ledger's pattern, kept in this module's folder).
/// Disposing without <see cref="CompleteAsync"/> abandons the rows (the caller then rolls back).
/// </summary>
abstract class RecordWriter : IAsyncDisposable
{
    const string Columns = "\"WorkspaceId\",\"PopulationId\",\"PartnerId\",\"Line\",\"Name\",\"Website\",\"Country\",\"Type\",\"Owner\",\"Domain\",\"NameKey\",\"CountryKey\"";

    public static async Task<RecordWriter> OpenAsync(WarmglowDb db, CancellationToken ct)
    {
        var tx = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Bulk writes need a transaction.");
        if (db is PostgresWarmglowDb)
        {
            var pg = (NpgsqlConnection)db.Database.GetDbConnection();
            return new Postgres(await pg.BeginBinaryImportAsync($"COPY \"PopulationRecords\" ({Columns}) FROM STDIN (FORMAT BINARY)", ct));
        }
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = tx.GetDbTransaction();
        cmd.CommandText = $"INSERT INTO \"PopulationRecords\" ({Columns}) VALUES ($w,$p,$pa,$l,$n,$web,$c,$t,$o,$d,$nk,$ck)";
        var ps = new[] { "$w", "$p", "$pa", "$l", "$n", "$web", "$c", "$t", "$o", "$d", "$nk", "$ck" }.Select(n =>
        {
            var p = cmd.CreateParameter();
            p.ParameterName = n;
            cmd.Parameters.Add(p);
            return p;
        }).ToArray();
        await cmd.PrepareAsync(ct);
        return new Sqlite(cmd, ps);
    }

    public abstract ValueTask WriteAsync(PopulationRecord r, CancellationToken ct);
    public abstract Task CompleteAsync(CancellationToken ct);
    public abstract ValueTask DisposeAsync();

    sealed class Postgres(NpgsqlBinaryImporter copy) : RecordWriter
    {
        public override async ValueTask WriteAsync(PopulationRecord r, CancellationToken ct)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.WorkspaceId, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.PopulationId, NpgsqlDbType.Integer, ct);
            if (r.PartnerId is { } pid) await copy.WriteAsync(pid, NpgsqlDbType.Integer, ct); else await copy.WriteNullAsync(ct);
            await copy.WriteAsync(r.Line, NpgsqlDbType.Integer, ct);
            foreach (var v in new[] { r.Name, r.Website, r.Country, r.Type, r.Owner, r.Domain, r.NameKey, r.CountryKey })
                if (v is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(v, NpgsqlDbType.Varchar, ct);
        }

        public override async Task CompleteAsync(CancellationToken ct) => await copy.CompleteAsync(ct);

        public override ValueTask DisposeAsync() => copy.DisposeAsync();
    }

    sealed class Sqlite(DbCommand cmd, DbParameter[] p) : RecordWriter
    {
        public override async ValueTask WriteAsync(PopulationRecord r, CancellationToken ct)
        {
            p[0].Value = r.WorkspaceId; p[1].Value = r.PopulationId; p[2].Value = (object?)r.PartnerId ?? DBNull.Value; p[3].Value = r.Line;
            p[4].Value = (object?)r.Name ?? DBNull.Value; p[5].Value = (object?)r.Website ?? DBNull.Value; p[6].Value = (object?)r.Country ?? DBNull.Value;
            p[7].Value = (object?)r.Type ?? DBNull.Value; p[8].Value = (object?)r.Owner ?? DBNull.Value; p[9].Value = (object?)r.Domain ?? DBNull.Value;
            p[10].Value = r.NameKey; p[11].Value = (object?)r.CountryKey ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
        }

        public override Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

        public override ValueTask DisposeAsync() => cmd.DisposeAsync();
    }
}
