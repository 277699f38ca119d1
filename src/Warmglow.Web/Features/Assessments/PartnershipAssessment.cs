using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Features.Assessments;

/// <summary>The five candidate assessments of product.md §2, one row per partnership and kind.</summary>
public enum AssessmentKind { Culture, ThreeHorizon, ValueEquation, CapabilityMap, ValuesAlignment }

/// <summary>
/// The latest inputs of one assessment of one partnership, stored as JSON (the shape of the Core rule's input);
/// results are computed by the Core rules on read, so a fix in a rule applies to every stored assessment.
/// </summary>
public class PartnershipAssessment : IWorkspaceOwned, IVersioned, IAudited, ITimestamped
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public AssessmentKind Kind { get; set; }
    public required string Inputs { get; set; }
    public required string UpdatedByName { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

sealed class PartnershipAssessmentConfiguration : IEntityTypeConfiguration<PartnershipAssessment>
{
    public void Configure(EntityTypeBuilder<PartnershipAssessment> b)
    {
        b.Property(a => a.Inputs).HasMaxLength(64_000);
        b.Property(a => a.UpdatedByName).HasMaxLength(256);
        b.HasIndex(a => new { a.PartnershipId, a.Kind }).IsUnique();
        b.HasOne(a => a.Partnership).WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}
