using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Tasks;

/// <summary>
/// Hand-made tasks for the demo: action items on live partnerships with internal and shared comments, three of them
/// overdue on one partnership (so its red flag shows), one in progress, one dropped, one task without a partnership,
/// and one action item owned by the demo partner user (the first partner user by e-mail, the one whose sign-in link the
/// demo prints). Runs after governance (350) and before health (400), whose recompute turns the overdue items into a flag.
/// </summary>
public sealed class TasksDemo(WarmglowDb db) : IDemoContributor
{
    public int Order => 360;

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var ws = db.Tenant.RequireWorkspace();
        var live = await db.Partnerships.AsNoTracking().Where(p => HealthService.LiveStages.Contains(p.Stage)).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.ManagerId, Partners = p.Members.Select(m => m.PartnerId).ToList() }).ToListAsync(ct);
        var managers = context.Staff.Where(s => db.Memberships.Any(m => m.WorkspaceId == ws && m.UserId == s.Id && m.Roles.Contains(Roles.Manager))).ToList();
        if (live.Count == 0 || managers.Count == 0) return;
        var today = DateOnly.FromDateTime(context.Now);
        var partnerUser = await db.Memberships.AsNoTracking().Where(m => m.WorkspaceId == ws && m.PartnerId != null)
            .OrderBy(m => m.User!.Email).Select(m => new { m.UserId, m.PartnerId, m.User!.DisplayName }).FirstOrDefaultAsync(ct);
        var theirs = partnerUser is null ? null : live.FirstOrDefault(p => p.Partners.Contains(partnerUser.PartnerId!.Value));
        var first = theirs ?? live[0];
        var second = live.FirstOrDefault(p => p.Id != first.Id) ?? first;
        var lead = first.ManagerId ?? managers[0].Id;
        var other = managers.FirstOrDefault(m => m.Id != lead)?.Id ?? lead;
        var names = context.Staff.ToDictionary(s => s.Id, s => s.DisplayName);

        WorkTask Task(int? partnershipId, string title, string? details, string assignee, int dueInDays, bool shared = false,
            WorkTaskStatus status = WorkTaskStatus.Open) => new()
        {
            PartnershipId = partnershipId, Title = title, Details = details, AssigneeId = assignee, DueOn = today.AddDays(dueInDays), Shared = shared,
            Source = partnershipId is null ? WorkTasks.HandMadeSource : WorkTasks.ActionItemSource, SourceKey = $"hand:demo:{Guid.NewGuid():N}",
            CreatedById = lead, Status = status,
            DoneAt = status is WorkTaskStatus.Done or WorkTaskStatus.Dropped ? context.Now.AddDays(-2) : null,
        };
        var tasks = new List<(WorkTask Task, (string Text, bool Shared, bool FromPartner)[] Comments)>
        {
            (Task(first.Id, "Agree the co-marketing calendar for the next quarter", "Dates for the webinar, the newsletter slot and the trade show.", lead, -9, shared: true),
                [("Draft calendar sent to their marketing lead.", true, false), ("Their lead is on leave until next week; chase after.", false, false)]),
            (Task(first.Id, "Collect the partner's referral numbers for the quarterly review", null, other, -4),
                [("Asked twice by e-mail so far.", false, false)]),
            (Task(first.Id, "Update the shared pricing sheet", "The new tier discounts from the amendment.", lead, -2, status: WorkTaskStatus.InProgress),
                [("Half done: enterprise tier still missing.", false, false)]),
            (Task(first.Id, "Book the joint steering committee room", null, other, 12, status: WorkTaskStatus.Dropped),
                [("Dropped: the committee meets online from now on.", true, false)]),
            (Task(second.Id, "Send the enablement deck to the new sales team", null, second.ManagerId ?? lead, 5, shared: true),
                [("Deck is in the shared folder; will walk them through it on Thursday.", true, false)]),
            (Task(null, "Prepare the partner programme budget for next year", "For the executive review.", lead, 20), []),
        };
        if (partnerUser is not null && theirs is not null)
            tasks.Add((Task(theirs.Id, "Confirm the speakers for the joint webinar", "Two speakers from your side, with a short bio each.", partnerUser.UserId, 6),
                [("Could you send the names by the end of next week?", true, false), ("Working on it: one confirmed, one to go.", true, true),
                 ("Internal: if they cannot find a second speaker, we cover the demo.", false, false)]));
        foreach (var (task, _) in tasks) db.Tasks.Add(task);
        await db.SaveChangesAsync(ct);
        var at = context.Now.AddDays(-6);
        foreach (var (task, comments) in tasks)
        {
            var i = 0;
            foreach (var (text, shared, fromPartner) in comments)
                db.TaskComments.Add(new TaskComment
                {
                    TaskId = task.Id, Text = text, Shared = shared, FromPartner = fromPartner, At = at.AddDays(i++).AddHours(task.Id % 5),
                    AuthorId = fromPartner ? partnerUser!.UserId : task.CreatedById,
                    AuthorName = fromPartner ? partnerUser!.DisplayName : names.GetValueOrDefault(task.CreatedById!, "Partnership manager"),
                });
        }
        await db.SaveChangesAsync(ct);
    }
}
