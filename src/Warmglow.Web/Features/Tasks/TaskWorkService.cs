using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Tasks;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Tasks;

/// <summary>What a list of tasks is narrowed to; every filter runs in the database.</summary>
public sealed record TaskFilter(TaskScope Scope = TaskScope.Mine, int? PartnershipId = null, string? AssigneeId = null,
    WorkTaskStatus? Status = null, bool Overdue = false, bool Active = false);

/// <summary>A hand-made task or action item. <see cref="Shared"/>: whether the partner's users may read it.</summary>
public sealed record TaskInput(string? Title, string? Details, int? PartnershipId, string? AssigneeId, DateOnly? DueOn, bool? Shared, int? Version = null);

public sealed record TaskAssignment(string? AssigneeId, int? Version);

/// <summary>A comment: <see cref="Shared"/> says whether the partner may read it (partner users' comments are always shared).</summary>
public sealed record CommentInput(string? Text, bool? Shared);

public sealed record TaskCommentDto(int Id, string Text, bool Shared, string AuthorName, bool FromPartner, DateTime At);

public sealed record TaskDetailsDto(TaskDto Task, IReadOnlyList<TaskCommentDto> Comments, string? CreatedByName);

/// <summary>
/// Tasks people make and work by hand (decision 0025): create, assign and reassign, comment (internal or shared, chosen
/// when written), move through open → in progress → done or dropped. Action items outside meetings are tasks on a
/// partnership; their owner may be one of the partnership's partner users, who then reads and works them in the portal.
/// Partner users reach only what the DbContext's partner filter admits (their partnership's tasks assigned to them or
/// shared), and only shared comments.
/// </summary>
public sealed class TaskWorkService(WarmglowDb db, UserDirectory users)
{
    bool IsPartner => db.Tenant.PartnerId is not null;
    DateOnly Today => DateOnly.FromDateTime(db.UtcNow);

    /// <summary>Tasks by due date, active first; "mine" are the caller's, "all" every task the caller may read.</summary>
    public Task<Paged<TaskDto>> ListAsync(TaskFilter filter, int? page, int? pageSize, CancellationToken ct = default)
    {
        var today = Today;
        var query = db.Tasks.AsNoTracking();
        if (filter.Scope == TaskScope.Mine)
        {
            var me = db.Tenant.UserId;
            query = query.Where(t => t.AssigneeId == me);
        }
        if (filter.PartnershipId is { } pid) query = query.Where(t => t.PartnershipId == pid);
        if (!string.IsNullOrWhiteSpace(filter.AssigneeId)) query = query.Where(t => t.AssigneeId == filter.AssigneeId);
        if (filter.Status is { } s) query = query.Where(t => t.Status == s);
        if (filter.Active || filter.Overdue) query = query.Where(t => t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress);
        if (filter.Overdue) query = query.Where(t => t.DueOn < today);
        return Project(query
                .OrderBy(t => t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress ? 0 : 1)
                .ThenBy(t => t.DueOn).ThenBy(t => t.Id), today)
            .ToPageAsync(page, pageSize, ct);
    }

    IQueryable<TaskDto> Project(IQueryable<WorkTask> query, DateOnly today)
    {
        var ws = db.Tenant.RequireWorkspace();
        return query.Select(t => new TaskDto(t.Id, t.Title, t.Details, t.PartnershipId, t.Partnership!.Name, t.AssigneeId,
            t.Assignee!.DisplayName, t.DueOn, (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress) && t.DueOn < today,
            t.Source, t.Link, t.Status, t.DoneAt, t.Version)
        {
            Shared = t.Shared,
            HandMade = t.CreatedById != null,
            AssigneeIsPartner = db.Memberships.Any(m => m.WorkspaceId == ws && m.UserId == t.AssigneeId && m.PartnerId != null),
        });
    }

    /// <summary>One task with its comments (partner users: shared ones only).</summary>
    public async Task<TaskDetailsDto> GetAsync(int id, CancellationToken ct = default)
    {
        var task = await Project(db.Tasks.AsNoTracking().Where(t => t.Id == id), Today).FirstOrDefaultAsync(ct) ?? throw new NotFound("Task");
        var partner = IsPartner;
        var comments = await db.TaskComments.AsNoTracking().Where(c => c.TaskId == id && (!partner || c.Shared)).OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new TaskCommentDto(c.Id, c.Text, c.Shared, c.AuthorName, c.FromPartner, c.At)).Take(500).ToListAsync(ct);
        var createdBy = partner ? null : await db.Tasks.Where(t => t.Id == id).Select(t => t.CreatedById).FirstOrDefaultAsync(ct) is { } by
            ? (await users.NamesAsync([by], ct)).GetValueOrDefault(by) : null;
        return new(task, comments, createdBy);
    }

    /// <summary>Makes a task by hand (managers; the endpoint and page authorize). On a partnership it is an action item.</summary>
    public async Task<TaskDto> CreateAsync(TaskInput input, CancellationToken ct = default)
    {
        if (IsPartner) throw new Forbidden("Partner users cannot create tasks; ask your partnership manager.");
        var errors = Check(input);
        await CheckPartnershipAndAssigneeAsync(errors, input.PartnershipId, input.AssigneeId, ct);
        ValidationFailed.ThrowIfAny(errors);
        var task = new WorkTask
        {
            Title = input.Title!.Trim(), Details = FieldRules.Clean(input.Details), PartnershipId = input.PartnershipId,
            AssigneeId = input.AssigneeId, DueOn = input.DueOn!.Value, Shared = input.PartnershipId is not null && input.Shared == true,
            Source = input.PartnershipId is null ? WorkTasks.HandMadeSource : WorkTasks.ActionItemSource,
            SourceKey = $"hand:{Guid.NewGuid():N}", CreatedById = db.Tenant.UserId,
        };
        db.Tasks.Add(task);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(task.Id, ct)).Task;
    }

    /// <summary>
    /// Edits a task (managers). Hand-made tasks change title, details, partnership, assignee, due date and sharing; tasks
    /// the system opened keep their title, details and partnership. A stale version is a conflict (409).
    /// </summary>
    public async Task<TaskDto> UpdateAsync(int id, TaskInput input, CancellationToken ct = default)
    {
        if (IsPartner) throw new Forbidden("Partner users cannot edit tasks.");
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFound("Task");
        var handMade = task.CreatedById is not null;
        var errors = Check(handMade ? input : input with { Title = task.Title, Details = task.Details, PartnershipId = task.PartnershipId });
        var version = RequireVersion(errors, input.Version);
        var partnershipId = handMade ? input.PartnershipId : task.PartnershipId;
        await CheckPartnershipAndAssigneeAsync(errors, partnershipId, input.AssigneeId, ct);
        ValidationFailed.ThrowIfAny(errors);
        db.Entry(task).Property(t => t.Version).OriginalValue = version;
        if (handMade)
        {
            task.Title = input.Title!.Trim();
            task.Details = FieldRules.Clean(input.Details);
            task.PartnershipId = partnershipId;
            task.Source = partnershipId is null ? WorkTasks.HandMadeSource : WorkTasks.ActionItemSource;
        }
        task.AssigneeId = input.AssigneeId;
        task.DueOn = input.DueOn!.Value;
        task.Shared = task.PartnershipId is not null && input.Shared == true;
        await db.SaveChangesAsync(ct);
        return (await GetAsync(id, ct)).Task;
    }

    /// <summary>Assigns or reassigns a task (managers); an empty assignee leaves it unassigned.</summary>
    public async Task<TaskDto> AssignAsync(int id, TaskAssignment input, CancellationToken ct = default)
    {
        if (IsPartner) throw new Forbidden("Partner users cannot reassign tasks.");
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFound("Task");
        var errors = new FieldErrors();
        var version = RequireVersion(errors, input.Version);
        var assignee = FieldRules.Clean(input.AssigneeId);
        if (assignee is not null) await CheckAssigneeAsync(errors, task.PartnershipId, assignee, ct);
        ValidationFailed.ThrowIfAny(errors);
        db.Entry(task).Property(t => t.Version).OriginalValue = version;
        task.AssigneeId = assignee;
        await db.SaveChangesAsync(ct);
        return (await GetAsync(id, ct)).Task;
    }

    /// <summary>
    /// Moves a task to open, in progress, done or dropped. Our people: its assignee or a manager. Partner users: tasks
    /// assigned to them. A stale version is a conflict (409).
    /// </summary>
    public async Task<TaskDto> SetStatusAsync(int id, WorkTaskStatus? status, int? version, bool canManage, CancellationToken ct = default)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFound("Task");
        var me = db.Tenant.UserId;
        if (IsPartner ? task.AssigneeId != me : !canManage && task.AssigneeId != me)
            throw new Forbidden(IsPartner ? "Only the person this action item is assigned to can change its status." : "Only the task's assignee or a manager can change it.");
        var errors = new FieldErrors();
        if (status is null) errors.Add("status", "is required: open, in progress, done or dropped.");
        else if (!Enum.IsDefined(status.Value)) errors.Add("status", "is not a task status: use open, in progress, done or dropped.");
        var v = RequireVersion(errors, version);
        ValidationFailed.ThrowIfAny(errors);
        db.Entry(task).Property(t => t.Version).OriginalValue = v;
        var closed = status is WorkTaskStatus.Done or WorkTaskStatus.Dropped;
        if (task.Status != status) task.DoneAt = closed ? db.UtcNow : null;
        task.Status = status!.Value;
        await db.SaveChangesAsync(ct);
        return (await GetAsync(id, ct)).Task;
    }

    /// <summary>
    /// Adds a comment. Our people (its assignee, or anyone who oversees) choose internal or shared; a task without a
    /// partnership only takes internal comments. Partner users comment on what they can read, always shared.
    /// </summary>
    public async Task<TaskCommentDto> CommentAsync(int id, CommentInput input, bool canOversee, CancellationToken ct = default)
    {
        var task = await db.Tasks.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.Id, t.PartnershipId, t.AssigneeId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFound("Task");
        var partner = IsPartner;
        if (!partner && !canOversee && task.AssigneeId != db.Tenant.UserId)
            throw new Forbidden("Only the task's assignee, a manager or an executive can comment on it.");
        var errors = new FieldErrors();
        errors.Required("text", input.Text, 4000);
        bool shared;
        if (partner)
        {
            if (input.Shared == false) errors.Add("shared", "must stay on: your comments are always shared with the partnership team.");
            shared = true;
        }
        else if (task.PartnershipId is null) shared = false;
        else if (input.Shared is null) { errors.Add("shared", "is required: say whether the partner may read this comment."); shared = false; }
        else shared = input.Shared.Value;
        ValidationFailed.ThrowIfAny(errors);
        var c = new TaskComment
        {
            TaskId = id, Text = input.Text!.Trim(), Shared = shared, AuthorId = db.Tenant.UserId, AuthorName = db.Tenant.UserName ?? "Someone",
            FromPartner = partner, At = db.UtcNow,
        };
        db.TaskComments.Add(c);
        await db.SaveChangesAsync(ct);
        return new(c.Id, c.Text, c.Shared, c.AuthorName, c.FromPartner, c.At);
    }

    /// <summary>Who may own a task here: our people, and for a task on a partnership the partner users of that partnership.</summary>
    public async Task<List<(string Id, string Name)>> AssigneeOptionsAsync(int? partnershipId, CancellationToken ct = default)
    {
        var staff = await users.StaffOptionsAsync(ct);
        if (partnershipId is not { } pid) return staff;
        var partners = await db.PartnershipMembers.AsNoTracking().Where(m => m.PartnershipId == pid).Select(m => m.PartnerId).ToListAsync(ct);
        var partnerUsers = await users.Memberships().Where(m => m.PartnerId != null && partners.Contains(m.PartnerId.Value))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName }).OrderBy(u => u.DisplayName).Take(200).ToListAsync(ct);
        return staff.Concat(partnerUsers.Select(u => (u.Id, $"{u.DisplayName} (partner)"))).ToList();
    }

    static FieldErrors Check(TaskInput input)
    {
        var errors = new FieldErrors();
        errors.Required("title", input.Title, 200);
        errors.Optional("details", input.Details, 2000);
        if (input.DueOn is null) errors.Add("dueOn", "is required: pick the day it is due.");
        return errors;
    }

    static int RequireVersion(FieldErrors errors, int? version)
    {
        if (version is null) errors.Add("version", "is required: send the version you read, so a change made meanwhile is not overwritten.");
        return version ?? 0;
    }

    async Task CheckPartnershipAndAssigneeAsync(FieldErrors errors, int? partnershipId, string? assigneeId, CancellationToken ct)
    {
        if (partnershipId is { } pid && !await db.Partnerships.AnyAsync(p => p.Id == pid, ct))
        {
            errors.Add("partnershipId", "is not a partnership in this workspace.");
            return;
        }
        if (string.IsNullOrWhiteSpace(assigneeId)) errors.Add("assigneeId", "is required: pick who does it.");
        else await CheckAssigneeAsync(errors, partnershipId, assigneeId, ct);
    }

    async Task CheckAssigneeAsync(FieldErrors errors, int? partnershipId, string assigneeId, CancellationToken ct)
    {
        var membership = await users.Memberships().Where(m => m.UserId == assigneeId).Select(m => new { m.PartnerId }).FirstOrDefaultAsync(ct);
        if (membership is null)
            errors.Add("assigneeId", "is not a person in this workspace: pick one of our people, or a partner user of the partnership.");
        else if (membership.PartnerId is { } partnerId)
        {
            if (partnershipId is not { } pid)
                errors.Add("assigneeId", "is a partner user: a task can go to the partner's side only on one of their partnerships, so pick the partnership first.");
            else if (!await db.PartnershipMembers.AnyAsync(m => m.PartnershipId == pid && m.PartnerId == partnerId, ct))
                errors.Add("assigneeId", "works for a partner outside this partnership: pick one of our people, or a partner user of this partnership.");
        }
    }
}
