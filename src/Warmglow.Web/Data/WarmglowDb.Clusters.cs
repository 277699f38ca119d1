using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Clusters;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    // Clusters and partner-to-partner links are internal: the partner filter stays closed (the default), so partner users
    // read none of them.
    public DbSet<PartnerCluster> PartnerClusters => Set<PartnerCluster>();
    public DbSet<ClusterMember> ClusterMembers => Set<ClusterMember>();
    public DbSet<PartnerLink> PartnerLinks => Set<PartnerLink>();
}
