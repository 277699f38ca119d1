using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Onboarding;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;

namespace Warmglow.Web.Features.Onboarding;

/// <summary>
/// Onboarding demo data: every demo partnership that went through Onboarding gets its checklist, dated from that move.
/// Those that moved on are complete, with times to onboard falling from 4 weeks for the oldest to 1 week for the newest
/// (the seeds); one went live before its last steps and carries a manager's override. The partnership still in
/// Onboarding is in progress: a step waiting for our approval, one sent back, the rest pending.
/// </summary>
public sealed class OnboardingDemo(WarmglowDb db, OnboardingService onboarding) : IDemoContributor
{
    public int Order => 380; // after agreements and tasks; before health (400) and the portfolio (500)

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var manager = context.Staff.FirstOrDefault(s => s.Email?.Contains("manager", StringComparison.OrdinalIgnoreCase) == true) ?? context.Staff[0];
        var moves = await db.StageTransitions.AsNoTracking().Where(t => t.ToStage == PartnershipStage.Onboarding || t.FromStage == PartnershipStage.Onboarding)
            .Select(t => new { t.PartnershipId, t.FromStage, t.ToStage, t.At, t.Partnership!.Stage }).ToListAsync(ct);
        var entries = moves.Where(m => m.ToStage == PartnershipStage.Onboarding).GroupBy(m => m.PartnershipId)
            .Select(g => new { PartnershipId = g.Key, At = g.Min(m => m.At), g.First().Stage,
                LeftAt = moves.Where(m => m.PartnershipId == g.Key && m.FromStage == PartnershipStage.Onboarding).Select(m => (DateTime?)m.At).Min() })
            .OrderBy(e => e.At).ToList();
        var finished = entries.Where(e => e.Stage != PartnershipStage.Onboarding).ToList();
        var today = DateOnly.FromDateTime(db.UtcNow);

        for (var i = 0; i < finished.Count; i++)
        {
            var e = finished[i];
            // The seeds: 4 weeks down to 1, oldest onboarding first.
            var days = finished.Count == 1 ? 7 : (int)Math.Round(28 - 21.0 * i / (finished.Count - 1));
            var c = await StartBackdatedAsync(e.PartnershipId, e.At, today, ct);
            var end = e.At.AddDays(days - 1).AddHours(6);
            var required = c.Steps.Where(s => s.Required).OrderBy(s => s.Position).ToList();
            for (var k = 0; k < required.Count; k++)
            {
                var s = required[k];
                s.Status = StepStatus.Done;
                s.DoneAt = k == required.Count - 1 ? end : e.At.AddHours((end - e.At).TotalHours * (k + 1) / required.Count * 0.9);
                s.DoneByName = s.OwnerSide == StepOwnerSide.Ours || s.NeedsApproval ? manager.DisplayName : "Partner team";
            }
            foreach (var s in c.Steps.Where(s => !s.Required))
            {
                s.Status = s.Position % 2 == 0 ? StepStatus.Done : StepStatus.Skipped;
                if (s.Status == StepStatus.Done) { s.DoneAt = e.At.AddDays(days / 2.0); s.DoneByName = manager.DisplayName; }
            }
            OnboardingService.SetCompleted(c, end);
            if (e.LeftAt is { } left && left < end)
            {
                c.OverrideReason = "Went live for the launch date before the last steps were done; they were finished in the following weeks.";
                c.OverrideByName = manager.DisplayName;
                c.OverrideAt = left.AddHours(-1);
            }
        }
        await db.SaveChangesAsync(ct);

        foreach (var e in entries.Where(e => e.Stage == PartnershipStage.Onboarding))
        {
            var c = await StartBackdatedAsync(e.PartnershipId, e.At, today, ct);
            var steps = c.Steps.OrderBy(s => s.Position).ToList();
            var elapsed = Math.Max(1, (int)(db.UtcNow - e.At).TotalDays);
            foreach (var s in steps.Where(s => s.OwnerSide == StepOwnerSide.Ours).Take(2))
            {
                s.Status = StepStatus.Done;
                s.DoneAt = e.At.AddDays(Math.Min(elapsed - 1, 2 + s.Position));
                s.DoneByName = manager.DisplayName;
            }
            var theirs = steps.Where(s => s.OwnerSide == StepOwnerSide.Partner && s.Required).ToList();
            if (theirs.FirstOrDefault(s => s.NeedsApproval) is { } waiting)
            {
                waiting.Status = StepStatus.WaitingForApproval;
                waiting.DoneAt = db.UtcNow.AddDays(-2);
                waiting.DoneByName = "Partner team";
                waiting.Note = "All six intake coordinators finished the course; certificates attached in the shared folder.";
            }
            if (theirs.Skip(1).FirstOrDefault() is { } back)
            {
                back.Status = StepStatus.ActionRequired;
                back.Comment = "The plan needs a date and a named host on your side; please add them and mark it done again.";
            }
        }
        await db.SaveChangesAsync(ct);
    }

    async Task<OnboardingChecklist> StartBackdatedAsync(int partnershipId, DateTime at, DateOnly today, CancellationToken ct)
    {
        var c = await onboarding.StartAsync(partnershipId, ct);
        await db.Entry(c).Collection(x => x.Steps).LoadAsync(ct);
        var start = DateOnly.FromDateTime(at);
        c.StartedAt = at;
        foreach (var s in c.Steps) s.DueOn = start.AddDays(s.DueOn.DayNumber - today.DayNumber);
        return c;
    }
}
