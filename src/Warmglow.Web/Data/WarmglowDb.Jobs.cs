using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Data;

/// <summary>Deployment-wide operations tables: job leases and runs (docs/decisions/0021), data-protection keys.</summary>
public abstract partial class WarmglowDb : IDataProtectionKeyContext
{
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    /// <summary>The key ring for cookies and tokens, shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    [ModelPart]
    void OnJobsModel(ModelBuilder b)
    {
        b.Entity<JobLease>(e =>
        {
            e.HasKey(l => l.Name);
            e.Property(l => l.Name).HasMaxLength(80);
            e.Property(l => l.LeasedBy).HasMaxLength(200);
            e.Property(l => l.LastError).HasMaxLength(500);
            e.Property(l => l.RequestedBy).HasMaxLength(200);
        });
        b.Entity<JobRun>(e =>
        {
            e.Property(r => r.Name).HasMaxLength(80);
            e.Property(r => r.Instance).HasMaxLength(200);
            e.Property(r => r.Error).HasMaxLength(500);
            e.Property(r => r.RequestedBy).HasMaxLength(200);
            e.HasIndex(r => new { r.Name, r.StartedAt });
        });
    }
}
