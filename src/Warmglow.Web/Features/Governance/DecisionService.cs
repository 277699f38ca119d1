using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Governance;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Governance;

public sealed record RuleDto(DecisionType Type, string TypeName, DecisionRoute Route, string RouteName, int? Quorum);

/// <param name="PartnershipId">Null for the workspace default.</param>
/// <param name="Inherited">True when a partnership has no override and uses the workspace default.</param>
public sealed record FrameworkDto(int? PartnershipId, IReadOnlyList<RuleDto> Rules, bool Inherited, int Version);

public sealed record FrameworkInput(IReadOnlyList<DecisionRule>? Rules, int? Version);

public sealed record DecisionRequestInput(string? Title, string? Details, DecisionType? Type);

public sealed record VoteInput(int PersonId, Vote? Vote);

public sealed record DecideInput(string? Outcome, string? Reason, string? Discussion, IReadOnlyList<VoteInput>? Votes, int? Version);

public sealed record StatusInput(DecisionStatus? Status, string? Reason, int? Version);

public sealed record DecisionDto(int Id, int PartnershipId, string Title, string? Details, DecisionType Type, string TypeName,
    DecisionRoute Route, string RouteName, int? Quorum, DecisionStatus Status, DateTime RequestedAt, string RequestedBy,
    string? Discussion, string? Outcome, string? Reason, DateTime? DecidedAt, string? DecidedBy, IReadOnlyList<DecisionVote> Votes,
    decimal? DecisionDays, int? DecisionBusinessDays, int Version);

public sealed record DecisionTimePoint(string Period, int Decisions, decimal AverageDays, decimal AverageBusinessDays);

/// <summary>Decision time: decided − requested over decided decisions, overall and per quarter of the decision (oldest first).</summary>
public sealed record DecisionTimeDto(int? PartnershipId, int Decisions, decimal? AverageDays, decimal? AverageBusinessDays,
    IReadOnlyList<DecisionTimePoint> Trend);

/// <summary>The decision framework (workspace default, partnership override) and the decision log with its decision time.</summary>
public sealed class DecisionService(WarmglowDb db)
{
    static IReadOnlyList<RuleDto> Describe(IEnumerable<DecisionRule> rules) => rules.OrderBy(r => r.Type)
        .Select(r => new RuleDto(r.Type, DecisionFramework.Describe(r.Type), r.Route, DecisionFramework.Describe(r.Route), r.Quorum)).ToList();

    async Task RequirePartnershipAsync(int partnershipId, CancellationToken ct)
    {
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
    }

    // --- framework ------------------------------------------------------------------------------------

    public async Task<FrameworkDto> FrameworkAsync(int? partnershipId, CancellationToken ct = default)
    {
        if (partnershipId is { } pid) await RequirePartnershipAsync(pid, ct);
        var own = await db.DecisionFrameworks.AsNoTracking().Where(f => f.PartnershipId == partnershipId).OrderBy(f => f.Id).FirstOrDefaultAsync(ct);
        if (own is not null) return new(partnershipId, Describe(own.Rules.Rules), false, own.Version);
        if (partnershipId is null) return new(null, Describe(DecisionFramework.Default), true, 0);
        var fallback = await FrameworkAsync(null, ct);
        return fallback with { PartnershipId = partnershipId, Inherited = true, Version = 0 };
    }

    async Task<IReadOnlyList<DecisionRule>> RulesAsync(int partnershipId, CancellationToken ct) =>
        (await FrameworkAsync(partnershipId, ct)).Rules.Select(r => new DecisionRule(r.Type, r.Route, r.Quorum)).ToList();

    /// <summary>Saves the workspace default (no partnership) or a partnership's override; version 0 for the first save.</summary>
    public async Task<FrameworkDto> SaveFrameworkAsync(int? partnershipId, FrameworkInput input, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(DecisionFramework.Validate(input.Rules));
        var version = PartnersApi.RequireVersion(input.Version);
        if (partnershipId is { } pid) await RequirePartnershipAsync(pid, ct);
        var f = await db.DecisionFrameworks.Where(f => f.PartnershipId == partnershipId).OrderBy(f => f.Id).FirstOrDefaultAsync(ct);
        if (f is null)
        {
            if (version != 0) throw new Conflict("This framework no longer exists. Reload the page and save it again.");
            f = new DecisionFrameworkSetting { PartnershipId = partnershipId, Version = 1 };
            db.DecisionFrameworks.Add(f);
        }
        else PartnerService.ExpectVersion(db, f, version);
        f.Rules = new DecisionRules { Rules = [.. input.Rules!.OrderBy(r => r.Type)] };
        await db.SaveChangesAsync(ct);
        return await FrameworkAsync(partnershipId, ct);
    }

    /// <summary>Drops a partnership's override: the workspace default applies again.</summary>
    public async Task<FrameworkDto> ResetFrameworkAsync(int partnershipId, CancellationToken ct = default)
    {
        await RequirePartnershipAsync(partnershipId, ct);
        await db.DecisionFrameworks.Where(f => f.PartnershipId == partnershipId).ExecuteDeleteAsync(ct);
        return await FrameworkAsync(partnershipId, ct);
    }

    // --- log ------------------------------------------------------------------------------------------

    static DecisionDto ToDto(GovernanceDecision d)
    {
        decimal? days = d.DecidedAt is { } at && d.Status is DecisionStatus.Decided or DecisionStatus.Superseded ? DecisionFramework.DecisionDays(d.RequestedAt, at) : null;
        int? business = days is null ? null : DecisionFramework.BusinessDays(DateOnly.FromDateTime(d.RequestedAt), DateOnly.FromDateTime(d.DecidedAt!.Value));
        return new(d.Id, d.PartnershipId, d.Title, d.Details, d.Type, DecisionFramework.Describe(d.Type), d.Route, DecisionFramework.Describe(d.Route),
            d.Quorum, d.Status, d.RequestedAt, d.RequestedByName, d.Discussion, d.Outcome, d.Reason, d.DecidedAt, d.DecidedByName,
            d.Votes.Votes, days, business, d.Version);
    }

    public async Task<IReadOnlyList<DecisionDto>> ListAsync(int partnershipId, CancellationToken ct = default)
    {
        await RequirePartnershipAsync(partnershipId, ct);
        var rows = await db.GovernanceDecisions.AsNoTracking().Where(d => d.PartnershipId == partnershipId)
            .OrderByDescending(d => d.RequestedAt).ThenByDescending(d => d.Id).Take(200).ToListAsync(ct);
        return rows.Select(ToDto).ToList();
    }

    public async Task<DecisionDto> GetAsync(int partnershipId, int id, CancellationToken ct = default) =>
        ToDto(await db.GovernanceDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.PartnershipId == partnershipId, ct)
            ?? throw new NotFound("Decision"));

    /// <summary>Logs a request; the framework in force gives its route (and quorum) now, so later framework edits do not re-route it.</summary>
    public async Task<DecisionDto> RequestAsync(int partnershipId, DecisionRequestInput input, DateTime? requestedAt = null, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        errors.Required("title", input.Title, 200);
        if (input.Details is { Length: > 4000 }) errors.Add("details", "must be at most 4000 characters.");
        if (input.Type is not { } type || !Enum.IsDefined(type))
        {
            errors.Add("type", $"is required: one of {string.Join(", ", Enum.GetValues<DecisionType>().Select(DecisionFramework.Describe))}.");
            type = default;
        }
        ValidationFailed.ThrowIfAny(errors);
        var rule = DecisionFramework.Route(await RulesAsync(partnershipId, ct), type);
        var d = new GovernanceDecision
        {
            PartnershipId = partnershipId, Title = input.Title!.Trim(), Details = input.Details?.Trim(), Type = type,
            Route = rule.Route, Quorum = rule.Quorum, Status = DecisionStatus.Proposed, RequestedAt = requestedAt ?? db.UtcNow,
            RequestedById = db.Tenant.UserId, RequestedByName = db.Tenant.UserName,
        };
        db.GovernanceDecisions.Add(d);
        await db.SaveChangesAsync(ct);
        return ToDto(d);
    }

    /// <summary>
    /// Records the decision. The decider must be whom the framework routes to: a partnership manager (ours) for a
    /// manager decision, an executive or the partnership's sponsor for an executive decision; a committee decision
    /// records at least the quorum of votes from the partnership's steering committee and passes with more For than Against.
    /// </summary>
    public async Task<DecisionDto> DecideAsync(int partnershipId, int id, DecideInput input, bool callerIsExecutive, DateTime? decidedAt = null, CancellationToken ct = default)
    {
        var d = await db.GovernanceDecisions.FirstOrDefaultAsync(d => d.Id == id && d.PartnershipId == partnershipId, ct) ?? throw new NotFound("Decision");
        var errors = new FieldErrors();
        errors.Required("outcome", input.Outcome, 1000);
        if (input.Reason is { Length: > 2000 }) errors.Add("reason", "must be at most 2000 characters.");
        if (input.Discussion is { Length: > 4000 }) errors.Add("discussion", "must be at most 4000 characters.");
        var version = PartnersApi.RequireVersion(input.Version);
        if (d.Status != DecisionStatus.Proposed)
            throw new Conflict($"This decision is already {d.Status.ToString().ToLowerInvariant()}; only a proposed decision can be decided.");
        var me = db.Tenant.UserId;
        var votes = new List<DecisionVote>();
        string decider = db.Tenant.UserName;
        switch (d.Route)
        {
            case DecisionRoute.Manager:
                var isManager = await db.Partnerships.AnyAsync(p => p.Id == partnershipId && p.ManagerId == me, ct)
                    || await db.GovernancePeople.AnyAsync(g => g.PartnershipId == partnershipId && g.Role == GovernanceRole.Manager && g.Side == GovernanceSide.Ours && g.UserId == me, ct);
                if (!isManager) errors.Add("decidedBy", "The framework sends this decision to the partnership manager; you are not this partnership's manager.");
                if (input.Votes is { Count: > 0 }) errors.Add("votes", "are only recorded for steering committee decisions.");
                break;
            case DecisionRoute.Executive:
                var isSponsor = await db.Partnerships.AnyAsync(p => p.Id == partnershipId && p.SponsorId == me, ct)
                    || await db.GovernancePeople.AnyAsync(g => g.PartnershipId == partnershipId && g.Role == GovernanceRole.ExecutiveSponsor && g.UserId == me, ct);
                if (!callerIsExecutive && !isSponsor) errors.Add("decidedBy", "The framework sends this decision to an executive; you are neither an executive nor this partnership's sponsor.");
                if (input.Votes is { Count: > 0 }) errors.Add("votes", "are only recorded for steering committee decisions.");
                break;
            default:
                var members = await db.GovernancePeople.AsNoTracking()
                    .Where(g => g.PartnershipId == partnershipId && g.Role == GovernanceRole.SteeringCommittee)
                    .ToDictionaryAsync(g => g.Id, g => g.Name, ct);
                foreach (var v in input.Votes ?? [])
                {
                    if (!members.TryGetValue(v.PersonId, out var name)) errors.Add("votes", $"Person {v.PersonId} is not on this partnership's steering committee.");
                    else if (v.Vote is not { } vote || !Enum.IsDefined(vote)) errors.Add("votes", $"{name}'s vote must be for, against or abstain.");
                    else if (votes.Any(x => x.PersonId == v.PersonId)) errors.Add("votes", $"{name} has voted twice.");
                    else votes.Add(new DecisionVote { PersonId = v.PersonId, Name = name, Vote = vote });
                }
                if (errors.IsEmpty && votes.Count < (d.Quorum ?? 1))
                    errors.Add("votes", $"The steering committee needs a quorum of {d.Quorum ?? 1} votes; {votes.Count} were recorded.");
                if (errors.IsEmpty && votes.Count(v => v.Vote == Vote.For) <= votes.Count(v => v.Vote == Vote.Against))
                    errors.Add("votes", "The committee did not vote for it (more For than Against votes are needed); withdraw the request or record a later vote.");
                decider = $"Steering committee ({votes.Count(v => v.Vote == Vote.For)} for, {votes.Count(v => v.Vote == Vote.Against)} against, {votes.Count(v => v.Vote == Vote.Abstain)} abstaining), recorded by {db.Tenant.UserName}";
                break;
        }
        ValidationFailed.ThrowIfAny(errors);
        PartnerService.ExpectVersion(db, d, version);
        var at = decidedAt ?? db.UtcNow;
        if (at < d.RequestedAt) throw ValidationFailed.For("decidedAt", "cannot be before the request.");
        d.Status = DecisionStatus.Decided;
        d.Outcome = input.Outcome!.Trim();
        d.Reason = input.Reason?.Trim();
        d.Discussion = input.Discussion?.Trim() ?? d.Discussion;
        d.DecidedAt = at;
        d.DecidedById = me;
        d.DecidedByName = decider.Length > 256 ? decider[..256] : decider;
        d.Votes = new DecisionVotes { Votes = votes };
        await db.SaveChangesAsync(ct);
        return ToDto(d);
    }

    /// <summary>Withdraws a proposed decision or marks a decided one superseded.</summary>
    public async Task<DecisionDto> SetStatusAsync(int partnershipId, int id, StatusInput input, CancellationToken ct = default)
    {
        var d = await db.GovernanceDecisions.FirstOrDefaultAsync(d => d.Id == id && d.PartnershipId == partnershipId, ct) ?? throw new NotFound("Decision");
        var version = PartnersApi.RequireVersion(input.Version);
        switch (input.Status)
        {
            case DecisionStatus.Withdrawn when d.Status == DecisionStatus.Proposed:
            case DecisionStatus.Superseded when d.Status == DecisionStatus.Decided:
                break;
            case DecisionStatus.Withdrawn or DecisionStatus.Superseded:
                throw new Conflict(input.Status == DecisionStatus.Withdrawn
                    ? "Only a proposed decision can be withdrawn." : "Only a decided decision can be superseded.");
            default:
                throw ValidationFailed.For("status", "must be withdrawn (for a proposed decision) or superseded (for a decided one).");
        }
        PartnerService.ExpectVersion(db, d, version);
        d.Status = input.Status!.Value;
        if (!string.IsNullOrWhiteSpace(input.Reason)) d.Discussion = string.Join("\n", new[] { d.Discussion, input.Reason.Trim() }.Where(s => !string.IsNullOrEmpty(s)));
        await db.SaveChangesAsync(ct);
        return ToDto(d);
    }

    // --- decision time --------------------------------------------------------------------------------

    /// <summary>Decision time for one partnership, or the whole workspace (null).</summary>
    public async Task<DecisionTimeDto> DecisionTimeAsync(int? partnershipId, CancellationToken ct = default)
    {
        if (partnershipId is { } pid) await RequirePartnershipAsync(pid, ct);
        var rows = await db.GovernanceDecisions.AsNoTracking()
            .Where(d => (partnershipId == null || d.PartnershipId == partnershipId) && d.DecidedAt != null
                && (d.Status == DecisionStatus.Decided || d.Status == DecisionStatus.Superseded))
            .Select(d => new { d.RequestedAt, DecidedAt = d.DecidedAt!.Value }).ToListAsync(ct);
        if (rows.Count == 0) return new(partnershipId, 0, null, null, []);
        var measured = rows.Select(r => new
        {
            r.DecidedAt,
            Days = DecisionFramework.DecisionDays(r.RequestedAt, r.DecidedAt),
            Business = (decimal)DecisionFramework.BusinessDays(DateOnly.FromDateTime(r.RequestedAt), DateOnly.FromDateTime(r.DecidedAt)),
        }).ToList();
        var trend = measured.GroupBy(m => $"{m.DecidedAt.Year}-Q{(m.DecidedAt.Month + 2) / 3}").OrderBy(g => g.Key)
            .Select(g => new DecisionTimePoint(g.Key, g.Count(), Round(g.Average(m => m.Days)), Round(g.Average(m => m.Business)))).ToList();
        return new(partnershipId, measured.Count, Round(measured.Average(m => m.Days)), Round(measured.Average(m => m.Business)), trend);
    }

    static decimal Round(decimal v) => Math.Round(v, 1, MidpointRounding.AwayFromZero);
}
