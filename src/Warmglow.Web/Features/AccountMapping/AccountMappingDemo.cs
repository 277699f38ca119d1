using System.Text;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Mapping;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Health;

namespace Warmglow.Web.Features.AccountMapping;

/// <summary>
/// Account lists on both sides of the first two live partnerships, uploaded through the import as CRM exports would be
/// (Salesforce for ours, HubSpot for the partner's): 46 of our customers are the first partner's customers too, with
/// messy websites, a free-mail row, a duplicate and a company without a website matched by name and country. The first
/// partnership shares overlapping accounts both ways; the second keeps counts only and the partner hides one pair. One
/// overlap of the first partnership (their customer, an open opportunity of ours) is turned into a lead through the
/// referrals service, as the overlap page's "Refer" does.
/// </summary>
public sealed class AccountMappingDemo(WarmglowDb db, AccountMappingService mapping, OverlapReferrals referrals) : IDemoContributor
{
    public int Order => 370;

    static readonly string[] Stems =
    [
        "Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Adatum", "Proseware", "Lucerne", "Wingtip", "Margie", "Alpine", "Blue Yonder",
        "Coho", "Datum", "Fourth Coffee", "Graphic Design", "Humongous", "Lamna", "Munson", "Nod", "Relecloud", "School", "Southridge", "Trey",
        "VanArsdel", "Woodgrove", "Wide World", "Bellows", "Consolidated", "Hexagon",
    ];

    static readonly string[] Tails = ["Logistics", "Pharma", "Analytics", "Retail", "Energy"];

    static readonly string[] Tlds = ["com", "de", "co.uk", "fr", "nl"];
    static readonly string[] Countries = ["United States", "Germany", "United Kingdom", "France", "Netherlands"];

    /// <summary>The i-th company of a fixed pool of 150: a name, a tidy domain and a country.</summary>
    static (string Name, string Domain, string Country) Company(int i)
    {
        var stem = Stems[i % Stems.Length];
        var tail = Tails[i / Stems.Length % Tails.Length];
        var slug = (stem + "-" + tail).ToLowerInvariant().Replace(" ", "");
        return ($"{stem} {tail}", $"{slug}.{Tlds[i % Tlds.Length]}", Countries[i % Tlds.Length]);
    }

    /// <summary>The website as a CRM holds it: schemes, www, paths, capitals, subdomains.</summary>
    static string Messy(string domain, int i) => (i % 5) switch
    {
        0 => $"https://www.{domain}/",
        1 => domain.ToUpperInvariant(),
        2 => $"http://{domain}/about-us",
        3 => $"shop.{domain}",
        _ => domain,
    };

    static MemoryStream Salesforce(IEnumerable<int> pool, string type)
    {
        var sb = new StringBuilder("Account Name,Website,Billing Country,Type,Account Owner\n");
        foreach (var i in pool)
        {
            var (name, domain, country) = Company(i);
            sb.Append($"{name},{(i == 20 ? "" : Messy(domain, i))},{country},{type},Dana Fischer\n");
        }
        sb.Append("Freelance Consulting,jane.doe@gmail.com,Germany,Customer,Dana Fischer\n");
        return new MemoryStream(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    static MemoryStream HubSpot(IEnumerable<int> pool, string stage)
    {
        var sb = new StringBuilder("Company name,Company Domain Name,Country/Region,Lifecycle Stage\n");
        foreach (var i in pool)
        {
            var (name, domain, country) = Company(i);
            sb.Append($"{name} Ltd,{(i == 20 ? "" : Messy(domain, i + 2))},{country},{stage}\n");
        }
        var (dupName, dupDomain, dupCountry) = Company(pool.First());
        sb.Append($"{dupName.ToUpperInvariant()},{dupDomain},{dupCountry},{stage}\n");
        return new MemoryStream(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var live = await db.Partnerships.AsNoTracking().Where(p => HealthService.LiveStages.Contains(p.Stage)).OrderBy(p => p.Id)
            .Select(p => new { p.Id, PartnerId = p.Members.Where(m => m.IsLead).Select(m => m.PartnerId).First() }).Take(2).ToListAsync(ct);
        var staff = new MappingCaller(false, true);
        foreach (var (p, n) in live.Select((p, n) => (p, n)))
        {
            var partner = new MappingCaller(true, false) { ActingPartnerId = p.PartnerId };
            var offset = n * 40;
            // 60 customers of ours, 50 of theirs, 46 in common (one of them by name and country only); 15 of our open opportunities are their prospects.
            var ourCustomers = await mapping.CreateAsync(p.Id, Salesforce(Enumerable.Range(offset, 60), "Customer"), new("Customers", "customers"), staff, ct);
            var ourOpportunities = await mapping.CreateAsync(p.Id, Salesforce(Enumerable.Range(offset + 60, 25), "Prospect"), new("Open opportunities", "open opportunities"), staff, ct);
            var theirCustomers = await mapping.CreateAsync(p.Id, HubSpot(Enumerable.Range(offset + 14, 50), "customer"), new("Customers", "customers"), partner, ct);
            var theirProspects = await mapping.CreateAsync(p.Id, HubSpot(Enumerable.Range(offset + 70, 30), "lead"), new("Prospects", "prospects"), partner, ct);
            if (n == 0)
            {
                await mapping.SetRuleAsync(p.Id, new(null, null, "overlap"), staff, ct);
                await mapping.SetRuleAsync(p.Id, new(null, null, "overlap"), partner, ct);
                await mapping.SetRuleAsync(p.Id, new(ourOpportunities.Id, null, "counts"), staff, ct);
                var cell = await mapping.OverlapAsync(p.Id, ourOpportunities.Id, theirCustomers.Id, 1, 1, staff, ct);
                if (cell.Items.FirstOrDefault()?.Partners is { } account)
                    await referrals.ReferAsync(p.Id, new ReferInput(ourOpportunities.Id, theirCustomers.Id, account.Id,
                        "Their customer and an open opportunity of ours (account mapping): they introduce us to the buyer."), staff, ct);
            }
            else
                await mapping.SetRuleAsync(p.Id, new(ourCustomers.Id, theirProspects.Id, "hidden"), partner, ct);
        }
    }
}
