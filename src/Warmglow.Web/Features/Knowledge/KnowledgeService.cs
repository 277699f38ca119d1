using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Knowledge;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Portfolio;
using Warmglow.Core.Text;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Knowledge;

public sealed record ArticleInput(string? Title, ArticleKind? Kind, string? Body, string? Tags, bool? Shared, IReadOnlyList<Tier>? Tiers,
    int? Version = null, string? Note = null);

public sealed record ArticleQuery(string? Search = null, string? Tag = null, ArticleKind? Kind = null, int? Page = null, int? PageSize = null);

public sealed record ArticleRow(int Id, string Title, ArticleKind Kind, string KindName, IReadOnlyList<string> Tags, bool Shared,
    IReadOnlyList<Tier> Tiers, int? PartnershipId, string? PartnershipName, DateTime UpdatedAt, string UpdatedBy, string Excerpt);

/// <summary>An article as read: its Markdown and the sanitized HTML to show. Partner users get no partnership or editor names of ours.</summary>
public sealed record ArticleDto(int Id, string Title, ArticleKind Kind, string KindName, string Body, string Html, IReadOnlyList<string> Tags,
    bool Shared, IReadOnlyList<Tier> Tiers, string Visibility, int? PartnershipId, string? PartnershipName, int Number, DateTime UpdatedAt,
    string UpdatedBy, int Version);

public sealed record VersionRow(int Number, string Title, DateTime SavedAt, string SavedBy, string? Note, bool Shared, string Visibility);

public sealed record VersionDto(int ArticleId, int Number, int CurrentNumber, string Title, ArticleKind Kind, string KindName, string Body,
    string Html, IReadOnlyList<string> Tags, string Visibility, DateTime SavedAt, string SavedBy, string? Note);

public sealed record TagCount(string Tag, int Articles);

/// <summary>
/// The knowledge base: articles with tags, search (title, body, tags; case-insensitive; paged in the database),
/// versions and visibility. Staff read every article; partner users read the shared ones their partnerships' tiers
/// admit (the DbContext's partner filter admits shared ones only; the tier limit is applied here, in SQL).
/// </summary>
public sealed class KnowledgeService(WarmglowDb db, ITierSource tiers)
{
    async Task<IQueryable<KnowledgeArticle>> VisibleAsync(CancellationToken ct)
    {
        var q = db.KnowledgeArticles.AsNoTracking();
        if (db.Tenant.PartnerId is { } partnerId)
        {
            var mask = await tiers.PartnerTierMaskAsync(partnerId, ct);
            q = q.Where(a => a.Shared && (a.TierMask == 0 || (a.TierMask & mask) != 0));
        }
        return q;
    }

    bool IsPartner => db.Tenant.PartnerId is not null;

    public static string VisibilityText(bool shared, int mask) => !shared ? "Internal"
        : mask == 0 ? "Shared with partners"
        : $"Shared with partners in the {string.Join(", ", KnowledgeRules.Tiers(mask).Select(t => Labels.Of(t).ToLowerInvariant()))} tier{(KnowledgeRules.Tiers(mask).Count > 1 ? "s" : "")}";

    public async Task<Paged<ArticleRow>> ListAsync(ArticleQuery q, CancellationToken ct = default)
    {
        var query = await VisibleAsync(ct);
        if (q.Kind is { } k) query = query.Where(a => a.Kind == k);
        if (!string.IsNullOrWhiteSpace(q.Tag))
        {
            var tag = "|" + string.Join(' ', q.Tag.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)) + "|";
            query = query.Where(a => a.Tags.Contains(tag));
        }
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            foreach (var word in q.Search.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
                query = query.Where(a => a.Title.ToLower().Contains(word) || a.Body.ToLower().Contains(word) || a.Tags.Contains(word));
        }
        var partner = IsPartner;
        var page = await query.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Title, a.Kind, a.Tags, a.Shared, a.TierMask, a.PartnershipId, PartnershipName = a.Partnership!.Name, a.UpdatedAt,
                a.UpdatedByName, Start = a.Body.Substring(0, 600) })
            .ToPageAsync(q.Page, q.PageSize, ct);
        return new Paged<ArticleRow>(page.Items.Select(a => new ArticleRow(a.Id, a.Title, a.Kind, Labels.Of(a.Kind), KnowledgeRules.Read(a.Tags),
            a.Shared, KnowledgeRules.Tiers(a.TierMask), partner ? null : a.PartnershipId, partner ? null : a.PartnershipName, a.UpdatedAt,
            partner ? "Our team" : a.UpdatedByName, KnowledgeMarkdown.Excerpt(a.Start))).ToList(), page.Page, page.PageSize, page.Total);
    }

    /// <summary>The tags in use on the articles the caller can read, most used first (for the tag filter).</summary>
    public async Task<IReadOnlyList<TagCount>> TagsAsync(CancellationToken ct = default)
    {
        var stored = await (await VisibleAsync(ct)).Where(a => a.Tags != "").Select(a => a.Tags).Take(2000).ToListAsync(ct);
        return stored.SelectMany(KnowledgeRules.Read).GroupBy(t => t).Select(g => new TagCount(g.Key, g.Count()))
            .OrderByDescending(t => t.Articles).ThenBy(t => t.Tag, StringComparer.Ordinal).Take(40).ToList();
    }

    public async Task<ArticleDto> GetAsync(int id, CancellationToken ct = default)
    {
        var a = await (await VisibleAsync(ct)).Where(a => a.Id == id)
            .Select(a => new { Article = a, PartnershipName = a.Partnership!.Name }).FirstOrDefaultAsync(ct) ?? throw new NotFound("Article");
        return ToDto(a.Article, a.PartnershipName);
    }

    ArticleDto ToDto(KnowledgeArticle a, string? partnershipName)
    {
        var partner = IsPartner;
        return new ArticleDto(a.Id, a.Title, a.Kind, Labels.Of(a.Kind), a.Body, KnowledgeMarkdown.ToSafeHtml(a.Body), KnowledgeRules.Read(a.Tags),
            a.Shared, KnowledgeRules.Tiers(a.TierMask), VisibilityText(a.Shared, a.TierMask), partner ? null : a.PartnershipId,
            partner ? null : partnershipName, a.Number, a.UpdatedAt, partner ? "Our team" : a.UpdatedByName, a.Version);
    }

    public async Task<IReadOnlyList<VersionRow>> VersionsAsync(int id, CancellationToken ct = default)
    {
        if (!await db.KnowledgeArticles.AnyAsync(a => a.Id == id, ct)) throw new NotFound("Article");
        var rows = await db.KnowledgeArticleVersions.AsNoTracking().Where(v => v.ArticleId == id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Title, v.SavedAt, v.SavedByName, v.Note, v.Shared, v.TierMask }).ToListAsync(ct);
        return rows.Select(v => new VersionRow(v.Number, v.Title, v.SavedAt, v.SavedByName, v.Note, v.Shared, VisibilityText(v.Shared, v.TierMask))).ToList();
    }

    public async Task<VersionDto> VersionAsync(int id, int number, CancellationToken ct = default)
    {
        var current = await db.KnowledgeArticles.AsNoTracking().Where(a => a.Id == id).Select(a => (int?)a.Number).FirstOrDefaultAsync(ct)
            ?? throw new NotFound("Article");
        var v = await db.KnowledgeArticleVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ArticleId == id && v.Number == number, ct)
            ?? throw new NotFound($"Version {number}");
        return new VersionDto(id, v.Number, current, v.Title, v.Kind, Labels.Of(v.Kind), v.Body, KnowledgeMarkdown.ToSafeHtml(v.Body),
            KnowledgeRules.Read(v.Tags), VisibilityText(v.Shared, v.TierMask), v.SavedAt, v.SavedByName, v.Note);
    }

    sealed record Checked(string Title, ArticleKind Kind, string Body, string Tags, bool Shared, int TierMask, string? Note);

    static Checked Check(ArticleInput input, bool lesson)
    {
        var errors = new FieldErrors();
        errors.Required("title", input.Title, KnowledgeRules.MaxTitle);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            errors.Add("kind", "is required: a playbook, an agreement, welcome kit or review deck template, a lesson learned or other.");
        else if (kind == ArticleKind.LessonLearned && !lesson)
            errors.Add("kind", "cannot be set to lesson learned here: record lessons learned from the partnership's page, so they are linked to it.");
        errors.Required("body", input.Body, KnowledgeRules.MaxBody);
        var (tags, tagErrors) = KnowledgeRules.NormalizeTags(input.Tags);
        foreach (var e in tagErrors) errors.Add("tags", e);
        if (input.Tiers is { Count: > 0 } ts && ts.Any(t => !Enum.IsDefined(t))) errors.Add("tiers", "must be strategic, growth, transactional or emerging.");
        if (input.Tiers is { Count: > 0 } && input.Shared != true) errors.Add("tiers", "only limit a shared article: share it with partners, or clear the tiers.");
        errors.Optional("note", input.Note, 500);
        ValidationFailed.ThrowIfAny(errors);
        var body = input.Body!.Replace("\r\n", "\n").Trim();
        return new(input.Title!.Trim(), input.Kind!.Value, body, KnowledgeRules.Store(tags), input.Shared == true,
            KnowledgeRules.TierMask(input.Tiers), FieldRules.Clean(input.Note));
    }

    public async Task<ArticleDto> CreateAsync(ArticleInput input, CancellationToken ct = default)
    {
        var c = Check(input, lesson: false);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var a = New(c, null);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await GetAsync(a.Id, ct);
    }

    KnowledgeArticle New(Checked c, int? partnershipId)
    {
        var a = new KnowledgeArticle
        {
            Title = c.Title, Kind = c.Kind, Body = c.Body, Tags = c.Tags, Shared = c.Shared, TierMask = c.TierMask, PartnershipId = partnershipId,
            Number = 1, UpdatedByName = db.Tenant.UserName,
        };
        db.KnowledgeArticles.Add(a);
        db.KnowledgeArticleVersions.Add(VersionOf(a, c.Note ?? "Created"));
        return a;
    }

    KnowledgeArticleVersion VersionOf(KnowledgeArticle a, string? note) => new()
    {
        Article = a, Number = a.Number, Title = a.Title, Kind = a.Kind, Body = a.Body, Tags = a.Tags, Shared = a.Shared, TierMask = a.TierMask,
        SavedAt = db.UtcNow, SavedById = db.Tenant.UserId, SavedByName = db.Tenant.UserName, Note = note,
    };

    /// <summary>Saves an edit as the next version; <paramref name="input"/>'s version must be the one read (stale → 409).</summary>
    public async Task<ArticleDto> UpdateAsync(int id, ArticleInput input, CancellationToken ct = default)
    {
        var a = await db.KnowledgeArticles.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFound("Article");
        var c = Check(input, lesson: a.Kind == ArticleKind.LessonLearned && input.Kind == ArticleKind.LessonLearned);
        var version = PartnersApi.RequireVersion(input.Version);
        if (a.Kind == ArticleKind.LessonLearned && c.Kind != ArticleKind.LessonLearned)
            throw ValidationFailed.For("kind", "stays lesson learned: this article is a partnership's lessons learned.");
        PartnerService.ExpectVersion(db, a, version);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        Apply(a, c);
        db.KnowledgeArticleVersions.Add(VersionOf(a, c.Note));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await GetAsync(a.Id, ct);
    }

    /// <summary>
    /// Deletes an article with its versions (the deletion is audited). A partnership's lessons-learned article stays
    /// while its lessons do: edit those instead. <paramref name="version"/> must be the one read (stale → 409).
    /// </summary>
    public async Task DeleteAsync(int id, int? version, CancellationToken ct = default)
    {
        var a = await db.KnowledgeArticles.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFound("Article");
        PartnerService.ExpectVersion(db, a, PartnersApi.RequireVersion(version));
        if (await db.LessonsLearned.AnyAsync(l => l.ArticleId == id, ct))
            throw new Conflict($"'{a.Title}' holds a partnership's lessons learned, so it cannot be deleted. Edit the lessons instead.");
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await db.KnowledgeArticleVersions.Where(v => v.ArticleId == id).ExecuteDeleteAsync(ct);
        db.KnowledgeArticles.Remove(a);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    void Apply(KnowledgeArticle a, Checked c)
    {
        a.Title = c.Title;
        a.Kind = c.Kind;
        a.Body = c.Body;
        a.Tags = c.Tags;
        a.Shared = c.Shared;
        a.TierMask = c.TierMask;
        a.Number += 1;
        a.UpdatedByName = db.Tenant.UserName;
    }

    // --- lessons learned -----------------------------------------------------------------------------

    public static readonly PartnershipStage[] LessonStages = [PartnershipStage.Sunsetting, PartnershipStage.Ended];

    public sealed record LessonsInput(string? WhatWorked, string? WhatDidNot, string? WhyEnded, PartnerAgain? PartnerAgain, string? Notes,
        string? Tags, int? Version);

    public sealed record LessonsDto(int PartnershipId, string PartnershipName, string Stage, int? ArticleId, string? WhatWorked, string? WhatDidNot,
        string? WhyEnded, PartnerAgain? PartnerAgain, string? PartnerAgainText, string? Notes, IReadOnlyList<string> Tags, string? RecordedBy,
        DateTime? UpdatedAt, bool CanRecord, int Version);

    public sealed record LessonRow(int PartnershipId, string PartnershipName, int ArticleId, PartnerAgain PartnerAgain, string PartnerAgainText,
        string WhyEnded, DateTime UpdatedAt);

    /// <summary>The lessons learned of a partnership (empty, version 0, when none are recorded yet).</summary>
    public async Task<LessonsDto> LessonsAsync(int partnershipId, CancellationToken ct = default)
    {
        var p = await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId).Select(p => new { p.Name, p.Stage }).FirstOrDefaultAsync(ct)
            ?? throw new NotFound("Partnership");
        var l = await db.LessonsLearned.AsNoTracking().Where(l => l.PartnershipId == partnershipId)
            .Select(l => new { Lesson = l, l.Article!.Tags }).FirstOrDefaultAsync(ct);
        var canRecord = LessonStages.Contains(p.Stage);
        return l is null
            ? new(partnershipId, p.Name, Labels.Of(p.Stage), null, null, null, null, null, null, null, [], null, null, canRecord, 0)
            : new(partnershipId, p.Name, Labels.Of(p.Stage), l.Lesson.ArticleId, l.Lesson.WhatWorked, l.Lesson.WhatDidNot, l.Lesson.WhyEnded,
                l.Lesson.PartnerAgain, Labels.Of(l.Lesson.PartnerAgain), l.Lesson.Notes, KnowledgeRules.Read(l.Tags), l.Lesson.RecordedByName,
                l.Lesson.UpdatedAt, true, l.Lesson.Version);
    }

    /// <summary>Lessons learned across partnerships, searchable by their text and the partnership's name, newest first.</summary>
    public async Task<Paged<LessonRow>> LessonListAsync(string? search, PartnerAgain? partnerAgain, int? page, CancellationToken ct = default)
    {
        var q = db.LessonsLearned.AsNoTracking();
        if (partnerAgain is { } pa) q = q.Where(l => l.PartnerAgain == pa);
        if (!string.IsNullOrWhiteSpace(search))
            foreach (var word in search.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
                q = q.Where(l => l.WhatWorked.ToLower().Contains(word) || l.WhatDidNot.ToLower().Contains(word) || l.WhyEnded.ToLower().Contains(word)
                    || (l.Notes != null && l.Notes.ToLower().Contains(word)) || l.Partnership!.Name.ToLower().Contains(word));
        var rows = await q.OrderByDescending(l => l.UpdatedAt).ThenByDescending(l => l.Id)
            .Select(l => new { l.PartnershipId, l.Partnership!.Name, l.ArticleId, l.PartnerAgain, l.WhyEnded, l.UpdatedAt }).ToPageAsync(page, 25, ct);
        return new(rows.Items.Select(l => new LessonRow(l.PartnershipId, l.Name, l.ArticleId, l.PartnerAgain, Labels.Of(l.PartnerAgain),
            l.WhyEnded, l.UpdatedAt)).ToList(), rows.Page, rows.PageSize, rows.Total);
    }

    /// <summary>
    /// Records (version 0) or edits the lessons learned of a partnership that is sunsetting or ended, and publishes them
    /// as its "lesson learned" article (a new article version each time; internal unless a manager shares the article).
    /// </summary>
    public async Task<LessonsDto> SaveLessonsAsync(int partnershipId, LessonsInput input, CancellationToken ct = default)
    {
        var p = await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId).Select(p => new { p.Name, p.Stage }).FirstOrDefaultAsync(ct)
            ?? throw new NotFound("Partnership");
        var errors = new FieldErrors();
        errors.Required("whatWorked", input.WhatWorked, 4000);
        errors.Required("whatDidNot", input.WhatDidNot, 4000);
        errors.Required("whyEnded", input.WhyEnded, 4000);
        if (input.PartnerAgain is not { } again || !Enum.IsDefined(again)) errors.Add("partnerAgain", "is required: yes, no or maybe.");
        errors.Optional("notes", input.Notes, 4000);
        var (tags, tagErrors) = KnowledgeRules.NormalizeTags(input.Tags);
        foreach (var e in tagErrors) errors.Add("tags", e);
        ValidationFailed.ThrowIfAny(errors);
        var version = PartnersApi.RequireVersion(input.Version);
        var existing = await db.LessonsLearned.Include(l => l.Article).FirstOrDefaultAsync(l => l.PartnershipId == partnershipId, ct);
        if (existing is null && !LessonStages.Contains(p.Stage))
            throw new Conflict($"Lessons learned are recorded when a partnership is sunsetting or ended; this one is {Labels.Of(p.Stage).ToLowerInvariant()}.");
        if (existing is null && version != 0) throw new Conflict("These lessons learned were removed. Reload the page and record them again.");
        var allTags = tags.Prepend("lesson learned").Distinct().Take(KnowledgeRules.MaxTags).ToList();
        var c = new Checked($"Lessons learned: {p.Name}", ArticleKind.LessonLearned,
            LessonBody(input.WhatWorked!.Trim(), input.WhatDidNot!.Trim(), input.WhyEnded!.Trim(), input.PartnerAgain!.Value, FieldRules.Clean(input.Notes)),
            KnowledgeRules.Store(allTags), false, 0, existing is null ? "Lessons learned recorded" : "Lessons learned edited");
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        if (existing is null)
        {
            var article = New(c, partnershipId);
            existing = new LessonsLearned
            {
                PartnershipId = partnershipId, Article = article, WhatWorked = "", WhatDidNot = "", WhyEnded = "", RecordedByName = db.Tenant.UserName,
                // Version 0 means "none recorded yet" to callers, so a recorded one starts at 1.
                Version = 1,
            };
            db.LessonsLearned.Add(existing);
        }
        else
        {
            PartnerService.ExpectVersion(db, existing, version);
            var article = existing.Article!;
            // Keep the article's visibility as a manager set it.
            Apply(article, c with { Shared = article.Shared, TierMask = article.TierMask });
            db.KnowledgeArticleVersions.Add(VersionOf(article, c.Note));
        }
        existing.WhatWorked = input.WhatWorked.Trim();
        existing.WhatDidNot = input.WhatDidNot.Trim();
        existing.WhyEnded = input.WhyEnded.Trim();
        existing.PartnerAgain = input.PartnerAgain.Value;
        existing.Notes = FieldRules.Clean(input.Notes);
        existing.RecordedByName = db.Tenant.UserName;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        { throw new Conflict("Someone recorded these lessons learned at the same time. Reload the page to see theirs."); }
        await tx.CommitAsync(ct);
        return await LessonsAsync(partnershipId, ct);
    }

    /// <summary>The article text of a lessons-learned record (Markdown; what people wrote is escaped by the renderer).</summary>
    public static string LessonBody(string worked, string didNot, string whyEnded, PartnerAgain again, string? notes) =>
        $"## Why it ended\n\n{whyEnded}\n\n## What worked\n\n{worked}\n\n## What did not work\n\n{didNot}\n\n" +
        $"## Would we partner again?\n\n{Labels.Of(again)}\n" + (notes is null ? "" : $"\n## Notes\n\n{notes}\n");
}
