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
        // Overview and event lists read an agreement's events by date.
        b.HasIndex(e => new { e.AgreementId, e.Date });
        // Issuing reads "unstated events of agreements up to a date": StatementId IS NULL, AgreementId range, Date <= to
        // is one range scan of this index. No foreign key on StatementId: it is only ever set by the issuing path to the
        // id of the statement it has just inserted in the same transaction, and statements are never deleted; a key
        // check per stamped event would cost PostgreSQL a trigger call and a lookup for each of a million rows.
        b.HasIndex(e => new { e.StatementId, e.AgreementId, e.Date });
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

sealed class StatementPaymentConfiguration : IEntityTypeConfiguration<StatementPayment>
{
    public void Configure(EntityTypeBuilder<StatementPayment> b)
    {
        // Paid once: a second record (or a race of two) hits this index.
        b.HasIndex(p => p.StatementId).IsUnique();
        b.HasIndex(p => p.PartnershipId);
        b.HasOne<RevenueStatement>().WithOne().HasForeignKey<StatementPayment>(p => p.StatementId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Reference).HasMaxLength(200);
        b.Property(p => p.RecordedBy).HasMaxLength(256);
    }
}

sealed class RevenueStatementLineSetConfiguration : IEntityTypeConfiguration<RevenueStatementLineSet>
{
    public void Configure(EntityTypeBuilder<RevenueStatementLineSet> b)
    {
        b.ToTable("RevenueStatementLines");
        b.HasKey(l => l.StatementId);
        b.Property(l => l.StatementId).ValueGeneratedNever();
        b.HasOne<RevenueStatement>().WithOne().HasForeignKey<RevenueStatementLineSet>(l => l.StatementId).OnDelete(DeleteBehavior.Restrict);
    }
}
