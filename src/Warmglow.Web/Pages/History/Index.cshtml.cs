using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Audit;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.History;

/// <summary>One record's own history for our people (the whole audit log stays with admins).</summary>
public class IndexModel(AuditService audit) : WarmglowPage
{
    /// <summary>The records whose history staff may read: those they can open anyway.</summary>
    public static readonly IReadOnlyDictionary<string, string> Readable = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Partner"] = "/Partners/", ["Contact"] = "/Partners/", ["Partnership"] = "/Partnerships/", ["Agreement"] = "/Agreements/Details/",
    };

    public Paged<AuditDto> Result { get; private set; } = null!;
    public string What { get; private set; } = "";
    public string? Back { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? entityType, int? entityId, [FromQuery(Name = "page")] int? page)
    {
        if (entityType is null || entityId is null || !Readable.TryGetValue(entityType, out var back)) return NotFound();
        Result = await audit.ListAsync(new AuditQuery(entityType, entityId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Page: page, PageSize: 50));
        if (Result.Total == 0) return NotFound();
        What = Result.Items.Select(a => a.Summary).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)) ?? Core.Text.Labels.Words(entityType).ToLowerInvariant();
        Back = entityType == "Contact" ? null : back + entityId;
        return Page();
    }
}
