using System.Globalization;
using System.Net;
using System.Text;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Reports;

/// <summary>
/// Writes a <see cref="Report"/> as print-ready HTML: the same markup is shown on the report page (inside the layout, with
/// wwwroot/css/report.css) and printed to PDF (<see cref="Document"/>, a standalone page with that stylesheet inline). Charts are inline SVG, so they
/// print and need no script. Every text is HTML-encoded here.
/// </summary>
public static class ReportHtml
{
    static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    static readonly string[] Palette = ["#b4532a", "#2f6f8f", "#6b8e23", "#8a5a9e", "#c28f00", "#555555"];

    /// <summary>The report's markup, to place inside a page.</summary>
    public static string Body(Report r)
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"report\">");
        sb.Append($"<div class=\"report-print-head\">{E(r.Title)} · {E(r.Subject)}</div>");
        sb.Append($"<div class=\"report-print-foot\">Made {r.GeneratedAt:yyyy-MM-dd HH:mm} UTC by {E(r.GeneratedBy)} · Warmglow · confidential: for the people named in it</div>");
        sb.Append("<div class=\"report-print-body\">");
        sb.Append($"<div class=\"report-head\"><h1>{E(r.Subject)}</h1><p>{E(r.Title)} · {r.From.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} – {r.To.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}</p>");
        sb.Append($"<p class=\"report-footer-line\">Made {r.GeneratedAt:yyyy-MM-dd HH:mm} UTC by {E(r.GeneratedBy)}.</p></div>");
        if (r.Sections.Count == 0)
            sb.Append("<p class=\"report-note\">There is nothing to report yet: record metrics, surveys, revenue or initiatives and the report fills in.</p>");
        var n = 0;
        foreach (var s in r.Sections) Section(sb, s, ++n);
        sb.Append("</div></div>");
        return sb.ToString();
    }

    /// <summary>A standalone HTML document (the report stylesheet <paramref name="css"/> inline, no external resource), for printing to PDF.</summary>
    public static string Document(Report r, string css) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(r.Title)} · {E(r.Subject)}</title>" +
        $"<style>body{{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;color:#222;margin:0}}{css}</style></head>" +
        $"<body><main>{Body(r)}</main></body></html>";

    static void Section(StringBuilder sb, ReportSection s, int n)
    {
        var id = $"report-s{n}";
        sb.Append($"<section class=\"report-section\" aria-labelledby=\"{id}\"><h2 id=\"{id}\">{E(s.Title)}</h2>");
        if (s.Note is not null) sb.Append($"<p class=\"report-note\">{E(s.Note)}</p>");
        if (s.Figures.Count > 0)
        {
            sb.Append("<ul class=\"report-figures\">");
            foreach (var f in s.Figures)
                sb.Append($"<li><span class=\"label\">{E(f.Label)}</span><span class=\"value\">{E(f.Value)}</span>{(f.Detail is null ? "" : $"<span class=\"detail\">{E(f.Detail)}</span>")}</li>");
            sb.Append("</ul>");
        }
        var c = 0;
        foreach (var chart in s.Charts) Chart(sb, chart, $"{id}-c{++c}");
        foreach (var t in s.Tables) Table(sb, t);
        sb.Append("</section>");
    }

    static void Table(StringBuilder sb, ReportTable t)
    {
        if (t.Rows.Count == 0)
        {
            sb.Append($"<p class=\"report-note\"><strong>{E(t.Caption)}:</strong> {E(t.Empty ?? "none this quarter.")}</p>");
            return;
        }
        var numeric = t.Numeric ?? [];
        // On a narrow screen a wide table scrolls inside its own box (focusable, so the keyboard can scroll it), never the page.
        sb.Append($"<div class=\"report-table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{E(t.Caption)}\"><table class=\"report-table\"><caption>{E(t.Caption)}</caption><thead><tr>");
        for (var i = 0; i < t.Columns.Count; i++) sb.Append($"<th scope=\"col\"{(numeric.Contains(i) ? " class=\"num\"" : "")}>{E(t.Columns[i])}</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in t.Rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < row.Count; i++) sb.Append($"<td{(numeric.Contains(i) ? " class=\"num\"" : "")}>{E(row[i])}</td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table></div>");
    }

    static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A line or bar chart as SVG, with a text alternative listing the values.</summary>
    static void Chart(StringBuilder sb, ReportChart chart, string id)
    {
        var values = chart.Series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => (double)v!.Value).ToList();
        if (chart.Labels.Count == 0 || values.Count == 0) return;
        const double w = 560, h = 220, left = 44, right = 24, top = 10, bottom = 34;
        var min = (double?)chart.Min ?? Math.Min(0, values.Min());
        var max = (double?)chart.Max ?? values.Max();
        if (max <= min) max = min + 1;
        double X(int i) => chart.Kind == ReportChartKind.Bar
            ? left + (i + 0.5) * (w - left - right) / chart.Labels.Count
            : left + (chart.Labels.Count == 1 ? (w - left - right) / 2 : i * (w - left - right) / (chart.Labels.Count - 1));
        double Y(double v) => top + (h - top - bottom) * (1 - (v - min) / (max - min));
        var unit = chart.Unit is null ? "" : " " + chart.Unit;
        var alt = string.Join("; ", chart.Series.Select(s => $"{s.Name}: " + string.Join(", ",
            chart.Labels.Select((l, i) => $"{l} {(i < s.Values.Count && s.Values[i] is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) + unit : "no data")}"))));
        sb.Append($"<figure class=\"report-chart\"><figcaption id=\"{id}\">{E(chart.Title)}</figcaption>");
        sb.Append($"<svg viewBox=\"0 0 {F(w)} {F(h)}\" role=\"img\" aria-labelledby=\"{id}\" aria-describedby=\"{id}-d\" xmlns=\"http://www.w3.org/2000/svg\"><desc id=\"{id}-d\">{E(alt)}</desc>");
        // Axis and three grid lines with their values.
        for (var g = 0; g <= 2; g++)
        {
            var v = min + (max - min) * g / 2;
            sb.Append($"<line x1=\"{F(left)}\" x2=\"{F(w - right)}\" y1=\"{F(Y(v))}\" y2=\"{F(Y(v))}\" stroke=\"#ddd\" stroke-width=\"1\"/>");
            sb.Append($"<text x=\"{F(left - 4)}\" y=\"{F(Y(v) + 4)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">{E(v.ToString("0.#", CultureInfo.InvariantCulture))}</text>");
        }
        var step = Math.Max(1, (int)Math.Ceiling(chart.Labels.Count / 8.0));
        for (var i = 0; i < chart.Labels.Count; i += step)
            sb.Append($"<text x=\"{F(X(i))}\" y=\"{F(h - bottom + 16)}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">{E(chart.Labels[i])}</text>");
        var series = chart.Series.Count;
        for (var s = 0; s < series; s++)
        {
            var color = Palette[s % Palette.Length];
            var vals = chart.Series[s].Values;
            if (chart.Kind == ReportChartKind.Bar)
            {
                var slot = (w - left - right) / chart.Labels.Count;
                var bw = slot * 0.7 / series;
                for (var i = 0; i < chart.Labels.Count && i < vals.Count; i++)
                {
                    if (vals[i] is not { } v) continue;
                    var x = X(i) - slot * 0.35 + s * bw;
                    var y0 = Y(Math.Max(min, 0));
                    var y1 = Y((double)v);
                    sb.Append($"<rect x=\"{F(x)}\" y=\"{F(Math.Min(y0, y1))}\" width=\"{F(bw)}\" height=\"{F(Math.Abs(y0 - y1))}\" fill=\"{color}\"/>");
                }
            }
            else
            {
                var pts = new List<string>();
                for (var i = 0; i < chart.Labels.Count && i < vals.Count; i++)
                {
                    if (vals[i] is not { } v)
                    {
                        if (pts.Count > 0) sb.Append($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{string.Join(' ', pts)}\"/>");
                        pts.Clear();
                        continue;
                    }
                    pts.Add($"{F(X(i))},{F(Y((double)v))}");
                    sb.Append($"<circle cx=\"{F(X(i))}\" cy=\"{F(Y((double)v))}\" r=\"3\" fill=\"{color}\"/>");
                }
                if (pts.Count > 0) sb.Append($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{string.Join(' ', pts)}\"/>");
            }
        }
        sb.Append("</svg>");
        if (series > 1 || chart.Series[0].Name.Length > 0)
        {
            sb.Append("<ul class=\"report-legend\">");
            for (var s = 0; s < series; s++)
                sb.Append($"<li><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"{Palette[s % Palette.Length]}\"/></svg> {E(chart.Series[s].Name)}</li>");
            sb.Append("</ul>");
        }
        sb.Append("</figure>");
    }
}
