using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

/// <summary>
/// A real Warmglow over real HTTP (WebApplicationFactory) on its own fresh database,
/// migrated by the app itself at startup exactly as in production.
/// </summary>
public abstract class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct horse battery";

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Set when the app runs on Kestrel (browser tests), so API clients reach the real port.</summary>
    public Uri? ServerAddress { get; set; }
    protected abstract string ConnectionString { get; }

    /// <summary>Extra configuration for this instance; set before the host starts.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Warmglow", ConnectionString);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;
    public new virtual async Task DisposeAsync() => await base.DisposeAsync();

    /// <summary>Creates a workspace with one user per role; returns the workspace id.</summary>
    public async Task<TestWorkspace> CreateWorkspaceAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var workspace = new Workspace { Name = name, CreatedAt = DateTime.UtcNow };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync();
        var slug = $"{name.ToLowerInvariant().Replace(' ', '-')}-{Guid.NewGuid():N}"[..30];
        var emails = new Dictionary<string, string>();
        foreach (var role in new[] { Roles.Admin, Roles.Manager, Roles.Executive, Roles.Evaluator })
        {
            var email = $"{role}@{slug}.example";
            await CreateUserAsync(scope.ServiceProvider, email, workspace.Id, role, null);
            emails[role] = email;
        }
        return new TestWorkspace(this, workspace.Id, name, emails);
    }

    internal static async Task<AppUser> CreateUserAsync(IServiceProvider services, string email, int workspaceId, string role, int? partnerId)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = $"{role} user", WorkspaceId = workspaceId, PartnerId = partnerId, EmailConfirmed = true };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        var db = services.GetRequiredService<WarmglowDb>(); // roles live on the membership (user × workspace)
        db.Memberships.Add(new Warmglow.Web.Features.Accounts.Membership { UserId = user.Id, WorkspaceId = workspaceId, Roles = role, PartnerId = partnerId, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return user;
    }

    public async Task<string> TokenAsync(string email, string password = Password)
    {
        using var anon = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ServerAddress ?? new Uri("http://localhost") });
        var response = await anon.PostAsJsonAsync("/api/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return token!.AccessToken;
    }

    public async Task<HttpClient> ClientForAsync(string email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ServerAddress ?? new Uri("http://localhost") });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(email));
        return client;
    }

    sealed record TokenResponse(string AccessToken);
}

public sealed record TestWorkspace(TestApp App, int Id, string Name, IReadOnlyDictionary<string, string> Emails)
{
    public Task<HttpClient> As(string role) => App.ClientForAsync(Emails[role]);

    /// <summary>A partner user of this workspace, scoped to one partner.</summary>
    public Task<HttpClient> AsPartnerUser(int partnerId) => AsNewUser(Roles.Partner, partnerId);

    /// <summary>Another user of this workspace with this role (e.g. a second evaluator).</summary>
    public async Task<HttpClient> AsNewUser(string role, int? partnerId = null) => await App.ClientForAsync(await NewUserAsync(role, partnerId));

    /// <summary>Creates another user of this workspace (password <see cref="TestApp.Password"/>); returns the e-mail.</summary>
    public async Task<string> NewUserAsync(string role, int? partnerId = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@extra.example";
        await using var scope = App.Services.CreateAsyncScope();
        await TestApp.CreateUserAsync(scope.ServiceProvider, email, Id, role, partnerId);
        return email;
    }
}

public sealed class SqliteApp : TestApp
{
    readonly string _path = Path.Combine(Path.GetTempPath(), $"warmglow-test-{Guid.NewGuid():N}.db");
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override string ConnectionString => $"Data Source={_path}";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" }) File.Delete(f);
    }
}

/// <summary>
/// A fresh database on a real PostgreSQL server (WARMGLOW_TEST_POSTGRES, default the local server .ci/run starts).
/// Without a server the tests skip, except when CI=true: then they fail, so a green CI never hides them.
/// </summary>
public sealed class PostgresApp : TestApp
{
    public static readonly string AdminConnectionString = Environment.GetEnvironmentVariable("WARMGLOW_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=warmglow;Password=warmglow;Database=postgres";

    readonly string _database = $"warmglow_test_{Guid.NewGuid():N}";
    public static string? Unavailable { get; private set; }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    protected override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = _database, Pooling = true }.ConnectionString;

    public override async Task InitializeAsync()
    {
        try
        {
            await using var conn = new NpgsqlConnection(AdminConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            Unavailable = $"PostgreSQL is not reachable ({e.Message}).";
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException($"CI=true and {Unavailable} Set WARMGLOW_TEST_POSTGRES or start the server (.ci/run does).", e);
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Unavailable is not null) return;
        // Dropping is housekeeping, not a test: a work item still finishing can hold the database for a moment, so try a
        // few times and leave a stray test database behind rather than fail a run whose tests all passed.
        for (var attempt = 1; ; attempt++)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await using var conn = new NpgsqlConnection(AdminConnectionString);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
                await cmd.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (attempt < 5)
            {
                Console.Error.WriteLine($"dropping test database {_database} (attempt {attempt}): {e.MessageText}");
                await Task.Delay(500 * attempt);
            }
            catch (PostgresException e)
            {
                Console.Error.WriteLine($"left test database {_database} behind: {e.MessageText}");
                return;
            }
        }
    }
}
