using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Mapping;
using Warmglow.Core.Matching;
using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Referrals;

/// <summary>
/// An alias group: the several web domains of one company under one canonical key (the first domain), kept by our admins
/// and managers. Registrations and CRM accounts store the key of their domain (<c>DomainGroup</c>), so a registration on
/// any domain of the group conflicts with the others. Staff only.
/// </summary>
public class CompanyAlias : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string Name { get; set; }
    /// <summary>The canonical key: the group's first domain.</summary>
    public required string Key { get; set; }
    public List<CompanyAliasDomain> Domains { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"Alias group {Name} ({Key})";
}

/// <summary>One domain of an alias group; a domain is in at most one group of a workspace.</summary>
public class CompanyAliasDomain : IWorkspaceOwned
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int AliasId { get; set; }
    public CompanyAlias? Alias { get; set; }
    public required string Domain { get; set; }
    public int Position { get; set; }
}

/// <summary>Which list of ours a CRM account came from.</summary>
public enum CrmAccountKind { Customer = 0, Opportunity = 1 }

/// <summary>
/// One of our own accounts from a CRM export (Salesforce or HubSpot column names): a customer, or a company with an open
/// opportunity. A registration on its domain (or an alias of it) is a hard conflict. Imported in bulk, a whole list
/// replacing the previous one of its kind; staff only.
/// </summary>
public class CrmAccount : IWorkspaceOwned
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public CrmAccountKind Kind { get; set; }
    public int Line { get; set; }
    public string? Name { get; set; }
    public string? Website { get; set; }
    public string? Country { get; set; }
    public string? Type { get; set; }
    public string? Owner { get; set; }
    public string? Domain { get; set; }
    public string? DomainGroup { get; set; }
    public required string NameKey { get; set; }
    public string? CountryKey { get; set; }
    public DateTime ImportedAt { get; set; }
    public string? ImportedByName { get; set; }
}

sealed class CompanyAliasConfiguration : IEntityTypeConfiguration<CompanyAlias>
{
    public void Configure(EntityTypeBuilder<CompanyAlias> b)
    {
        b.Property(a => a.Name).HasMaxLength(CompanyAliases.MaxName);
        b.Property(a => a.Key).HasMaxLength(253);
        b.HasMany(a => a.Domains).WithOne(d => d.Alias).HasForeignKey(d => d.AliasId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.WorkspaceId, a.Name });
    }
}

sealed class CompanyAliasDomainConfiguration : IEntityTypeConfiguration<CompanyAliasDomain>
{
    public void Configure(EntityTypeBuilder<CompanyAliasDomain> b)
    {
        b.Property(d => d.Domain).HasMaxLength(253);
        b.HasIndex(d => new { d.WorkspaceId, d.Domain }).IsUnique();
        b.HasIndex(d => d.AliasId);
    }
}

sealed class CrmAccountConfiguration : IEntityTypeConfiguration<CrmAccount>
{
    public void Configure(EntityTypeBuilder<CrmAccount> b)
    {
        b.Property(r => r.Name).HasMaxLength(PopulationColumns.MaxName);
        b.Property(r => r.Website).HasMaxLength(PopulationColumns.MaxWebsite);
        b.Property(r => r.Country).HasMaxLength(PopulationColumns.MaxCountry);
        b.Property(r => r.Type).HasMaxLength(PopulationColumns.MaxType);
        b.Property(r => r.Owner).HasMaxLength(PopulationColumns.MaxOwner);
        b.Property(r => r.Domain).HasMaxLength(253);
        b.Property(r => r.DomainGroup).HasMaxLength(253);
        b.Property(r => r.NameKey).HasMaxLength(PopulationColumns.MaxName);
        b.Property(r => r.CountryKey).HasMaxLength(100);
        b.Property(r => r.ImportedByName).HasMaxLength(256);
        // The conflict check looks our accounts up by the domain's group key, and by name and country without a domain.
        b.HasIndex(r => new { r.WorkspaceId, r.DomainGroup });
        b.HasIndex(r => new { r.WorkspaceId, r.NameKey, r.CountryKey });
        b.HasIndex(r => new { r.WorkspaceId, r.Kind, r.Name });
    }
}
