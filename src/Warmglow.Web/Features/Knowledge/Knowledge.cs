using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Knowledge;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Features.Knowledge;

/// <summary>
/// A knowledge-base article: its current title, kind, Markdown body, tags ("|a|b|") and visibility. Every edit also
/// writes a <see cref="KnowledgeArticleVersion"/> (the full text, who and when), so older versions can be read.
/// Shared articles are read by partner users, limited to the tiers in <see cref="TierMask"/> (0 = every tier); an
/// article linked to a partnership (a lesson learned) is read only by that partnership's partners, and only if shared.
/// </summary>
public class KnowledgeArticle : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string Title { get; set; }
    public ArticleKind Kind { get; set; }
    public required string Body { get; set; }
    public string Tags { get; set; } = "";
    public bool Shared { get; set; }
    public int TierMask { get; set; }
    public int? PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    /// <summary>The number of the current version (1 for a new article).</summary>
    public int Number { get; set; }
    public required string UpdatedByName { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"Article \"{Title}\" version {Number}";
}

/// <summary>One saved version of an article: what it said, who saved it and when. Append-only; staff only.</summary>
public class KnowledgeArticleVersion : IWorkspaceOwned
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int ArticleId { get; set; }
    public KnowledgeArticle? Article { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public ArticleKind Kind { get; set; }
    public required string Body { get; set; }
    public string Tags { get; set; } = "";
    public bool Shared { get; set; }
    public int TierMask { get; set; }
    public DateTime SavedAt { get; set; }
    public string? SavedById { get; set; }
    public required string SavedByName { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// Lessons learned at the end of a partnership (one per partnership): what worked, what did not, why it ended, would we
/// partner again. It is published in the knowledge base as a "lesson learned" article (<see cref="ArticleId"/>), internal by default.
/// </summary>
public class LessonsLearned : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public int ArticleId { get; set; }
    public KnowledgeArticle? Article { get; set; }
    public required string WhatWorked { get; set; }
    public required string WhatDidNot { get; set; }
    public required string WhyEnded { get; set; }
    public PartnerAgain PartnerAgain { get; set; }
    public string? Notes { get; set; }
    public required string RecordedByName { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"Lessons learned (partner again: {PartnerAgain})";
}

sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticle> b)
    {
        b.Property(a => a.Title).HasMaxLength(KnowledgeRules.MaxTitle);
        b.Property(a => a.Body).HasMaxLength(KnowledgeRules.MaxBody);
        b.Property(a => a.Tags).HasMaxLength(500);
        b.Property(a => a.UpdatedByName).HasMaxLength(256);
        b.HasOne(a => a.Partnership).WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.WorkspaceId, a.UpdatedAt });
        b.HasIndex(a => new { a.WorkspaceId, a.Kind });
        b.HasIndex(a => a.PartnershipId);
    }
}

sealed class KnowledgeArticleVersionConfiguration : IEntityTypeConfiguration<KnowledgeArticleVersion>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticleVersion> b)
    {
        b.Property(v => v.Title).HasMaxLength(KnowledgeRules.MaxTitle);
        b.Property(v => v.Body).HasMaxLength(KnowledgeRules.MaxBody);
        b.Property(v => v.Tags).HasMaxLength(500);
        b.Property(v => v.SavedById).HasMaxLength(450);
        b.Property(v => v.SavedByName).HasMaxLength(256);
        b.Property(v => v.Note).HasMaxLength(500);
        b.HasOne(v => v.Article).WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.ArticleId, v.Number }).IsUnique();
    }
}

sealed class LessonsLearnedConfiguration : IEntityTypeConfiguration<LessonsLearned>
{
    public void Configure(EntityTypeBuilder<LessonsLearned> b)
    {
        b.Property(l => l.WhatWorked).HasMaxLength(4000);
        b.Property(l => l.WhatDidNot).HasMaxLength(4000);
        b.Property(l => l.WhyEnded).HasMaxLength(4000);
        b.Property(l => l.Notes).HasMaxLength(4000);
        b.Property(l => l.RecordedByName).HasMaxLength(256);
        b.HasOne(l => l.Partnership).WithMany().HasForeignKey(l => l.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(l => l.Article).WithMany().HasForeignKey(l => l.ArticleId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => l.PartnershipId).IsUnique();
        b.HasIndex(l => l.ArticleId).IsUnique();
    }
}
