using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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

    partial void OnAgreementsModel(ModelBuilder b);
    partial void OnRevenueModel(ModelBuilder b);
    partial void OnMeasurementModel(ModelBuilder b);
    partial void OnHealthModel(ModelBuilder b);

    public Tenant Tenant => tenant;
    public TimeProvider Clock => clock;
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    // Read by the query filters: EF parameterizes them per context instance. -1 matches nothing (fail closed).
    int CurrentWorkspaceId => tenant.WorkspaceId ?? -1;
    int? CurrentPartnerId => tenant.PartnerId;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(WarmglowDb).Assembly, t => t.Namespace?.StartsWith("Warmglow.Web.Features") == true);

        b.Entity<Partner>().HasQueryFilter(p => p.WorkspaceId == CurrentWorkspaceId && (CurrentPartnerId == null || p.Id == CurrentPartnerId));
        b.Entity<Contact>().HasQueryFilter(c => c.WorkspaceId == CurrentWorkspaceId && (CurrentPartnerId == null || c.PartnerId == CurrentPartnerId));
        b.Entity<Partnership>().HasQueryFilter(p => p.WorkspaceId == CurrentWorkspaceId
            && (CurrentPartnerId == null || p.Members.Any(m => m.PartnerId == CurrentPartnerId)));
        b.Entity<PartnershipMember>().HasQueryFilter(m => m.WorkspaceId == CurrentWorkspaceId);
        b.Entity<StageTransition>().HasQueryFilter(t => t.WorkspaceId == CurrentWorkspaceId);
        b.Entity<Scorecard>().HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId);
        // Vetting is internal: partner users see none of it.
        b.Entity<ScorecardEvaluation>().HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
        b.Entity<VettingDecision>().HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
        b.Entity<Pilot>().HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
        b.Entity<VettingStepRecord>().HasQueryFilter(x => x.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
        // Partner users never read the audit log.
        b.Entity<AuditEntry>().HasQueryFilter(a => a.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
        // Strategy and candidate assessments are internal: partner users never read them, even for their own partnership.
        b.Entity<SelfAssessmentSnapshot>().HasQueryFilter(s => s.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
        b.Entity<StrategyStatement>().HasQueryFilter(s => s.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
        b.Entity<StrategicGoal>().HasQueryFilter(g => g.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
        b.Entity<PartnerPersona>().HasQueryFilter(p => p.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
        b.Entity<PartnershipAssessment>().HasQueryFilter(a => a.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
        // Staff tasks (reviews, check-ins) are internal.
        b.Entity<WorkTask>().HasQueryFilter(t => t.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
        // A partner user sees the agreements of their own partnerships only.
        b.Entity<Agreement>().HasQueryFilter(a => a.WorkspaceId == CurrentWorkspaceId
            && (CurrentPartnerId == null || a.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId)));
        // Each later module keeps its own sets and filters in a partial file beside this one (WarmglowDb.<Module>.cs).
        OnAgreementsModel(b);
        OnRevenueModel(b);
        OnMeasurementModel(b);
        OnHealthModel(b);

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

        if (pending.Count == 0 && newWorkspaces.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

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
            if (newWorkspaces.Count > 0)
            {
                foreach (var card in newWorkspaces.SelectMany(w => DiscoveryService.BuiltIns(w.Id)))
                {
                    card.CreatedAt = card.UpdatedAt = now;
                    Scorecards.Add(card);
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
