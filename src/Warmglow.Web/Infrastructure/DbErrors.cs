using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Warmglow.Web.Infrastructure;

/// <summary>
/// Constraint violations the services did not foresee, on either provider, as a 409 a person understands rather than
/// a 500. The write was one SaveChanges (one transaction), so nothing of it was kept.
/// </summary>
public static class DbErrors
{
    public static bool IsForeignKeyViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        SqliteException sq => sq.SqliteErrorCode == 19 && sq.SqliteExtendedErrorCode == 787,
        _ => false,
    };

    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sq => sq.SqliteErrorCode == 19 && sq.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
