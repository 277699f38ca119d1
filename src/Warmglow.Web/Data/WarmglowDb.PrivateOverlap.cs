using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.PrivateOverlap;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<PeerLink> PeerLinks => Set<PeerLink>();
    public DbSet<PrivateOverlapRun> PrivateOverlapRuns => Set<PrivateOverlapRun>();
    public DbSet<PrivateOverlapMatch> PrivateOverlapMatches => Set<PrivateOverlapMatch>();
    public DbSet<PeerNonce> PeerNonces => Set<PeerNonce>();

    [Infrastructure.Modules.ModelPart]
    void OnPrivateOverlapModel(ModelBuilder b)
    {
        // Links, runs and matches are staff's (internal, the default). Peer requests carry no user: the peer-signature
        // handler finds the link across workspaces and the service then acts for the link's workspace (docs/decisions/0031).
    }
}
