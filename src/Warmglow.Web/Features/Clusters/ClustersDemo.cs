using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Clusters;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;

namespace Warmglow.Web.Features.Clusters;

/// <summary>
/// Clusters demo data: the seeds' data analytics cluster, made of demo partners — Relaywise CRM brings the data
/// integration, Northbridge Neuroscience Institute the analysis and visualization, Keystone Workplace Wellbeing the
/// consulting — for enterprise employers in the UK and Ireland (two warnings show, both about Relaywise: it serves the
/// mid-market and works in Europe), and a few partner-to-partner links between them and a reseller.
/// </summary>
public sealed class ClustersDemo(WarmglowDb db, ClusterService clusters) : IDemoContributor
{
    public int Order => 450; // after revenue, referrals and initiatives, so the cluster's figures are there

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var names = new[] { "Relaywise CRM", "Northbridge Neuroscience Institute", "Keystone Workplace Wellbeing", "Zenith Benefits Group" };
        var ids = await db.Partners.Where(p => names.Contains(p.Name)).ToDictionaryAsync(p => p.Name, p => p.Id, ct);
        if (!names.Take(3).All(ids.ContainsKey)) return;
        int Id(string name) => ids[name];

        await clusters.CreateAsync(new ClusterInput("Data analytics cluster",
            "Workplace wellbeing insights as one offer: usage and check-in data flows from Mindful Glow into the CRM the employer already uses, " +
            "is turned into stress and focus dashboards grounded in heart-rate variability research, and is read with HR in quarterly consulting sessions.",
            "HR and people teams at employers with 1,000+ staff who want to show the effect of their wellbeing programme.",
            CustomerSegment.Enterprise, "UK & Ireland",
            [
                new ClusterMemberInput(Id("Relaywise CRM"), "Data integration: syncs usage and check-ins into the CRM", CustomerSegment.MidMarket, BusinessModel.Subscription),
                new ClusterMemberInput(Id("Northbridge Neuroscience Institute"), "Visualization: stress and focus dashboards built on HRV research", CustomerSegment.Enterprise, BusinessModel.Subscription),
                new ClusterMemberInput(Id("Keystone Workplace Wellbeing"), "Consulting: rollout and quarterly results reviews with HR", CustomerSegment.Enterprise, BusinessModel.Services),
            ], null), ct);

        await clusters.CreateLinkAsync(new PartnerLinkInput(Id("Relaywise CRM"), Id("Northbridge Neuroscience Institute"), PartnerLinkKind.IntegratesWith,
            "Check-in data reaches the dashboards through the Relaywise connector."), ct);
        await clusters.CreateLinkAsync(new PartnerLinkInput(Id("Keystone Workplace Wellbeing"), Id("Northbridge Neuroscience Institute"), PartnerLinkKind.CoDelivers,
            "Keystone's coaches present the dashboards in the quarterly HR reviews."), ct);
        if (ids.ContainsKey("Zenith Benefits Group"))
            await clusters.CreateLinkAsync(new PartnerLinkInput(Id("Zenith Benefits Group"), Id("Keystone Workplace Wellbeing"), PartnerLinkKind.Resells,
                "Zenith offers Keystone's programmes inside its US benefits bundle."), ct);
    }
}
