using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Warmglow.Web.Data;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

/// <summary>
/// Migrations that have landed on main are history: a database created from an earlier main must keep upgrading,
/// so they are never rewritten or folded, only followed by new ones.
/// </summary>
public class MigrationHistoryTests
{
    /// <summary>The migrations main shipped before the agreements, revenue, measurement and health modules.</summary>
    static readonly string[] LandedSqlite =
        ["20261123165353_Initial", "20261123172648_Vetting", "20261123172938_Strategy", "20261123174133_PersonaScorecard"];
    static readonly string[] LandedPostgres =
        ["20261123165357_Initial", "20261123172653_Vetting", "20261123172941_Strategy", "20261123174137_PersonaScorecard"];

    static SqliteWarmglowDb Sqlite(string connectionString) => new(
        new DbContextOptionsBuilder<SqliteWarmglowDb>().UseSqlite(connectionString).Options,
        new Tenant(new HttpContextAccessor()), TimeProvider.System);

    [Fact]
    public void LandedMigrations_AreStillThere_InOrder_OnBothProviders()
    {
        using var sqlite = Sqlite("Data Source=:memory:");
        Assert.Equal(LandedSqlite, sqlite.Database.GetMigrations().Take(LandedSqlite.Length));
        using var postgres = new PostgresWarmglowDb(
            new DbContextOptionsBuilder<PostgresWarmglowDb>().UseNpgsql("Host=unused").Options,
            new Tenant(new HttpContextAccessor()), TimeProvider.System);
        Assert.Equal(LandedPostgres, postgres.Database.GetMigrations().Take(LandedPostgres.Length));
    }

    [Fact]
    public async Task ADatabaseFromTheLandedSchema_UpgradesToTheCurrentModel_KeepingItsData()
    {
        var path = Path.Combine(Path.GetTempPath(), $"warmglow-upgrade-{Guid.NewGuid():N}.db");
        var cs = $"Data Source={path};Pooling=False";
        try
        {
            await using (var old = Sqlite(cs))
            {
                await old.GetService<IMigrator>().MigrateAsync(LandedSqlite[^1]);
                await old.Database.ExecuteSqlRawAsync("INSERT INTO \"Workspaces\" (\"Name\", \"CreatedAt\", \"ShortlistThreshold\") VALUES ('Before the modules', '2026-11-23 12:00:00', 70)");
            }
            await using var current = Sqlite(cs);
            await current.Database.MigrateAsync();
            Assert.Empty(await current.Database.GetPendingMigrationsAsync());
            Assert.Equal("Before the modules", await current.Workspaces.Select(w => w.Name).SingleAsync());
            Assert.Equal(0, await current.Agreements.IgnoreQueryFilters().CountAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
