using Warmglow.Web.Features;

namespace Warmglow.Web.Features.Workspaces;

/// <summary>An organization running its partnerships (a tenant). Nothing crosses between workspaces.</summary>
public class Workspace
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Combined scorecard score (0–100) a candidate needs for the shortlist and the agreement gate.</summary>
    public decimal ShortlistThreshold { get; set; } = Discovery.DiscoveryService.DefaultThreshold;
}
