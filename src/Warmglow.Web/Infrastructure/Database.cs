using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Warmglow.Web.Data;

namespace Warmglow.Web.Infrastructure;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Database:Provider (Sqlite | Postgres) and ConnectionStrings:Warmglow.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string? ConnectionString { get; set; }
}

public static class DatabaseSetup
{
    public static DatabaseOptions ReadDatabaseOptions(this IConfiguration config, IHostEnvironment env)
    {
        var options = new DatabaseOptions();
        config.GetSection("Database").Bind(options);
        options.ConnectionString ??= config.GetConnectionString("Warmglow");
        if (options.ConnectionString is null && options.Provider == DatabaseProvider.Sqlite)
        {
            var dir = Path.Combine(env.ContentRootPath, "App_Data");
            Directory.CreateDirectory(dir);
            options.ConnectionString = $"Data Source={Path.Combine(dir, "warmglow.db")}";
        }
        if (options.ConnectionString is null)
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Warmglow is not set.");
        return options;
    }

    public static IServiceCollection AddWarmglowDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.Postgres)
            services.AddDbContext<WarmglowDb, PostgresWarmglowDb>(o => o.UseNpgsql(options.ConnectionString).ConfigureWarnings(Warnings));
        else
        {
            services.AddDbContext<WarmglowDb, SqliteWarmglowDb>(o => o.UseSqlite(options.ConnectionString).ConfigureWarnings(Warnings));
            services.AddHostedService<SqliteOptimizer>();
        }
        return services;
    }

    // Pending model changes must fail loudly (docs/decisions/0002); it is the default, kept explicit.
    static void Warnings(WarningsConfigurationBuilder w) => w.Throw(RelationalEventId.PendingModelChangesWarning);

    /// <summary>Applies the provider's versioned migrations: the only way the schema is made or changed.</summary>
    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        await db.Database.MigrateAsync();
        await OptimizeAsync(db);
    }

    /// <summary>
    /// Keeps SQLite's planner statistics fresh (PostgreSQL's autovacuum does this itself). Without them SQLite
    /// picks poor indexes: the partner list took 115 ms instead of 4 ms on 20,000 partners (bench/README.md).
    /// 0x10002 analyzes tables whose statistics are missing or stale, with a bounded cost per table.
    /// </summary>
    public static async Task OptimizeAsync(WarmglowDb db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002", ct);
    }
}

/// <summary>Refreshes SQLite planner statistics every hour, so plans stay good as data grows.</summary>
public sealed class SqliteOptimizer(IServiceScopeFactory scopes, ILogger<SqliteOptimizer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await DatabaseSetup.OptimizeAsync(scope.ServiceProvider.GetRequiredService<WarmglowDb>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "PRAGMA optimize failed; will try again in an hour.");
            }
        }
    }
}
