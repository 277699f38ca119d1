using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Warmglow.Core.Revenue;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Infrastructure;
using CoreEvent = Warmglow.Core.Revenue.RevenueEvent;

namespace Warmglow.Web.Features.Revenue;

/// <summary>The agreement a revenue operation is about, and its parties ("org" and "p{id}"), for the ledger's services.</summary>
public sealed class RevenueAgreements(WarmglowDb db)
{
    public async Task<Agreement> AgreementAsync(int agreementId, CancellationToken ct) =>
        await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agreementId, ct)
        ?? throw new NotFound("The agreement");

    /// <summary>Our organization ("org") and each member partner of the agreement's partnership ("p{id}"), with display names.</summary>
    public async Task<IReadOnlyList<PartyDto>> PartiesAsync(Agreement agreement, CancellationToken ct)
    {
        var org = await db.Workspaces.Where(w => w.Id == agreement.WorkspaceId).Select(w => w.Name).FirstOrDefaultAsync(ct) ?? "Our organization";
        var members = await db.PartnershipMembers.Where(m => m.PartnershipId == agreement.PartnershipId)
            .OrderByDescending(m => m.IsLead).ThenBy(m => m.PartnerId)
            .Select(m => new { m.PartnerId, m.Partner!.Name }).ToListAsync(ct);
        return [new PartyDto(Parties.Org, org), .. members.Select(m => new PartyDto(Parties.Partner(m.PartnerId), m.Name))];
    }
}
