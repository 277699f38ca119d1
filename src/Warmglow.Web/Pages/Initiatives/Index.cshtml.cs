using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Initiatives;
using Warmglow.Web.Features.Initiatives;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Initiatives;

/// <summary>The initiatives board: one column per status (each paged in the database), filtered by partnership, kind, owner, at risk.</summary>
public class IndexModel(InitiativeService initiatives, Pickers pickers, UserDirectory users) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public InitiativeStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? PartnershipId { get; set; }
    [BindProperty(SupportsGet = true)] public InitiativeKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? OwnerId { get; set; }
    [BindProperty(SupportsGet = true)] public bool AtRisk { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public IReadOnlyList<(InitiativeStatus Status, Paged<InitiativeSummary> Items)> Columns { get; private set; } = [];
    public Paged<InitiativeSummary>? One { get; private set; }
    public List<(int Id, string Name)> Partnerships { get; private set; } = [];
    public List<(string Id, string Name)> Staff { get; private set; } = [];
    public bool CanManage { get; private set; }

    public InitiativeQuery Query => new(Status, PartnershipId, Kind is { } k && Enum.IsDefined(k) ? k : null, OwnerId, AtRisk ? true : null, PageNumber, 25);

    /// <summary>The board's address with the current filters and another status.</summary>
    public string Link(InitiativeStatus? status)
    {
        var q = new List<string>();
        if (status is { } s) q.Add($"status={s}");
        if (PartnershipId is { } p) q.Add($"partnershipId={p}");
        if (Kind is { } k) q.Add($"kind={k}");
        if (!string.IsNullOrEmpty(OwnerId)) q.Add($"ownerId={Uri.EscapeDataString(OwnerId)}");
        if (AtRisk) q.Add("atRisk=true");
        return "/Initiatives" + (q.Count == 0 ? "" : "?" + string.Join("&", q));
    }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (Status is { } s && !Enum.IsDefined(s)) Status = null;
        if (Status is null) Columns = await initiatives.BoardAsync(Query, ct);
        else One = await initiatives.ListAsync(Query, ct);
        Partnerships = await pickers.PartnershipsAsync(null, Pickers.Limit, ct);
        Staff = await users.StaffOptionsAsync(ct);
        CanManage = await AllowedAsync(Policies.Manage);
    }
}
