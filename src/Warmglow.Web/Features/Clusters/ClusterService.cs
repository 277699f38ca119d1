using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Clusters;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Text;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Clusters;

public sealed record ClusterMemberInput(int? PartnerId, string? Part, CustomerSegment? Segment, BusinessModel? Model);

/// <summary>A cluster: name, description, target customer profile and its members (replaced whole). Send the version you read when changing one.</summary>
public sealed record ClusterInput(string? Name, string? Description, string? TargetCustomers, CustomerSegment? TargetSegment, string? TargetRegion,
    IReadOnlyList<ClusterMemberInput?>? Members, int? Version);

public sealed record ClusterMemberDto(int PartnerId, string Partner, string? Industry, string? Region, string? PartnershipType, string? Part,
    CustomerSegment? Segment, string? SegmentName, BusinessModel? Model, string? ModelName);

public sealed record ClusterWarningDto(ClusterCharacteristic Characteristic, string CharacteristicName, string Message);

public sealed record AmountDto(string Currency, decimal Amount, string Text);

/// <summary>
/// A cluster's figures, read through the owning modules' signals: the pipeline of its members' registrations (live and
/// won, per currency), the revenue of the partnerships its members are in (each partnership once; all time and the last
/// 12 months, per currency) and their joint initiatives.
/// </summary>
public sealed record ClusterFiguresDto(int Partnerships, int OpenRegistrations, IReadOnlyList<AmountDto> OpenPipeline, int WonRegistrations,
    IReadOnlyList<AmountDto> Won, IReadOnlyList<AmountDto> Revenue, IReadOnlyList<AmountDto> RevenueLast12Months, int Initiatives, int InitiativesRunning,
    int InitiativesDone);

public sealed record PartnerLinkDto(int Id, int FromPartnerId, string FromPartner, PartnerLinkKind Kind, string KindName, int ToPartnerId, string ToPartner,
    string? Note, bool WithinCluster, int Version);

public sealed record ClusterDto(int Id, string Name, string? Description, string? TargetCustomers, CustomerSegment? TargetSegment, string? TargetSegmentName,
    string? TargetRegion, IReadOnlyList<ClusterMemberDto> Members, IReadOnlyList<ClusterWarningDto> Warnings, IReadOnlyList<PartnerLinkDto> Links,
    ClusterFiguresDto Figures, int Version);

public sealed record ClusterSummary(int Id, string Name, string? TargetCustomers, int Members, string MemberNames, int Warnings);

public sealed record PartnerLinkInput(int? FromPartnerId, int? ToPartnerId, PartnerLinkKind? Kind, string? Note);

/// <summary>Partner clusters and partner-to-partner links: the one place they change (pages and the API share it).</summary>
public sealed class ClusterService(WarmglowDb db, IEnumerable<IPartnerPipelineSource> pipeline, IEnumerable<IInfluencedRevenueSource> revenue,
    IEnumerable<IInitiativeCountSource> initiatives)
{
    const string Stale = "Someone else changed this cluster after you opened it; reload and apply your change again.";
    public const int MaxLinksShown = 200;
    const string TakenName = "is already taken by another cluster: pick another name.";

    // ---- Clusters ----

    public async Task<Paged<ClusterSummary>> ListAsync(int? page, int? pageSize, CancellationToken ct = default)
    {
        var rows = await db.PartnerClusters.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.TargetCustomers, c.TargetSegment, c.TargetRegion })
            .ToPageAsync(page, pageSize, ct);
        var ids = rows.Items.Select(r => r.Id).ToList();
        var facts = await FactsAsync(db.ClusterMembers.Where(m => ids.Contains(m.ClusterId)), ct);
        return new(rows.Items.Select(r =>
        {
            var members = facts.Where(f => f.ClusterId == r.Id).ToList();
            var warnings = ClusterRules.Check(new(r.TargetSegment, r.TargetRegion), members.Select(m => m.Facts).ToList());
            return new ClusterSummary(r.Id, r.Name, r.TargetCustomers, members.Count, ClusterRules.Join(members.Select(m => m.Facts.Name).ToList()), warnings.Count);
        }).ToList(), rows.Page, rows.PageSize, rows.Total);
    }

    sealed record MemberRow(int ClusterId, int PartnerId, ClusterMemberFacts Facts);

    /// <summary>The members' facts for the checks, with each partner's fields and the type of its latest partnership: one query.</summary>
    async Task<List<MemberRow>> FactsAsync(IQueryable<ClusterMember> members, CancellationToken ct) =>
        (await members.AsNoTracking().OrderBy(m => m.ClusterId).ThenBy(m => m.Position)
            .Select(m => new
            {
                m.ClusterId, m.PartnerId, m.Partner!.Name, m.Part, m.Partner.Industry, m.Partner.Region, m.Segment, m.Model,
                Type = m.Partner.Memberships.OrderByDescending(x => x.Partnership!.CreatedAt).Select(x => (PartnershipType?)x.Partnership!.Type).FirstOrDefault(),
            }).ToListAsync(ct))
        .Select(m => new MemberRow(m.ClusterId, m.PartnerId, new ClusterMemberFacts(m.Name, m.Part, m.Industry, m.Region, m.Type, m.Segment, m.Model))).ToList();

    public async Task<ClusterDto> GetAsync(int id, CancellationToken ct = default)
    {
        var c = await db.PartnerClusters.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound($"Cluster {id}");
        var facts = await FactsAsync(db.ClusterMembers.Where(m => m.ClusterId == id), ct);
        var partnerIds = facts.Select(f => f.PartnerId).ToList();
        var warnings = ClusterRules.Check(new(c.TargetSegment, c.TargetRegion), facts.Select(f => f.Facts).ToList());
        var links = await LinksQuery(partnerIds).Take(MaxLinksShown).ToListAsync(ct);
        var members = facts.Select(f => new ClusterMemberDto(f.PartnerId, f.Facts.Name, f.Facts.Industry, f.Facts.Region,
            f.Facts.Type is { } t ? PartnershipTypes.Get(t).Name : null, f.Facts.Part, f.Facts.Segment, f.Facts.Segment is { } s ? Labels.Of(s) : null,
            f.Facts.Model, f.Facts.Model is { } m ? Labels.Of(m) : null)).ToList();
        return new ClusterDto(c.Id, c.Name, c.Description, c.TargetCustomers, c.TargetSegment, c.TargetSegment is { } ts ? Labels.Of(ts) : null, c.TargetRegion,
            members, warnings.Select(w => new ClusterWarningDto(w.Characteristic, Labels.Of(w.Characteristic), w.Message)).ToList(),
            links.Select(l => ToDto(l, partnerIds)).ToList(), await FiguresAsync(partnerIds, ct), c.Version);
    }

    public async Task<ClusterDto> CreateAsync(ClusterInput input, CancellationToken ct = default)
    {
        var members = await CheckAsync(input, null, ct);
        var c = new PartnerCluster { Name = input.Name!.Trim() };
        Apply(c, input, members);
        db.PartnerClusters.Add(c);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { throw ValidationFailed.For("name", TakenName); }
        return await GetAsync(c.Id, ct);
    }

    public async Task<ClusterDto> UpdateAsync(int id, ClusterInput input, CancellationToken ct = default)
    {
        var c = await db.PartnerClusters.Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound($"Cluster {id}");
        var members = await CheckAsync(input, id, ct);
        if (input.Version != c.Version) throw new Conflict(Stale);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        db.ClusterMembers.RemoveRange(c.Members);
        c.Members.Clear();
        c.Name = input.Name!.Trim();
        Apply(c, input, members);
        // A change of members alone is a change of the cluster: its version moves, so a stale edit of either is refused.
        db.Entry(c).State = EntityState.Modified;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new Conflict(Stale); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { throw ValidationFailed.For("name", TakenName); }
        await tx.CommitAsync(ct);
        return await GetAsync(c.Id, ct);
    }

    /// <summary>Deletes a cluster and its member list (the partners and their links stay). With a version, a stale one is refused (409).</summary>
    public async Task DeleteAsync(int id, int? version, CancellationToken ct = default)
    {
        var c = await db.PartnerClusters.Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound($"Cluster {id}");
        if (version is { } v && v != c.Version) throw new Conflict(Stale);
        db.PartnerClusters.Remove(c);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new Conflict(Stale); }
    }

    static void Apply(PartnerCluster c, ClusterInput input, List<ClusterMemberInput> members)
    {
        c.Description = FieldRules.Clean(input.Description);
        c.TargetCustomers = FieldRules.Clean(input.TargetCustomers);
        c.TargetSegment = input.TargetSegment;
        c.TargetRegion = FieldRules.Clean(input.TargetRegion);
        var position = 0;
        foreach (var m in members)
            c.Members.Add(new ClusterMember { PartnerId = m.PartnerId!.Value, Position = position++, Part = FieldRules.Clean(m.Part), Segment = m.Segment, Model = m.Model });
    }

    async Task<List<ClusterMemberInput>> CheckAsync(ClusterInput input, int? id, CancellationToken ct)
    {
        var errors = new FieldErrors().Required("name", input.Name, 200).Optional("description", input.Description, 2000)
            .Optional("targetCustomers", input.TargetCustomers, 1000).Optional("targetRegion", input.TargetRegion, 100);
        if (input.TargetSegment is { } ts && !Enum.IsDefined(ts)) errors.Add("targetSegment", "is not a customer segment: small businesses, mid-market, enterprise or public sector.");
        var rows = (input.Members ?? []).Select(m => m ?? new ClusterMemberInput(null, null, null, null)).ToList();
        foreach (var (f, m) in ClusterRules.ValidateMembers(rows.Select(r => (r.PartnerId, r.Part)).ToList())) errors.Add(f, m);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Segment is { } s && !Enum.IsDefined(s)) errors.Add($"members[{i}].segment", "is not a customer segment.");
            if (rows[i].Model is { } bm && !Enum.IsDefined(bm)) errors.Add($"members[{i}].model", "is not a business model.");
        }
        if (id is not null && input.Version is null) errors.Add("version", "is required: the version of the cluster you read.");
        if (errors.IsEmpty)
        {
            var ids = rows.Select(r => r.PartnerId!.Value).ToList();
            var known = (await db.Partners.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
            for (var i = 0; i < rows.Count; i++)
                if (!known.Contains(rows[i].PartnerId!.Value)) errors.Add($"members[{i}].partnerId", "is not a partner of this workspace.");
            var name = input.Name!.Trim();
            if (await db.PartnerClusters.AnyAsync(c => c.Id != (id ?? 0) && c.Name == name, ct))
                errors.Add("name", TakenName);
        }
        ValidationFailed.ThrowIfAny(errors);
        return rows;
    }

    // ---- Figures ----

    static string Money(decimal amount, string currency) => string.Create(CultureInfo.InvariantCulture, $"{amount:N2} {currency}");

    static List<AmountDto> Amounts(IEnumerable<(string? Currency, decimal Amount)> rows) =>
        rows.Where(r => r.Currency is not null).GroupBy(r => r.Currency!).Select(g => (g.Key, Sum: g.Sum(x => x.Amount)))
            .OrderByDescending(x => x.Sum).ThenBy(x => x.Key, StringComparer.Ordinal).Select(x => new AmountDto(x.Key, x.Sum, Money(x.Sum, x.Key))).ToList();

    /// <summary>The figures of a set of member partners: a fixed number of grouped queries, whatever the number of members.</summary>
    public async Task<ClusterFiguresDto> FiguresAsync(IReadOnlyCollection<int> partnerIds, CancellationToken ct = default)
    {
        var ids = partnerIds.ToList();
        var partnershipIds = ids.Count == 0 ? [] : await db.PartnershipMembers.AsNoTracking().Where(m => ids.Contains(m.PartnerId))
            .Select(m => m.PartnershipId).Distinct().ToListAsync(ct);

        var pipe = new List<PartnerPipeline>();
        foreach (var source in pipeline) pipe.AddRange(await source.PipelineAsync(ids, ct));

        var today = DateOnly.FromDateTime(db.UtcNow);
        var yearAgo = today.AddMonths(-12).AddDays(1);
        var money = new List<(string Currency, decimal Amount, bool Recent)>();
        if (partnershipIds.Count > 0)
            foreach (var source in revenue)
            {
                var rows = await source.Query(db).Where(r => partnershipIds.Contains(r.PartnershipId))
                    .GroupBy(r => new { r.Currency, Recent = r.Date >= yearAgo && r.Date <= today })
                    .Select(g => new { g.Key.Currency, g.Key.Recent, Amount = g.Sum(r => r.Amount) }).ToListAsync(ct);
                money.AddRange(rows.Select(r => (r.Currency, r.Amount, r.Recent)));
            }

        var counts = new List<PartnershipInitiativeCount>();
        foreach (var source in initiatives) counts.AddRange(await source.CountsAsync(partnershipIds, ct));

        return new ClusterFiguresDto(partnershipIds.Count,
            pipe.Where(p => !p.Won).Sum(p => p.Count), Amounts(pipe.Where(p => !p.Won).Select(p => (p.Currency, p.Amount))),
            pipe.Where(p => p.Won).Sum(p => p.Count), Amounts(pipe.Where(p => p.Won).Select(p => (p.Currency, p.Amount))),
            Amounts(money.Select(m => ((string?)m.Currency, m.Amount))), Amounts(money.Where(m => m.Recent).Select(m => ((string?)m.Currency, m.Amount))),
            counts.Sum(c => c.Total), counts.Sum(c => c.Running), counts.Sum(c => c.Done));
    }

    // ---- Partner-to-partner links ----

    IQueryable<PartnerLink> LinksQuery(IReadOnlyCollection<int>? partnerIds)
    {
        var q = db.PartnerLinks.AsNoTracking().Include(l => l.FromPartner).Include(l => l.ToPartner).AsQueryable();
        if (partnerIds is not null)
        {
            var ids = partnerIds.ToList();
            q = q.Where(l => ids.Contains(l.FromPartnerId) || ids.Contains(l.ToPartnerId));
        }
        return q.OrderBy(l => l.FromPartner!.Name).ThenBy(l => l.Kind).ThenBy(l => l.ToPartner!.Name).ThenBy(l => l.Id);
    }

    static PartnerLinkDto ToDto(PartnerLink l, IReadOnlyCollection<int>? members) => new(l.Id, l.FromPartnerId, l.FromPartner!.Name, l.Kind, Labels.Of(l.Kind),
        l.ToPartnerId, l.ToPartner!.Name, l.Note, members is not null && members.Contains(l.FromPartnerId) && members.Contains(l.ToPartnerId), l.Version);

    /// <summary>Links, all or those of one partner (either end), paged.</summary>
    public async Task<Paged<PartnerLinkDto>> LinksAsync(int? partnerId, int? page, int? pageSize, CancellationToken ct = default)
    {
        if (partnerId is { } pid && !await db.Partners.AnyAsync(p => p.Id == pid, ct)) throw new NotFound($"Partner {pid}");
        var rows = await LinksQuery(partnerId is { } id ? [id] : null).ToPageAsync(page, pageSize, ct);
        return new(rows.Items.Select(l => ToDto(l, null)).ToList(), rows.Page, rows.PageSize, rows.Total);
    }

    public async Task<PartnerLinkDto> CreateLinkAsync(PartnerLinkInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Optional("note", input.Note, 500);
        foreach (var (f, m) in ClusterRules.ValidateLink(input.FromPartnerId, input.ToPartnerId, input.Kind)) errors.Add(f, m);
        if (errors.IsEmpty)
        {
            var ids = new[] { input.FromPartnerId!.Value, input.ToPartnerId!.Value };
            var known = await db.Partners.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
            if (!known.Contains(ids[0])) errors.Add("fromPartnerId", "is not a partner of this workspace.");
            if (!known.Contains(ids[1])) errors.Add("toPartnerId", "is not a partner of this workspace.");
            if (errors.IsEmpty && await db.PartnerLinks.AnyAsync(l => l.FromPartnerId == ids[0] && l.ToPartnerId == ids[1] && l.Kind == input.Kind, ct))
                errors.Add("kind", "is already recorded for these two partners.");
        }
        ValidationFailed.ThrowIfAny(errors);
        var link = new PartnerLink { FromPartnerId = input.FromPartnerId!.Value, ToPartnerId = input.ToPartnerId!.Value, Kind = input.Kind!.Value, Note = FieldRules.Clean(input.Note) };
        db.PartnerLinks.Add(link);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { throw ValidationFailed.For("kind", "is already recorded for these two partners."); }
        return ToDto(await LinksQuery(null).FirstAsync(l => l.Id == link.Id, ct), null);
    }

    public async Task DeleteLinkAsync(int id, CancellationToken ct = default)
    {
        var link = await db.PartnerLinks.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFound($"Partner link {id}");
        db.PartnerLinks.Remove(link);
        await db.SaveChangesAsync(ct);
    }
}
