using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Warmglow.Web.Data;

/// <summary>
/// What a failed write means, per provider: the one place that knows SQLite's and PostgreSQL's error codes. Features
/// catch only <see cref="IsUniqueViolation"/> as "lost a race"; any other database error stays an error.
/// </summary>
public static class DbErrors
{
    /// <summary>The write was refused by a unique index (a concurrent insert of the same key won).</summary>
    public static bool IsUniqueViolation(Exception e) => e switch
    {
        DbUpdateConcurrencyException => false,
        DbUpdateException { InnerException: { } inner } => IsUniqueViolation(inner),
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sq => sq.SqliteErrorCode == 19 && sq.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    /// <summary>The write was refused because other rows still refer to this one (a foreign key).</summary>
    public static bool IsForeignKeyViolation(Exception e) => e switch
    {
        DbUpdateException { InnerException: { } inner } => IsForeignKeyViolation(inner),
        PostgresException pg => pg.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        SqliteException sq => sq.SqliteErrorCode == 19 && sq.SqliteExtendedErrorCode == 787,
        _ => false,
    };
}
