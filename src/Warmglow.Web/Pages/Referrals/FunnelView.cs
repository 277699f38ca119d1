namespace Warmglow.Web.Pages.Referrals;

/// <summary>How the funnel's figures read on a page.</summary>
public static class FunnelView
{
    public static string Percent(decimal? rate) => rate is { } r ? $"{r * 100:0}%" : "—";
}
