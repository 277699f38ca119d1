using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Matching;
using Warmglow.Core.Referrals;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Health;

namespace Warmglow.Web.Features.Referrals;

/// <summary>
/// Registrations from the live partners: a won deal (win approved, partner-sourced), a deal being worked, a lead waiting
/// for review past the SLA, a rejected one; and a real conflict: the second partner registered Northwind, which the
/// first holds protection on; the reviewer approved it as influence only, with the reason recorded. A third partner's
/// registration of the same company still waits for its conflict decision. Also: an alias group for Northwind (its German
/// domain northwind.de), and a partner registering Northwind under that alias domain, detected by the real conflict check;
/// our CRM accounts (Wide World Importers is a customer, Adventure Works an open opportunity) and a partner registering
/// Adventure Works, a hard conflict with our own opportunity.
/// </summary>
public sealed class ReferralsDemo(WarmglowDb db, ReferralService referrals, OurAccountsService ours) : IDemoContributor
{
    public int Order => 360;

    sealed record Spec(string Company, string Website, string Country, string Contact, RegistrationKind Kind, RegistrationStage Stage,
        decimal Amount, string Currency, int SubmittedDaysAgo, int CloseInDays);

    static readonly Spec[] Specs =
    [
        new("Northwind Traders", "https://www.northwind-traders.com", "DE", "Greta Vogel", RegistrationKind.Deal, RegistrationStage.Opportunity, 48_000, "EUR", 40, 45),
        new("Contoso Pharma GmbH", "contoso-pharma.de", "DE", "Lukas Brandt", RegistrationKind.Deal, RegistrationStage.Won, 62_500, "EUR", 120, -20),
        new("Fabrikam Logistics", "https://fabrikam-logistics.eu", "NL", "Sanne de Vries", RegistrationKind.Lead, RegistrationStage.Submitted, 15_000, "EUR", 5, 60),
        new("Tailspin Toys", "tailspintoys.co.uk", "GB", "Oliver Hart", RegistrationKind.Deal, RegistrationStage.Qualified, 22_000, "GBP", 25, 75),
        new("Wide World Importers", "wideworldimporters.com", "US", "Maya Chen", RegistrationKind.Lead, RegistrationStage.Rejected, 9_000, "USD", 60, 30),
    ];

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var live = await db.Partnerships.AsNoTracking().Where(p => HealthService.LiveStages.Contains(p.Stage)).OrderBy(p => p.Id)
            .Select(p => new { p.Id, Lead = p.Members.Where(m => m.IsLead).Select(m => new { m.PartnerId, m.Partner!.Name }).First() })
            .Take(3).ToListAsync(ct);
        if (live.Count == 0) return;
        var now = context.Now;
        var manager = context.Staff[0].DisplayName;
        var first = live[0];
        var rows = new List<Registration>();
        foreach (var (s, i) in Specs.Select((s, i) => (s, i)))
        {
            var owner = live[i % live.Count];
            var submitted = now.AddDays(-s.SubmittedDaysAgo);
            var decided = s.Stage == RegistrationStage.Submitted ? (DateTime?)null : submitted.AddDays(1);
            var r = new Registration
            {
                PartnershipId = owner.Id, PartnerId = owner.Lead.PartnerId, Kind = s.Kind, Stage = s.Stage, CompanyName = s.Company, Website = s.Website,
                Country = s.Country, ContactName = s.Contact, ContactEmail = $"{s.Contact.Split(' ')[0].ToLowerInvariant()}@{Domains.Registrable(s.Website)}",
                ContactTitle = "Head of Operations", Amount = s.Amount, Currency = s.Currency,
                ExpectedCloseOn = DateOnly.FromDateTime(now).AddDays(s.CloseInDays), Interests = "Analytics, integrations",
                Notes = "Met at the partner's customer day; they asked for a joint proposal.", InternalNotes = i == 0 ? "Strategic account for the DACH plan." : null,
                SubmittedAt = submitted, SubmittedByName = $"{owner.Lead.Name} (portal)", SubmittedByPartner = true, NameKey = "", Version = 1,
                DecidedAt = decided, DecidedByName = decided is null ? null : manager,
                ProtectedUntil = s.Stage is RegistrationStage.Opportunity or RegistrationStage.Qualified ? decided!.Value.AddDays(RegistrationRules.DefaultProtectionDays) : null,
                RejectionReason = s.Stage == RegistrationStage.Rejected ? "Wide World Importers is already a direct customer of ours." : null,
                ClosedAt = s.Stage is RegistrationStage.Won or RegistrationStage.Rejected ? submitted.AddDays(90) : null,
                WinApprovedAt = s.Stage == RegistrationStage.Won ? submitted.AddDays(100) : null,
                WinApprovedByName = s.Stage == RegistrationStage.Won ? manager : null,
            };
            r.SetKeys();
            // The funnel's step dates and days, as the service stamps them on each decision and move.
            if (decided is { } d)
            {
                r.DaysToDecision = FunnelRules.WholeDays(submitted, d);
                if (s.Stage is RegistrationStage.Qualified or RegistrationStage.Opportunity or RegistrationStage.Won)
                {
                    r.QualifiedAt = d.AddDays(9 + i);
                    r.DaysToQualified = FunnelRules.WholeDays(d, r.QualifiedAt.Value);
                }
                if (s.Stage is RegistrationStage.Opportunity or RegistrationStage.Won)
                {
                    r.OpportunityAt = r.QualifiedAt!.Value.AddDays(14);
                    r.DaysToOpportunity = 14;
                }
                if (s.Stage == RegistrationStage.Won) r.DaysToClose = FunnelRules.WholeDays(r.OpportunityAt!.Value, r.ClosedAt!.Value);
            }
            rows.Add(r);
        }
        db.Registrations.AddRange(rows);
        await db.SaveChangesAsync(ct);
        foreach (var r in rows.Where(r => r.Stage is RegistrationStage.Opportunity or RegistrationStage.Qualified or RegistrationStage.Won))
            db.RegistrationCredits.Add(new RegistrationCredit { RegistrationId = r.Id, PartnerId = r.PartnerId, Kind = CreditKind.Sourced, SharePercent = 100 });

        // The conflict: another partner registers Northwind (same domain) while the first holds protection on it.
        var northwind = rows[0];
        var others = live.Skip(1).ToList();
        if (others.Count == 0) others = [first];
        Registration Duplicate(int partnershipId, int partnerId, string partnerName, int daysAgo) => new Registration
        {
            PartnershipId = partnershipId, PartnerId = partnerId, Kind = RegistrationKind.Deal, Stage = RegistrationStage.UnderReview,
            CompanyName = "Northwind Traders AG", Website = "northwind-traders.com", Country = "Germany", ContactName = "Jonas Keller",
            ContactEmail = "jonas.keller@northwind-traders.com", Amount = 30_000, Currency = "EUR", ExpectedCloseOn = DateOnly.FromDateTime(now).AddDays(60),
            Notes = "Their IT team asked us for an integration quote.", SubmittedAt = now.AddDays(-daysAgo), SubmittedByName = $"{partnerName} (portal)",
            SubmittedByPartner = true, ConflictOpen = true, NameKey = "", Version = 1,
        }.Also(r => r.SetKeys());
        var decidedDup = Duplicate(others[0].Id, others[0].Lead.PartnerId, others[0].Lead.Name, 12);
        var openDup = Duplicate(others[^1].Id, others[^1].Lead.PartnerId, others[^1].Lead.Name, 1);
        openDup.CompanyName = "Northwind Traders";
        openDup.SetKeys();
        db.Registrations.AddRange(decidedDup, openDup);
        await db.SaveChangesAsync(ct);
        decidedDup.Stage = RegistrationStage.Approved;
        decidedDup.InfluenceOnly = true;
        decidedDup.ConflictOpen = false;
        decidedDup.DecidedAt = decidedDup.SubmittedAt.AddDays(2);
        decidedDup.DecidedByName = manager;
        db.RegistrationCredits.Add(new RegistrationCredit { RegistrationId = decidedDup.Id, PartnerId = decidedDup.PartnerId, Kind = CreditKind.Influenced, SharePercent = 100 });
        var match = AccountMatcher.Match(new AccountKey(decidedDup.Domain, decidedDup.NameKey, decidedDup.CountryKey), new AccountKey(northwind.Domain, northwind.NameKey, northwind.CountryKey));
        db.RegistrationConflicts.Add(new RegistrationConflict
        {
            RegistrationId = decidedDup.Id, OtherRegistrationId = northwind.Id, Strength = match.Strength, Hard = true, SamePartner = decidedDup.PartnerId == northwind.PartnerId,
            Explanation = match.Explanation, FoundAt = decidedDup.SubmittedAt, Decision = ReviewOutcome.InfluenceOnly,
            Reason = "The first partner registered Northwind four weeks earlier and holds protection; this partner brings the integration, so it is credited as influence.",
            DecidedAt = decidedDup.DecidedAt, DecidedByName = manager,
        });
        foreach (var other in new[] { northwind, decidedDup })
            db.RegistrationConflicts.Add(new RegistrationConflict
            {
                RegistrationId = openDup.Id, OtherRegistrationId = other.Id, Strength = MatchStrength.Domain, Hard = other == northwind || openDup.PartnerId != other.PartnerId,
                SamePartner = openDup.PartnerId == other.PartnerId, FoundAt = openDup.SubmittedAt,
                Explanation = AccountMatcher.Match(new AccountKey(openDup.Domain, openDup.NameKey, openDup.CountryKey), new AccountKey(other.Domain, other.NameKey, other.CountryKey)).Explanation,
            });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        // Our side: Northwind's domains as one company, and our own accounts from a CRM export.
        await ours.CreateAliasAsync(new AliasInput("Northwind Traders", ["northwind-traders.com", "northwind.de"], null), ct);
        var crm = "Account Name,Website,Billing Country,Type,Account Owner\r\n" +
            $"Wide World Importers,https://www.wideworldimporters.com,United States,Customer - Direct,{manager}\r\n" +
            $"Litware Inc.,litware.com,United States,Customer - Channel,{manager}\r\n";
        await ours.ImportAsync(CrmAccountKind.Customer, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(crm)), ct);
        var opportunities = "Company name,Company Domain Name,Country/Region,Lifecycle Stage\r\nAdventure Works,adventure-works.com,Germany,opportunity\r\n";
        await ours.ImportAsync(CrmAccountKind.Opportunity, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(opportunities)), ct);

        // Two partners registering the same company under different domains, one an alias: found by the conflict check itself.
        var aliasOwner = live[^1];
        Registration Fresh(string company, string website, string contact, decimal amount, int daysAgo) => new Registration
        {
            PartnershipId = aliasOwner.Id, PartnerId = aliasOwner.Lead.PartnerId, Kind = RegistrationKind.Deal, Stage = RegistrationStage.Submitted,
            CompanyName = company, Website = website, Country = "Germany", ContactName = contact,
            ContactEmail = $"{contact.Split(' ')[0].ToLowerInvariant()}@{Domains.Registrable(website)}", Amount = amount, Currency = "EUR",
            ExpectedCloseOn = DateOnly.FromDateTime(now).AddDays(50), Notes = "Asked for a joint demo.", SubmittedAt = now.AddDays(-daysAgo),
            SubmittedByName = $"{aliasOwner.Lead.Name} (portal)", SubmittedByPartner = true, NameKey = "", Version = 1,
        };
        var onAlias = Fresh("Northwind Handel GmbH", "https://www.northwind.de", "Petra Lang", 18_000, 2);
        var onOurOpportunity = Fresh("Adventure Works", "adventure-works.com", "Tom Berg", 25_000, 3);
        foreach (var r in new[] { onAlias, onOurOpportunity })
        {
            r.SetKeys(await ours.GroupOfAsync(AccountKey.From(r.CompanyName, r.Website, r.Country).Domain, ct));
            db.Registrations.Add(r);
            await db.SaveChangesAsync(ct);
            await referrals.DetectConflictsAsync(r, ct);
        }
        db.ChangeTracker.Clear();
    }
}

static class ObjectExtensions
{
    public static T Also<T>(this T value, Action<T> act) { act(value); return value; }
}
