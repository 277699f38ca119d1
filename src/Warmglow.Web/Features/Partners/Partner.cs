using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Features.Partners;

/// <summary>A partner organization.</summary>
public class Partner : IWorkspaceOwned, IVersioned, IAudited, ITimestamped
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string Name { get; set; }
    public string? Website { get; set; }
    public string? Industry { get; set; }
    public string? Size { get; set; }
    public string? Region { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<Contact> Contacts { get; set; } = [];
    public List<PartnershipMember> Memberships { get; set; } = [];
}

/// <summary>A person at a partner organization.</summary>
public class Contact : IWorkspaceOwned, IVersioned, IAudited, ITimestamped
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnerId { get; set; }
    public Partner? Partner { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? Title { get; set; }
    public string? Phone { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
