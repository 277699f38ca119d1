using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Partnerships;

/// <summary>Our relationship with one partner, or with several (an ecosystem partnership).</summary>
public class Partnership : IWorkspaceOwned, IVersioned, IAudited, ITimestamped
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string Name { get; set; }
    public PartnershipType Type { get; set; }
    public PartnershipStage Stage { get; set; }
    /// <summary>While on hold: the stage to resume to.</summary>
    public PartnershipStage? HeldFromStage { get; set; }
    public string? ManagerId { get; set; }
    public AppUser? Manager { get; set; }
    public string? SponsorId { get; set; }
    public AppUser? Sponsor { get; set; }
    public DateOnly? StartDate { get; set; }
    /// <summary>The partner persona this candidate is measured against; its scorecard is the default for evaluations.</summary>
    public int? PersonaId { get; set; }
    public string? Notes { get; set; }
    /// <summary>Whether partner users may read <see cref="Notes"/>; internal unless chosen when written.</summary>
    public bool NotesShared { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<PartnershipMember> Members { get; set; } = [];
    public List<StageTransition> Transitions { get; set; } = [];
}

/// <summary>A partner taking part in a partnership. One member is the lead; ecosystem partnerships have more.</summary>
public class PartnershipMember : IWorkspaceOwned
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public int PartnerId { get; set; }
    public Partner? Partner { get; set; }
    public bool IsLead { get; set; }
}

/// <summary>A recorded lifecycle move: who, when, why.</summary>
public class StageTransition : IWorkspaceOwned
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public PartnershipStage? FromStage { get; set; }
    public PartnershipStage ToStage { get; set; }
    public required string Reason { get; set; }
    /// <summary>Whether partner users may read <see cref="Reason"/>; internal unless chosen when the move was made.</summary>
    public bool ReasonShared { get; set; }
    public string? ByUserId { get; set; }
    public required string ByUserName { get; set; }
    public DateTime At { get; set; }
}
