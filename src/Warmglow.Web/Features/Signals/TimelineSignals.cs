using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Signals;

/// <summary>What happened on a partnership, as the activity timeline groups it (the filter offers these).</summary>
public enum TimelineKind { StageMove, Meeting, Decision, ActionItem, AgreementChange, Statement, Survey, Note }

/// <summary>
/// One entry of a partnership's activity timeline. <see cref="Shared"/> says whether partner users may see it (a source
/// asked for shared items only must return only those). <see cref="Title"/> and <see cref="Detail"/> are sentences a
/// person reads; <see cref="Link"/> an app-relative staff link (null when there is no page to open).
/// </summary>
public sealed class TimelineItem
{
    public TimelineKind Kind { get; init; }
    public int SourceId { get; init; }
    public DateTime At { get; init; }
    public string Title { get; init; } = "";
    public string? Detail { get; init; }
    public string? By { get; init; }
    public string? Link { get; init; }
    public bool Shared { get; init; }
}

/// <summary>
/// A module's contribution to the partnership timeline. <see cref="NewestAsync"/> is one query: the newest
/// <paramref name="take"/> items of the partnership, newest first; with <paramref name="sharedOnly"/> only those shared
/// with the partner (a source with nothing partners may see returns none without querying). The timeline merges the
/// sources' lists, so for page n of size s it asks each source for n × s items (see <c>TimelineService</c>).
/// </summary>
public interface ITimelineSource
{
    TimelineKind Kind { get; }
    Task<IReadOnlyList<TimelineItem>> NewestAsync(WarmglowDb db, int partnershipId, int take, bool sharedOnly, CancellationToken ct);
}
