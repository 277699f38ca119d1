using Warmglow.Core.Measurement;

namespace Warmglow.Web.Features.Signals;

/// <summary>How reports name and bound a quarter (Core's <see cref="Quarter"/>): "Q3 2026", and its bounds as UTC instants.</summary>
public static class ReportQuarters
{
    public static string Name(this Quarter q) => $"Q{q.Number} {q.Year}";
    public static DateTime StartUtc(this Quarter q) => q.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    /// <summary>The first instant after the quarter (an exclusive bound for timestamps).</summary>
    public static DateTime EndUtc(this Quarter q) => q.End.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>Reads "2026-Q3" (also "2026Q3", "Q3 2026"); false when it is not a quarter.</summary>
    public static bool TryRead(string? text, out Quarter quarter)
    {
        quarter = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().ToUpperInvariant().Replace(" ", "-");
        var m = System.Text.RegularExpressions.Regex.Match(t, @"^Q([1-4])-?(\d{4})$");
        if (m.Success) t = $"{m.Groups[2].Value}-Q{m.Groups[1].Value}";
        else if (System.Text.RegularExpressions.Regex.IsMatch(t, @"^\d{4}Q[1-4]$")) t = t.Insert(4, "-");
        return Quarter.TryParse(t, out quarter);
    }
}

/// <summary>One headline number of a report section, already worded ("Health score", "72 of 100").</summary>
public sealed record ReportFigure(string Label, string Value, string? Detail = null);

/// <summary>A table of a report section; cells are already formatted text. <see cref="Numeric"/> marks right-aligned columns.</summary>
public sealed record ReportTable(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<int>? Numeric = null, string? Empty = null);

/// <summary>One line or bar series of a chart; null values are gaps.</summary>
public sealed record ReportSeries(string Name, IReadOnlyList<decimal?> Values);

/// <summary>A chart of a report section, drawn as SVG on the server so it prints (and reads without JavaScript).</summary>
public sealed record ReportChart(string Title, ReportChartKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<ReportSeries> Series,
    string? Unit = null, decimal? Min = null, decimal? Max = null);

public enum ReportChartKind { Line, Bar }

/// <summary>
/// A module's part of a printed report: a title, headline figures, tables and charts, in the module's own words.
/// <see cref="Order"/> places it among the other modules' sections (lower first); <see cref="Note"/> is a sentence
/// under the title (for instance what to do when there is nothing to show yet).
/// </summary>
public sealed record ReportSection(int Order, string Title, IReadOnlyList<ReportFigure> Figures, IReadOnlyList<ReportTable> Tables,
    IReadOnlyList<ReportChart> Charts, string? Note = null);

/// <summary>
/// A module's section of a partnership's quarterly business review pack (the reports module collects and prints them).
/// Read as staff; the partnership is already known to exist in the workspace. Keep it to a few bounded queries; return
/// null to leave the section out.
/// </summary>
public interface IPartnershipReportSource
{
    Task<ReportSection?> PartnershipSectionAsync(int partnershipId, Quarter quarter, CancellationToken ct);
}

/// <summary>A module's section of the executives' portfolio report for a quarter (aggregates in the database).</summary>
public interface IPortfolioReportSource
{
    Task<ReportSection?> PortfolioSectionAsync(Quarter quarter, CancellationToken ct);
}
