using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Measurement;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Health;

public enum SurveyStatus { Open, Closed }

/// <summary>
/// One health survey sent for a partnership and a quarter, from a template (its questions are copied, so editing
/// templates later never changes what people answered). Audited: it records who sent what, never who answered what.
/// </summary>
public class SurveyRound : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public required string TemplateKey { get; set; }
    public required string Title { get; set; }
    /// <summary>Quarter label, e.g. "2026-Q3".</summary>
    public required string Period { get; set; }
    public DateOnly PeriodStart { get; set; }
    /// <summary>The period's first moment (UTC): what survey-response activity is dated to (no answer time is kept).</summary>
    public DateTime PeriodStartsAt { get; set; }
    public bool Anonymous { get; set; }
    public List<SurveyQuestion> Questions { get; set; } = [];
    public SurveyStatus Status { get; set; }
    public string? SentById { get; set; }
    public required string SentByName { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<SurveyRecipient> Recipients { get; set; } = [];

    public string? AuditSummary => $"{Title} ({Period}{(Anonymous ? ", anonymous" : "")})";
}

/// <summary>
/// Who was asked, and whether they have answered — the only place that knows who answered (to refuse a second
/// answer). Rows are written when the round is sent, in the order of the recipient list, and answering only flips
/// <see cref="Responded"/>: no timestamp, no audit entry, no key shared with the answers, so neither the time nor the
/// insertion order of a participation can be matched to an answer (docs/decisions/0010).
/// </summary>
public class SurveyRecipient : IWorkspaceOwned
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int SurveyRoundId { get; set; }
    public SurveyRound? SurveyRound { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public bool Responded { get; set; }
}

/// <summary>
/// One answer to one question. <see cref="ResponseId"/> groups one person's answers (a random GUID, new on every
/// reshuffle). In an anonymous round <see cref="RespondentId"/> is null and nothing else about the author is stored:
/// no time (the period is the round's), no user-derived value, and the round's answers are rewritten in random order
/// on every new response so physical row order does not reveal answering order. Never audited.
/// </summary>
public class SurveyAnswer : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public int WorkspaceId { get; set; }
    public int SurveyRoundId { get; set; }
    public SurveyRound? SurveyRound { get; set; }
    public Guid ResponseId { get; set; }
    /// <summary>The author, only in a named (not anonymous) round.</summary>
    public string? RespondentId { get; set; }
    public required string QuestionKey { get; set; }
    public QuestionKind Kind { get; set; }
    public string? Dimension { get; set; }
    public int? Score { get; set; }
    public string? Text { get; set; }
}

/// <summary>The engagement index of one partnership in one quarter, as the last recompute stored it.</summary>
public class EngagementSnapshot : IWorkspaceOwned
{
    public long Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public required string Period { get; set; }
    public DateOnly PeriodStart { get; set; }
    public decimal Index { get; set; }
    public EngagementBand Band { get; set; }
    public List<EngagementComponentScore> Components { get; set; } = [];
    public DateTime ComputedAt { get; set; }
}

/// <summary>
/// A partnership's health now (one row per partnership, replaced by each recompute): engagement of the latest
/// completed quarter, latest survey-based health score and NPS (only from rounds with enough responses), red flags.
/// The dashboards read this, never recompute on read.
/// </summary>
public class HealthSnapshot : IWorkspaceOwned
{
    public long Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public required string Period { get; set; }
    public decimal? Engagement { get; set; }
    public EngagementBand? Band { get; set; }
    public decimal? HealthScore { get; set; }
    public decimal? Nps { get; set; }
    public List<RedFlag> RedFlags { get; set; } = [];
    public int RedFlagCount { get; set; }
    public DateTime ComputedAt { get; set; }
}

sealed class SurveyRoundConfiguration : IEntityTypeConfiguration<SurveyRound>
{
    public void Configure(EntityTypeBuilder<SurveyRound> b)
    {
        b.Property(s => s.TemplateKey).HasMaxLength(60);
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.Period).HasMaxLength(10);
        b.Property(s => s.SentById).HasMaxLength(450);
        b.Property(s => s.SentByName).HasMaxLength(200);
        b.Property(s => s.Questions).HasConversion(HealthJson.Converter<List<SurveyQuestion>>(), HealthJson.Comparer<List<SurveyQuestion>>());
        b.HasOne(s => s.Partnership).WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.WorkspaceId, s.PartnershipId, s.PeriodStart });
        b.HasIndex(s => new { s.WorkspaceId, s.CreatedAt });
    }
}

sealed class SurveyRecipientConfiguration : IEntityTypeConfiguration<SurveyRecipient>
{
    public void Configure(EntityTypeBuilder<SurveyRecipient> b)
    {
        b.Property(r => r.UserId).HasMaxLength(450);
        b.HasOne(r => r.SurveyRound).WithMany(s => s.Recipients).HasForeignKey(r => r.SurveyRoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.SurveyRoundId, r.UserId }).IsUnique();
        b.HasIndex(r => new { r.UserId, r.Responded });
    }
}

sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.QuestionKey).HasMaxLength(60);
        b.Property(a => a.Dimension).HasMaxLength(100);
        b.Property(a => a.Text).HasMaxLength(HealthSurveys.MaxTextLength);
        b.Property(a => a.RespondentId).HasMaxLength(450);
        b.HasOne(a => a.SurveyRound).WithMany().HasForeignKey(a => a.SurveyRoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.SurveyRoundId, a.Dimension });
    }
}

sealed class EngagementSnapshotConfiguration : IEntityTypeConfiguration<EngagementSnapshot>
{
    public void Configure(EntityTypeBuilder<EngagementSnapshot> b)
    {
        b.Property(s => s.Period).HasMaxLength(10);
        b.Property(s => s.Index).HasPrecision(9, 4);
        b.Property(s => s.Components).HasConversion(HealthJson.Converter<List<EngagementComponentScore>>(), HealthJson.Comparer<List<EngagementComponentScore>>());
        b.HasOne(s => s.Partnership).WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.WorkspaceId, s.PartnershipId, s.PeriodStart }).IsUnique();
        b.HasIndex(s => new { s.WorkspaceId, s.PeriodStart, s.Index });
    }
}

sealed class HealthSnapshotConfiguration : IEntityTypeConfiguration<HealthSnapshot>
{
    public void Configure(EntityTypeBuilder<HealthSnapshot> b)
    {
        b.Property(s => s.Period).HasMaxLength(10);
        b.Property(s => s.Engagement).HasPrecision(9, 4);
        b.Property(s => s.HealthScore).HasPrecision(9, 4);
        b.Property(s => s.Nps).HasPrecision(9, 4);
        b.Property(s => s.RedFlags).HasConversion(HealthJson.Converter<List<RedFlag>>(), HealthJson.Comparer<List<RedFlag>>());
        b.HasOne(s => s.Partnership).WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.WorkspaceId, s.PartnershipId }).IsUnique();
        b.HasIndex(s => new { s.WorkspaceId, s.Band });
        b.HasIndex(s => new { s.WorkspaceId, s.RedFlagCount });
    }
}

static class HealthJson
{
    static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> Converter<T>() where T : new() =>
        new(v => System.Text.Json.JsonSerializer.Serialize(v, Options), s => System.Text.Json.JsonSerializer.Deserialize<T>(s, Options) ?? new T());

    public static Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<T> Comparer<T>() =>
        new((a, b) => System.Text.Json.JsonSerializer.Serialize(a, Options) == System.Text.Json.JsonSerializer.Serialize(b, Options),
            v => System.Text.Json.JsonSerializer.Serialize(v, Options).GetHashCode(),
            v => System.Text.Json.JsonSerializer.Deserialize<T>(System.Text.Json.JsonSerializer.Serialize(v, Options), Options)!);
}
