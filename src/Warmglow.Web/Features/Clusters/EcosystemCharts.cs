using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Warmglow.Web.Features.Clusters;

/// <summary>
/// Server-drawn bar charts for the ecosystem dashboard (the reports module draws its own inside its report markup and
/// offers no call for a single chart): inline SVG with a title and a text alternative listing every value, so it reads
/// without JavaScript and with a screen reader. Every text is HTML-encoded here.
/// </summary>
public static class EcosystemCharts
{
    static readonly string[] Palette = ["#b4532a", "#2f6f8f", "#6b8e23", "#8a5a9e"];
    static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
    static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public static IHtmlContent Bars(string id, string title, IReadOnlyList<string> labels, IReadOnlyList<(string Name, IReadOnlyList<decimal> Values)> series, string? unit = null)
    {
        var sb = new StringBuilder();
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        const double w = 560, h = 200, left = 48, right = 12, top = 10, bottom = 30;
        var slot = (w - left - right) / Math.Max(1, labels.Count);
        var bw = slot * 0.7 / Math.Max(1, series.Count);
        double Y(decimal v) => top + (h - top - bottom) * (1 - (double)(v / max));
        var u = unit is null ? "" : " " + unit;
        var alt = string.Join("; ", series.Select(s => $"{s.Name}: " + string.Join(", ", labels.Select((l, i) =>
            $"{l} {(i < s.Values.Count ? s.Values[i] : 0).ToString("#,0.##", CultureInfo.InvariantCulture)}{u}"))));
        sb.Append($"<figure class=\"mb-3\"><figcaption id=\"{id}\" class=\"small fw-semibold\">{E(title)}</figcaption>");
        sb.Append($"<svg class=\"w-100 h-auto\" viewBox=\"0 0 {F(w)} {F(h)}\" role=\"img\" aria-labelledby=\"{id}\" aria-describedby=\"{id}-d\" xmlns=\"http://www.w3.org/2000/svg\"><desc id=\"{id}-d\">{E(alt)}</desc>");
        for (var g = 0; g <= 2; g++)
        {
            var v = max * g / 2;
            sb.Append($"<line x1=\"{F(left)}\" x2=\"{F(w - right)}\" y1=\"{F(Y(v))}\" y2=\"{F(Y(v))}\" stroke=\"#ddd\" stroke-width=\"1\"/>");
            sb.Append($"<text x=\"{F(left - 4)}\" y=\"{F(Y(v) + 4)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">{E(v.ToString(v >= 10 ? "#,0" : "0.#", CultureInfo.InvariantCulture))}</text>");
        }
        for (var i = 0; i < labels.Count; i++)
        {
            var x = left + (i + 0.5) * slot;
            sb.Append($"<text x=\"{F(x)}\" y=\"{F(h - bottom + 16)}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">{E(labels[i])}</text>");
            for (var s = 0; s < series.Count; s++)
            {
                var v = i < series[s].Values.Count ? series[s].Values[i] : 0;
                if (v <= 0) continue;
                var y1 = Y(v);
                sb.Append($"<rect x=\"{F(x - slot * 0.35 + s * bw)}\" y=\"{F(y1)}\" width=\"{F(bw)}\" height=\"{F(Y(0) - y1)}\" fill=\"{Palette[s % Palette.Length]}\"/>");
            }
        }
        sb.Append("</svg>");
        if (series.Count > 1)
        {
            sb.Append("<ul class=\"list-inline small mb-0\">");
            for (var s = 0; s < series.Count; s++)
                sb.Append($"<li class=\"list-inline-item\"><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"{Palette[s % Palette.Length]}\"/></svg> {E(series[s].Name)}</li>");
            sb.Append("</ul>");
        }
        sb.Append("</figure>");
        return new HtmlString(sb.ToString());
    }
}
