using System.Text.RegularExpressions;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Tests;

/// <summary>The helpers every test class shares: form posts with the antiforgery token, a new partner with its partnership.</summary>
static partial class TestHelpers
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>The antiforgery token of the form on <paramref name="html"/>.</summary>
    public static string AntiforgeryToken(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    /// <summary>Opens <paramref name="pageUrl"/> (for its antiforgery token and cookie) and posts <paramref name="fields"/> to <paramref name="postUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient c, string pageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = await (await c.GetAsync(pageUrl)).Content.ReadAsStringAsync();
        var all = fields.Where(f => f.Key != "__RequestVerificationToken").Append(new("__RequestVerificationToken", AntiforgeryToken(html))).ToList();
        return await c.PostAsync(postUrl, new FormUrlEncodedContent(all));
    }

    /// <summary>Creates a partner named <paramref name="name"/> and a partnership "<paramref name="name"/> alliance" with it.</summary>
    public static async Task<(int PartnershipId, int PartnerId)> NewPartnershipAsync(this HttpClient c, string name,
        string type = "CoSellingReferral", DateOnly? start = null, string? partnershipName = null)
    {
        var partner = await (await c.PostJson("/api/partners", new { name })).Read<PartnerDto>();
        var p = await (await c.PostJson("/api/partnerships", new { name = partnershipName ?? $"{name} alliance", type, partnerId = partner.Id, startDate = start })).Read<PartnershipDto>();
        return (p.Id, partner.Id);
    }
}
