using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Warmglow.Web.Features.Revenue;

sealed class RevenueTermsConfiguration : IEntityTypeConfiguration<RevenueTerms>
{
    public void Configure(EntityTypeBuilder<RevenueTerms> b)
    {
        b.HasIndex(t => t.AgreementId).IsUnique();
        b.HasOne(t => t.Agreement).WithMany().HasForeignKey(t => t.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.Property(t => t.Model).HasMaxLength(20000);
    }
}

sealed class RevenueEntryConfiguration : IEntityTypeConfiguration<RevenueEntry>
{
    public void Configure(EntityTypeBuilder<RevenueEntry> b)
    {
        b.ToTable("RevenueEvents");
        // The idempotency key is unique per workspace: the database, not a read-then-write, is what makes posting race-safe.
        b.HasIndex(e => new { e.WorkspaceId, e.Key }).IsUnique();
        // Statements read an agreement's events in date order.
        b.HasIndex(e => new { e.AgreementId, e.Date });
        b.HasOne(e => e.Agreement).WithMany().HasForeignKey(e => e.AgreementId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.Key).HasMaxLength(200);
        b.Property(e => e.Source).HasMaxLength(200);
        b.Property(e => e.Currency).HasMaxLength(3);
        b.Property(e => e.MemberId).HasMaxLength(100);
        b.Property(e => e.Channel).HasMaxLength(10);
        b.Property(e => e.RecordedBy).HasMaxLength(256);
        b.Property(e => e.Amount).HasPrecision(20, 4);
    }
}

sealed class RevenueStatementConfiguration : IEntityTypeConfiguration<RevenueStatement>
{
    public void Configure(EntityTypeBuilder<RevenueStatement> b)
    {
        // One statement per agreement and period start; periods never overlap (the service checks).
        b.HasIndex(s => new { s.AgreementId, s.From }).IsUnique();
        b.HasIndex(s => new { s.WorkspaceId, s.IssuedAt });
        b.HasIndex(s => s.PartnershipId);
        b.HasOne(s => s.Agreement).WithMany().HasForeignKey(s => s.AgreementId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Currency).HasMaxLength(3);
        b.Property(s => s.IssuedBy).HasMaxLength(256);
        b.Property(s => s.Total).HasPrecision(20, 4);
        b.Property(s => s.Adjustments).HasPrecision(20, 4);
    }
}

sealed class RevenueStatementLineConfiguration : IEntityTypeConfiguration<RevenueStatementLine>
{
    public void Configure(EntityTypeBuilder<RevenueStatementLine> b)
    {
        b.HasIndex(l => l.StatementId);
        b.HasIndex(l => l.EventId).IsUnique();
        b.HasOne<RevenueStatement>().WithMany().HasForeignKey(l => l.StatementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RevenueEntry>().WithMany().HasForeignKey(l => l.EventId).OnDelete(DeleteBehavior.Restrict);
        b.Property(l => l.Key).HasMaxLength(200);
        b.Property(l => l.Source).HasMaxLength(200);
        b.Property(l => l.MemberId).HasMaxLength(100);
        b.Property(l => l.Shares).HasMaxLength(4000);
        b.Property(l => l.Amount).HasPrecision(20, 4);
    }
}
