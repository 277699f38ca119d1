using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Features.Assessments;
using Warmglow.Web.Features.Audit;
using Warmglow.Web.Features.Discovery;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Strategy;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Data;

/// <summary>
/// The one EF model. Provider-specific subclasses (<see cref="SqliteWarmglowDb"/>, <see cref="PostgresWarmglowDb"/>)
/// exist only so each provider keeps its own migration set (docs/decisions/0002).
/// Workspace isolation lives here and nowhere else: every <see cref="IWorkspaceOwned"/> row is filtered
/// by the current workspace and stamped with it on insert (docs/decisions/0003).
/// </summary>
public abstract partial class WarmglowDb(DbContextOptions options, Tenant tenant, TimeProvider clock)
    : IdentityDbContext<AppUser>(options)
{
    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<PartnershipMember> PartnershipMembers => Set<PartnershipMember>();
    public DbSet<StageTransition> StageTransitions => Set<StageTransition>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Scorecard> Scorecards => Set<Scorecard>();
    public DbSet<ScorecardEvaluation> ScorecardEvaluations => Set<ScorecardEvaluation>();
    public DbSet<VettingDecision> VettingDecisions => Set<VettingDecision>();
    public DbSet<Pilot> Pilots => Set<Pilot>();
    public DbSet<VettingStepRecord> VettingSteps => Set<VettingStepRecord>();
    public DbSet<SelfAssessmentSnapshot> SelfAssessments => Set<SelfAssessmentSnapshot>();
    public DbSet<StrategyStatement> StrategyStatements => Set<StrategyStatement>();
    public DbSet<StrategicGoal> Goals => Set<StrategicGoal>();
    public DbSet<PartnerPersona> Personas => Set<PartnerPersona>();
    public DbSet<PartnershipAssessment> PartnershipAssessments => Set<PartnershipAssessment>();

    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<WorkTask> Tasks => Set<WorkTask>();

    public Tenant Tenant => tenant;
    public TimeProvider Clock => clock;
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    // Read by the query filters: EF parameterizes them per context instance. -1 matches nothing (fail closed).
    int CurrentWorkspaceId => tenant.WorkspaceId ?? -1;
    int? CurrentPartnerId => tenant.PartnerId;
    // Partner filters on rows that belong to one person (their notifications, their calendar feeds).
    string? CurrentUserId => tenant.UserId;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(WarmglowDb).Assembly, t => t.Namespace?.StartsWith("Warmglow.Web.Features") == true);

        // Tenancy by convention (docs/decisions/0003, 0012): every workspace-owned entity gets the "workspace" filter, and a
        // "partner" filter that is closed to partner users until its module opens it (PartnerSees / PartnerSeesAll).
        ApplyTenancy(b);
        b.Entity<Partner>().PartnerSees(p => CurrentPartnerId == null || p.Id == CurrentPartnerId);
        b.Entity<Contact>().PartnerSees(c => CurrentPartnerId == null || c.PartnerId == CurrentPartnerId);
        b.Entity<Partnership>().PartnerSees(p => CurrentPartnerId == null || p.Members.Any(m => m.PartnerId == CurrentPartnerId));
        // Memberships, stage moves and scorecard templates are readable within the workspace (the portal composes over them).
        b.Entity<PartnershipMember>().PartnerSeesAll();
        b.Entity<StageTransition>().PartnerSeesAll();
        b.Entity<Scorecard>().PartnerSeesAll();
        // Everything else here is internal (vetting, the audit log, strategy, assessments, staff tasks): the default.
        // A partner user sees the agreements of their own partnerships only.
        b.Entity<Agreement>().PartnerSees(a => CurrentPartnerId == null || a.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId));
        // Each module keeps its own sets and partner filters in a partial file beside this one (WarmglowDb.<Module>.cs),
        // in a method marked [ModelPart]; they run in name order.
        foreach (var part in ModelParts) part.Invoke(this, [b]);

        foreach (var entity in b.Model.GetEntityTypes())
        {
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
                b.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            // No lone WorkspaceId index: with one, SQLite's planner (without statistics) prefers it to the far more
            // selective foreign-key index in correlated subqueries (contacts per partner: 160 ms → 0.2 ms on 20,000
            // partners). Indexes that serve workspace-wide lists lead with WorkspaceId instead (see bench/).
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder c)
    {
        // Every DateTime is UTC, in the database and back (SQLite forgets the kind).
        c.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        c.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        c.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Stamps workspace, version and timestamps; writes the audit log in the same transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        var now = UtcNow;
        // Every new workspace starts with the built-in scorecard templates, seeded in the same transaction.
        var newWorkspaces = ChangeTracker.Entries<Workspace>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var seeders = newWorkspaces.Count == 0 ? [] : (ApplicationServices?.GetService<IEnumerable<IWorkspaceSeeder>>() ?? []).OrderBy(s => s.Order).ToList();
        var pending = new List<(EntityEntry Entry, string Action, Dictionary<string, object?>? Before, Dictionary<string, object?>? After)>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Detached or EntityState.Unchanged) continue;
            if (entry.Entity is IWorkspaceOwned owned)
            {
                if (entry.State == EntityState.Added && owned.WorkspaceId == 0)
                    owned.WorkspaceId = tenant.RequireWorkspace();
                // No write may cross workspaces, whatever the caller loaded.
                if (tenant.WorkspaceId is { } ws && owned.WorkspaceId != ws)
                    throw new InvalidOperationException("A write crossed workspaces and was refused.");
            }
            if (entry.Entity is ITimestamped stamped)
            {
                if (entry.State == EntityState.Added) stamped.CreatedAt = now;
                if (entry.State is EntityState.Added or EntityState.Modified) stamped.UpdatedAt = now;
            }
            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
                versioned.Version++;
            if (entry.Entity is IAudited)
                pending.Add(Describe(entry));
        }

        if (pending.Count == 0 && seeders.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            foreach (var (entry, action, before, after) in pending)
            {
                var id = entry.Property("Id").CurrentValue?.ToString() ?? "";
                if (after is not null && after.ContainsKey("Id")) after["Id"] = entry.Property("Id").CurrentValue;
                AuditEntries.Add(new AuditEntry
                {
                    WorkspaceId = ((IWorkspaceOwned)entry.Entity).WorkspaceId,
                    At = now,
                    UserId = tenant.UserId,
                    UserName = tenant.UserName,
                    EntityType = entry.Metadata.ClrType.Name,
                    EntityId = id,
                    Action = action,
                    Summary = entry.Entity switch
                    {
                        Partner p => p.Name,
                        Contact c => c.Name,
                        Partnership p => p.Name,
                        Scorecard sc => sc.Name,
                        ScorecardEvaluation ev => ev.EvaluatorName,
                        VettingDecision d => d.Go ? "Go" : "No-go",
                        VettingStepRecord v => $"{v.Step}: {(v.Done ? "done" : "open")}",
                        StrategicGoal g => g.Metric,
                        PartnerPersona p => p.Name,
                        PartnershipAssessment a => a.Kind.ToString(),
                        IAuditSummary s => s.AuditSummary,
                        _ => null,
                    },
                    Before = before is null ? null : JsonSerializer.Serialize(before, AuditJson),
                    After = after is null ? null : JsonSerializer.Serialize(after, AuditJson),
                });
            }
            if (pending.Count > 0) count += await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            if (seeders.Count > 0)
            {
                // What each module gives a new workspace (IWorkspaceSeeder), saved in the same transaction.
                foreach (var row in newWorkspaces.SelectMany(w => seeders.SelectMany(s => s.Seed(w))))
                {
                    if (row is ITimestamped t) t.CreatedAt = t.UpdatedAt = now;
                    Add(row);
                }
                count += await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            }
            if (own is not null) await own.CommitAsync(ct);
            return count;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>The filter names every workspace-owned entity carries.</summary>
    public static class Filters
    {
        public const string Workspace = "workspace";
        public const string Partner = "partner";
    }

    /// <summary>Annotation on each workspace-owned entity type saying what a partner user may read of it (the model test lists them).</summary>
    public const string PartnerAccessAnnotation = "Warmglow:PartnerAccess";

    static readonly System.Reflection.MethodInfo[] ModelParts = typeof(WarmglowDb)
        .GetMethods(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
        .Where(m => m.IsDefined(typeof(ModelPartAttribute), false)).OrderBy(m => m.Name, StringComparer.Ordinal).ToArray();

    /// <summary>The app's (scoped) service provider this context was resolved from; null for design-time contexts.</summary>
    IServiceProvider? ApplicationServices => this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;

    void ApplyTenancy(ModelBuilder b)
    {
        var self = Expression.Constant(this, typeof(WarmglowDb));
        var workspace = Expression.Property(self, typeof(WarmglowDb).GetProperty(nameof(CurrentWorkspaceId), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!);
        var partner = Expression.Property(self, typeof(WarmglowDb).GetProperty(nameof(CurrentPartnerId), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!);
        foreach (var entity in b.Model.GetEntityTypes().Where(e => e.BaseType is null && typeof(IWorkspaceOwned).IsAssignableFrom(e.ClrType)).ToList())
        {
            var row = Expression.Parameter(entity.ClrType, "row");
            b.Entity(entity.ClrType).HasQueryFilter(Filters.Workspace, Expression.Lambda(
                Expression.Equal(Expression.Property(row, nameof(IWorkspaceOwned.WorkspaceId)), workspace), row));
            b.Entity(entity.ClrType).HasQueryFilter(Filters.Partner, Expression.Lambda(
                Expression.Equal(partner, Expression.Constant(null, typeof(int?))), row));
            entity.SetAnnotation(PartnerAccessAnnotation, PartnerAccess.None);
        }
    }

    static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    static readonly HashSet<string> Unaudited = ["Version", "CreatedAt", "UpdatedAt", "WorkspaceId"];

    static (EntityEntry, string, Dictionary<string, object?>?, Dictionary<string, object?>?) Describe(EntityEntry entry)
    {
        var props = entry.Properties.Where(p => !Unaudited.Contains(p.Metadata.Name)).ToList();
        switch (entry.State)
        {
            case EntityState.Added:
                return (entry, "Created", null, props.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue));
            case EntityState.Deleted:
                return (entry, "Deleted", props.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue), null);
            default:
                var changed = props.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                var action = entry.Entity is Partnership && changed.Any(p => p.Metadata.Name == nameof(Partnership.Stage)) ? "StageChanged" : "Updated";
                return (entry, action,
                    changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue),
                    changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue));
        }
    }
}

public sealed class SqliteWarmglowDb(DbContextOptions<SqliteWarmglowDb> options, Tenant tenant, TimeProvider clock)
    : WarmglowDb(options, tenant, clock);

public sealed class PostgresWarmglowDb(DbContextOptions<PostgresWarmglowDb> options, Tenant tenant, TimeProvider clock)
    : WarmglowDb(options, tenant, clock);
