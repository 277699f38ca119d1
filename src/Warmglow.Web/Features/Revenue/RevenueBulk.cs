using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Revenue;

/// <summary>
/// Bulk writes of revenue events (demo and benchmark loads), bypassing the change tracker: PostgreSQL binary COPY,
/// SQLite one prepared INSERT re-executed (its fastest path). Both run inside the caller's transaction.
/// </summary>
public static class RevenueBulk
{
    /// <summary>Writes events in bulk (demo and benchmark loads; the API and imports go through EF for audit and idempotency).</summary>
    public static async Task InsertEventsAsync(WarmglowDb db, IEnumerable<RevenueEntry> events, CancellationToken ct)
    {
        var tx = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Bulk writes need a transaction.");
        var conn = db.Database.GetDbConnection();
        if (conn is NpgsqlConnection pg)
        {
            await using var copy = await pg.BeginBinaryImportAsync(
                "COPY \"RevenueEvents\" (\"WorkspaceId\",\"AgreementId\",\"Key\",\"Kind\",\"Amount\",\"Currency\",\"Date\",\"Source\",\"MemberId\",\"Channel\",\"RecordedAt\",\"RecordedBy\") FROM STDIN (FORMAT BINARY)", ct);
            foreach (var e in events)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(e.WorkspaceId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(e.AgreementId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(e.Key, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Kind.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Amount, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync(e.Currency, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Date, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(e.Source, NpgsqlDbType.Varchar, ct);
                if (e.MemberId is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(e.MemberId, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Channel, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.RecordedAt, NpgsqlDbType.TimestampTz, ct);
                if (e.RecordedBy is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(e.RecordedBy, NpgsqlDbType.Varchar, ct);
            }
            await copy.CompleteAsync(ct);
            return;
        }
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx.GetDbTransaction();
        cmd.CommandText = "INSERT INTO \"RevenueEvents\" (\"WorkspaceId\",\"AgreementId\",\"Key\",\"Kind\",\"Amount\",\"Currency\",\"Date\",\"Source\",\"MemberId\",\"Channel\",\"RecordedAt\",\"RecordedBy\") " +
            "VALUES ($w,$a,$k,$kind,$amt,$c,$d,$src,$m,$ch,$at,$by)";
        var p = Params(cmd, "$w", "$a", "$k", "$kind", "$amt", "$c", "$d", "$src", "$m", "$ch", "$at", "$by");
        await cmd.PrepareAsync(ct);
        foreach (var e in events)
        {
            p[0].Value = e.WorkspaceId; p[1].Value = e.AgreementId; p[2].Value = e.Key; p[3].Value = e.Kind.ToString();
            p[4].Value = e.Amount; p[5].Value = e.Currency; p[6].Value = e.Date; p[7].Value = e.Source;
            p[8].Value = (object?)e.MemberId ?? DBNull.Value; p[9].Value = e.Channel; p[10].Value = e.RecordedAt; p[11].Value = (object?)e.RecordedBy ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    static DbParameter[] Params(DbCommand cmd, params string[] names) => names.Select(n =>
    {
        var p = cmd.CreateParameter();
        p.ParameterName = n;
        cmd.Parameters.Add(p);
        return p;
    }).ToArray();
}
