using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Agreements;
using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Agreements;

sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.Currency).HasMaxLength(3);
        b.HasOne(a => a.Partnership).WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.WorkspaceId, a.Status });
        b.HasIndex(a => a.PartnershipId);
        b.Property(a => a.OwnerIds).HasConversion(JsonColumn.Converter<List<string>>(), JsonColumn.Comparer<List<string>>());
    }
}

sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> b)
    {
        b.Property(v => v.Reason).HasMaxLength(1000);
        b.Property(v => v.AuthorName).HasMaxLength(256);
        b.Property(v => v.AuthorId).HasMaxLength(450);
        b.Property(v => v.Terms).HasConversion(JsonColumn.Converter<AgreementTerms>(), JsonColumn.Comparer<AgreementTerms>());
        b.HasOne(v => v.Agreement).WithMany().HasForeignKey(v => v.AgreementId).OnDelete(DeleteBehavior.Cascade);
        // Two saves based on the same version cannot both become version n + 1.
        b.HasIndex(v => new { v.AgreementId, v.Number }).IsUnique();
    }
}

sealed class AgreementApprovalConfiguration : IEntityTypeConfiguration<AgreementApproval>
{
    public void Configure(EntityTypeBuilder<AgreementApproval> b)
    {
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.Note).HasMaxLength(1000);
        b.HasOne(a => a.Agreement).WithMany().HasForeignKey(a => a.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.AgreementId, a.VersionNumber, a.UserId }).IsUnique();
    }
}

sealed class AgreementTransitionConfiguration : IEntityTypeConfiguration<AgreementTransition>
{
    public void Configure(EntityTypeBuilder<AgreementTransition> b)
    {
        b.Property(t => t.Reason).HasMaxLength(1000);
        b.Property(t => t.ByUserName).HasMaxLength(256);
        b.Property(t => t.ByUserId).HasMaxLength(450);
        b.HasOne(t => t.Agreement).WithMany().HasForeignKey(t => t.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.AgreementId, t.At });
    }
}

sealed class AgreementReviewConfiguration : IEntityTypeConfiguration<AgreementReview>
{
    public void Configure(EntityTypeBuilder<AgreementReview> b)
    {
        b.Property(r => r.Notes).HasMaxLength(4000);
        b.Property(r => r.HeldByName).HasMaxLength(256);
        b.HasOne(r => r.Agreement).WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.AgreementId, r.DueOn }).IsUnique();
        // The overdue list: scheduled reviews by due date across the workspace.
        b.HasIndex(r => new { r.WorkspaceId, r.State, r.DueOn });
    }
}

sealed class PartnershipCharterConfiguration : IEntityTypeConfiguration<PartnershipCharter>
{
    public void Configure(EntityTypeBuilder<PartnershipCharter> b)
    {
        b.Property(c => c.Ours).HasConversion(JsonColumn.Converter<CharterSide>(), JsonColumn.Comparer<CharterSide>());
        b.Property(c => c.Theirs).HasConversion(JsonColumn.Converter<CharterSide>(), JsonColumn.Comparer<CharterSide>());
        b.Property(c => c.UpdatedByName).HasMaxLength(256);
        b.HasOne(c => c.Partnership).WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.PartnershipId).IsUnique();
    }
}

sealed class CharterRevisionConfiguration : IEntityTypeConfiguration<CharterRevision>
{
    public void Configure(EntityTypeBuilder<CharterRevision> b)
    {
        b.Property(c => c.Ours).HasConversion(JsonColumn.Converter<CharterSide>(), JsonColumn.Comparer<CharterSide>());
        b.Property(c => c.Theirs).HasConversion(JsonColumn.Converter<CharterSide>(), JsonColumn.Comparer<CharterSide>());
        b.Property(c => c.AuthorName).HasMaxLength(256);
        b.Property(c => c.AuthorId).HasMaxLength(450);
        b.HasOne(c => c.Charter).WithMany().HasForeignKey(c => c.CharterId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.CharterId, c.Number }).IsUnique();
    }
}
