using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Mapping;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.PrivateOverlap;

/// <summary>
/// The second live partnership's partner runs its own Warmglow: a connected link (made here, no network at demo load)
/// and two past runs of our customers against theirs, counts only, one started by each side.
/// </summary>
public sealed class PrivateOverlapDemo(WarmglowDb db, IPopulationKeySource populations, PeerKeys keys) : IDemoContributor
{
    public int Order => 380; // after account mapping's populations (370)

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var partnership = await db.Partnerships.AsNoTracking().Where(p => HealthService.LiveStages.Contains(p.Stage)).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name }).Skip(1).FirstOrDefaultAsync(ct);
        if (partnership is null) return;
        var customers = (await populations.OwnPopulationsAsync(partnership.Id, ct)).FirstOrDefault(p => p.Name == "Customers" && p.Level != SharingLevel.Hidden);
        if (customers is null) return;
        var (pub, priv) = PeerSigning.NewKeyPair();
        var (peerPub, _) = PeerSigning.NewKeyPair();
        var manager = context.Staff.FirstOrDefault(s => s.DisplayName?.Contains("Dana") == true) ?? context.Staff[0];
        var link = new PeerLink
        {
            PartnershipId = partnership.Id, Status = PeerLinkStatus.Active, PublicId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
            PeerPublicId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), PeerUrl = "https://warmglow.partner.example",
            PeerName = partnership.Name.Split(" × ").LastOrDefault() ?? "Partner", OwnPublicKey = pub, OwnPrivateKeyProtected = keys.Protect(priv),
            PeerPublicKey = peerPub, AcceptedAt = context.Now.AddDays(-21), CreatedByName = manager.DisplayName,
        };
        db.PeerLinks.Add(link);
        await db.SaveChangesAsync(ct);
        db.PrivateOverlapRuns.AddRange(
            new PrivateOverlapRun
            {
                PeerLinkId = link.Id, RunKey = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), Role = RunRole.Initiator, OurPopulationId = customers.Id,
                OurPopulationName = customers.Name, PeerPopulationName = "Customers", OurSize = customers.RecordCount, PeerSize = 1_240, Count = 38,
                Status = RunStatus.Completed, StartedByName = manager.DisplayName ?? "Manager", StartedAt = context.Now.AddDays(-14),
                FinishedAt = context.Now.AddDays(-14).AddSeconds(3),
            },
            new PrivateOverlapRun
            {
                PeerLinkId = link.Id, RunKey = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), Role = RunRole.Responder, OurPopulationId = customers.Id,
                OurPopulationName = customers.Name, PeerPopulationName = "Open opportunities", OurSize = customers.RecordCount, PeerSize = 310, Count = 9,
                Status = RunStatus.Completed, StartedByName = link.PeerName, StartedAt = context.Now.AddDays(-3), FinishedAt = context.Now.AddDays(-3).AddSeconds(2),
            });
        await db.SaveChangesAsync(ct);
    }
}
