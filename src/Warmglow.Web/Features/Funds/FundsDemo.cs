using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Funds;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Health;

namespace Warmglow.Web.Features.Funds;

/// <summary>
/// A market development fund (running) and a pilot budget (ended, claims still open) allocated to the live
/// partnerships, with requests in every status, paid claims with small proof files, and balances that match the rows
/// (after initiatives at 360, so requests can name the initiative they pay for).
/// </summary>
public sealed class FundsDemo(WarmglowDb db) : IDemoContributor
{
    public int Order => 370;

    static readonly byte[] Invoice = "%PDF-1.4\n% Demo invoice\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
    static readonly byte[] Attendees = "name,company,attended\nAda Lovelace,Northwind,yes\nGrace Hopper,Contoso,yes\nAlan Turing,Fabrikam,no\n"u8.ToArray();

    sealed record Plan(string Title, FundActivity Activity, decimal Amount, FundStatus Status, decimal? Paid = null, string? Reason = null, bool Partner = false);

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var live = await db.Partnerships.AsNoTracking().Where(p => HealthService.LiveStages.Contains(p.Stage)).OrderBy(p => p.Id).Select(p => p.Id).Take(3).ToListAsync(ct);
        if (live.Count == 0) return;
        var today = DateOnly.FromDateTime(context.Now);
        var decider = context.Staff[0].DisplayName;

        var mdf = new Fund
        {
            Name = "Market development funds 2026", Kind = FundKind.MarketDevelopment, Currency = "EUR", Amount = 60000m,
            Description = "Joint marketing with our partners: webinars, events, content and campaigns. Partners co-invest 30%.",
            StartsOn = today.AddDays(-90), EndsOn = today.AddDays(90), ClaimDeadline = today.AddDays(120), VendorShare = 70m, PartnerShare = 30m,
            ManagerApprovalLimit = 2500m, ExecutiveApprovalLimit = 10000m,
        };
        var pilot = new Fund
        {
            Name = "Pilot budget H1", Kind = FundKind.PilotBudget, Currency = "EUR", Amount = 15000m,
            Description = "A small budget for pilot projects: scale the ideas that work.", StartsOn = today.AddDays(-200), EndsOn = today.AddDays(-20),
            ClaimDeadline = today.AddDays(10), VendorShare = 100m, PartnerShare = 0m, ManagerApprovalLimit = 5000m,
        };
        db.Funds.AddRange(mdf, pilot);
        await db.SaveChangesAsync(ct);

        Plan[] mdfPlans =
        [
            new("Webinar series: modern partner ops", FundActivity.Webinar, 4000m, FundStatus.Paid, 3650.40m),
            new("Booth at the spring conference", FundActivity.Event, 9000m, FundStatus.Approved),
            new("Case study and video", FundActivity.Content, 2200m, FundStatus.Submitted, Partner: true),
            new("Paid social for the bundle", FundActivity.Campaign, 3000m, FundStatus.NeedsInfo, Reason: "Which audiences, and what cost per lead do you expect?"),
            new("Partner sales training", FundActivity.Training, 1500m, FundStatus.Rejected, Reason: "Training is paid from the enablement budget, not MDF."),
            new("Newsletter sponsorship", FundActivity.Campaign, 800m, FundStatus.Cancelled, Reason: "The newsletter closed."),
            new("Roadshow (draft)", FundActivity.Event, 6000m, FundStatus.Draft, Partner: true),
        ];
        Plan[] pilotPlans =
        [
            new("Pilot: automated onboarding", FundActivity.Pilot, 5000m, FundStatus.Paid, 4200m),
            new("Pilot: clinic scheduling", FundActivity.Pilot, 3000m, FundStatus.Approved),
            new("Pilot: usage analytics", FundActivity.Pilot, 2000m, FundStatus.Expired, Reason: "Not decided before the fund ended."),
        ];

        await AddFundAsync(mdf, live, mdfPlans, 20000m, today, decider, context.Now, ct);
        await AddFundAsync(pilot, live, pilotPlans, 6000m, today, decider, context.Now, ct);
        db.ChangeTracker.Clear();
    }

    async Task AddFundAsync(Fund fund, IReadOnlyList<int> partnerships, Plan[] plans, decimal each, DateOnly today, string decider, DateTime now, CancellationToken ct)
    {
        // Never more than the fund holds, however many live partnerships the demo has.
        each = Math.Min(each, Math.Floor(fund.Amount / Math.Max(1, partnerships.Count)));
        var allocations = partnerships.Select(p => new FundAllocation { FundId = fund.Id, PartnershipId = p, Amount = each }).ToList();
        db.FundAllocations.AddRange(allocations);
        fund.Allocated = each * allocations.Count;
        await db.SaveChangesAsync(ct);
        var initiatives = await db.Initiatives.AsNoTracking().Where(i => partnerships.Contains(i.PartnershipId))
            .Select(i => new { i.Id, i.PartnershipId, i.Kind }).ToListAsync(ct);
        for (var k = 0; k < plans.Length; k++)
        {
            var plan = plans[k];
            var a = allocations[k % allocations.Count];
            var start = fund.EndsOn < today ? fund.StartsOn.AddDays(20 + k * 10) : today.AddDays(-40 + k * 12);
            var r = new FundRequest
            {
                FundId = fund.Id, AllocationId = a.Id, PartnershipId = a.PartnershipId, Activity = plan.Activity, Title = plan.Title, Amount = plan.Amount,
                PlannedStart = start, PlannedEnd = start.AddDays(3), ExpectedOutcome = "Qualified leads and a case for scaling", Status = plan.Status,
                ByPartner = plan.Partner, RequestedByName = plan.Partner ? "Partner contact" : decider, StatusChangedAt = now.AddDays(-k),
                DecisionReason = plan.Reason ?? (plan.Status is FundStatus.Approved or FundStatus.Paid ? "Fits the plan and the balance." : null),
                DecidedByName = plan.Status is FundStatus.Draft or FundStatus.Submitted or FundStatus.Cancelled or FundStatus.Expired ? null : decider,
                DecidedAt = plan.Status is FundStatus.Draft or FundStatus.Submitted or FundStatus.Cancelled or FundStatus.Expired ? null : now.AddDays(-k - 1),
                InitiativeId = initiatives.FirstOrDefault(i => i.PartnershipId == a.PartnershipId && (plan.Activity == FundActivity.Pilot
                    ? i.Kind == Core.Initiatives.InitiativeKind.Pilot : i.Kind == Core.Initiatives.InitiativeKind.Webinar))?.Id,
                PaidAmount = plan.Paid,
            };
            if (FundLifecycle.IsPending(plan.Status)) a.Pending += plan.Amount;
            else if (plan.Status == FundStatus.Approved) a.Reserved += plan.Amount;
            else if (plan.Status == FundStatus.Paid)
            {
                a.Paid += plan.Paid!.Value;
                r.Claims.Add(new FundClaim
                {
                    Spent = plan.Paid.Value, Note = "Actual costs, invoices attached.", Status = FundStatus.Paid, IdempotencyKey = $"demo-claim-{fund.Id}-{k}",
                    ReviewedByName = decider, PaidOn = today.AddDays(-5 - k), PaymentReference = $"PAY-{fund.Id:000}-{k:00}", PaymentKey = $"demo-pay-{fund.Id}-{k}",
                    SubmittedByName = "Partner contact", StatusChangedAt = now.AddDays(-5 - k),
                    Proofs =
                    [
                        new FundProof { FileName = "invoice.pdf", ContentType = "application/pdf", Size = Invoice.Length, Content = Invoice, UploadedAt = now.AddDays(-8), UploadedByName = "Partner contact" },
                        new FundProof { FileName = "attendees.csv", ContentType = "text/csv", Size = Attendees.Length, Content = Attendees, UploadedAt = now.AddDays(-8), UploadedByName = "Partner contact" },
                    ],
                });
            }
            db.FundRequests.Add(r);
        }
        if (fund.EndsOn < today)
            foreach (var a in allocations)
            {
                a.Expired = a.Balance.Available;
                a.ExpiredAt = now.AddDays(-19);
            }
        await db.SaveChangesAsync(ct);
    }
}
