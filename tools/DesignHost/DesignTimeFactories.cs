using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Warmglow.Web.Data;
using Warmglow.Web.Infrastructure;

namespace Warmglow.DesignHost;

// `dotnet ef` finds these factories in the startup assembly (this one) and builds each provider's context
// the way the app does (UseSqlite / UseNpgsql, migrations in the web assembly). Neither connects:
// `migrations add` and `migrations list --no-connect` only need the model.

public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteWarmglowDb>
{
    public SqliteWarmglowDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWarmglowDb>()
                .UseSqlite(Connection(args, "Data Source=design.db"))
                .Options,
            new Tenant(new HttpContextAccessor()), TimeProvider.System);

    internal static string Connection(string[] args, string fallback)
    {
        // `dotnet ef ... -- --connection "..."` overrides the dummy string (e.g. for `database update`).
        var i = Array.IndexOf(args, "--connection");
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresWarmglowDb>
{
    public PostgresWarmglowDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWarmglowDb>()
                .UseNpgsql(SqliteDesignFactory.Connection(args, "Host=localhost;Database=design"))
                .Options,
            new Tenant(new HttpContextAccessor()), TimeProvider.System);
}
