using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Mapping;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Features.AccountMapping;

/// <summary>
/// A list of accounts on one side of a partnership (our customers, the partner's open opportunities…), built from a CRM
/// export. Partner-side populations carry the uploading partner (<see cref="PartnerId"/>); ours have none.
/// </summary>
public class Population : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public MappingSide Side { get; set; }
    public int? PartnerId { get; set; }
    public Partner? Partner { get; set; }
    public required string Name { get; set; }
    public PopulationKind Kind { get; set; }
    /// <summary>The export the last upload was read as (Salesforce, HubSpot or a column mapping).</summary>
    public ExportFormat Format { get; set; }
    public int RecordCount { get; set; }
    /// <summary>Rows of the last upload merged into an earlier row with the same normalized key.</summary>
    public int DuplicatesMerged { get; set; }
    public DateTime? ImportedAt { get; set; }
    public string? ImportedByName { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"Population: {Name}";
}

/// <summary>
/// One account of a population, with the Core.Matching keys in indexed columns (the overlap is a join on them). Written
/// in bulk by the import, never one by one, and not audited row by row (the population is).
/// </summary>
public class PopulationRecord : IWorkspaceOwned
{
    public long Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PopulationId { get; set; }
    public Population? Population { get; set; }
    /// <summary>The uploading partner, copied from the population so the partner filter needs no join.</summary>
    public int? PartnerId { get; set; }
    /// <summary>The file line the record was read from (the first, when duplicates were merged).</summary>
    public int Line { get; set; }
    public string? Name { get; set; }
    public string? Website { get; set; }
    public string? Country { get; set; }
    public string? Type { get; set; }
    public string? Owner { get; set; }
    public string? Domain { get; set; }
    public required string NameKey { get; set; }
    public string? CountryKey { get; set; }
}

/// <summary>
/// What one side shares with the other: for a pair of populations, for one of its populations (the other id 0), or for
/// the whole partnership (both 0). Without a rule a side shares counts only.
/// </summary>
public class SharingRule : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    /// <summary>Whose records the rule is about (and who sets it).</summary>
    public MappingSide Side { get; set; }
    public int OurPopulationId { get; set; }
    public int PartnerPopulationId { get; set; }
    public SharingLevel Level { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"Sharing rule ({Side}): {SharingRules.Describe(Level)}";
}

sealed class PopulationConfiguration : IEntityTypeConfiguration<Population>
{
    public void Configure(EntityTypeBuilder<Population> b)
    {
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.ImportedByName).HasMaxLength(256);
        b.HasOne(p => p.Partnership).WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.Partner).WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.PartnershipId, p.Side, p.Name }).IsUnique();
    }
}

sealed class PopulationRecordConfiguration : IEntityTypeConfiguration<PopulationRecord>
{
    public void Configure(EntityTypeBuilder<PopulationRecord> b)
    {
        b.Property(r => r.Name).HasMaxLength(PopulationColumns.MaxName);
        b.Property(r => r.Website).HasMaxLength(PopulationColumns.MaxWebsite);
        b.Property(r => r.Country).HasMaxLength(PopulationColumns.MaxCountry);
        b.Property(r => r.Type).HasMaxLength(PopulationColumns.MaxType);
        b.Property(r => r.Owner).HasMaxLength(PopulationColumns.MaxOwner);
        b.Property(r => r.Domain).HasMaxLength(253);
        b.Property(r => r.NameKey).HasMaxLength(PopulationColumns.MaxName);
        b.Property(r => r.CountryKey).HasMaxLength(2);
        b.HasOne(r => r.Population).WithMany().HasForeignKey(r => r.PopulationId).OnDelete(DeleteBehavior.Cascade);
        // The overlap joins on these keys within a population.
        b.HasIndex(r => new { r.PopulationId, r.Domain });
        b.HasIndex(r => new { r.PopulationId, r.NameKey, r.CountryKey });
    }
}

sealed class SharingRuleConfiguration : IEntityTypeConfiguration<SharingRule>
{
    public void Configure(EntityTypeBuilder<SharingRule> b)
    {
        b.HasOne(r => r.Partnership).WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.PartnershipId, r.Side, r.OurPopulationId, r.PartnerPopulationId }).IsUnique();
    }
}
