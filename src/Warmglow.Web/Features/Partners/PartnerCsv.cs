using System.Text;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Csv;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Partners;

public sealed record ImportResult(int Rows, int PartnersCreated, int PartnersUpdated, int ContactsCreated, int ContactsUpdated);

/// <summary>
/// CSV import and export of partners with their contacts: one row per contact (a partner without contacts
/// is one row with empty contact columns). Import checks every row before writing anything, then writes
/// all rows in one transaction: all or nothing. Partners match by name, contacts by e-mail (else name).
/// </summary>
public sealed class PartnerCsv(WarmglowDb db)
{
    public static readonly string[] Headers =
        ["partner_name", "website", "industry", "size", "region", "notes", "contact_name", "contact_email", "contact_title", "contact_phone"];

    public const int MaxBytes = 20 * 1024 * 1024;

    public async Task<byte[]> ExportAsync(CancellationToken ct = default)
    {
        var partners = await db.Partners.AsNoTracking().Include(p => p.Contacts).OrderBy(p => p.Name).ThenBy(p => p.Id)
            .AsSplitQuery().ToListAsync(ct);
        var sb = new StringBuilder();
        Csv.WriteRecord(sb, Headers);
        foreach (var p in partners)
            foreach (var c in p.Contacts.OrderBy(c => c.Name).ThenBy(c => c.Id).Cast<Contact?>().DefaultIfEmpty())
                Csv.WriteRecord(sb, [p.Name, p.Website, p.Industry, p.Size, p.Region, p.Notes, c?.Name, c?.Email, c?.Title, c?.Phone]);
        return new UTF8Encoding(false).GetBytes(sb.ToString());
    }

    sealed record Row(int Line, PartnerInput Partner, ContactInput? Contact);

    public async Task<ImportResult> ImportAsync(Stream stream, CancellationToken ct = default)
    {
        var text = await CsvUpload.ReadUtf8Async(stream, MaxBytes, Headers, ct);
        var errors = new FieldErrors();
        var rows = Parse(text, errors);
        CheckPartnersAgree(rows, errors);
        if (!errors.IsEmpty) throw new ValidationFailed(errors, "The file was not imported: fix the rows below and upload it again. Nothing was written.");
        if (rows.Count == 0) throw ValidationFailed.For("file", "The file has a header but no rows.");
        return await WriteAsync(rows, ct);
    }

    static List<Row> Parse(string text, FieldErrors errors)
    {
        var rows = new List<Row>();
        foreach (var row in CsvTable.Read(text, Headers, [], errors))
        {
            var partner = new PartnerInput(row["partner_name"], row["website"], row["industry"], row["size"], row["region"], row["notes"]);
            var contact = row["contact_name"] is null && row["contact_email"] is null && row["contact_title"] is null && row["contact_phone"] is null
                ? null
                : new ContactInput(row["contact_name"], row["contact_email"], row["contact_title"], row["contact_phone"]);
            foreach (var (field, messages) in PartnerRules(partner, contact).ToDictionary())
                foreach (var m in messages) errors.Add($"row {row.Line}", $"{field} {m}");
            rows.Add(new Row(row.Line, partner, contact));
        }
        return rows;
    }

    static FieldErrors PartnerRules(PartnerInput p, ContactInput? c)
    {
        var errors = Core.Partners.PartnerRules.Validate(p.Name, p.Website, p.Industry, p.Size, p.Region, p.Notes, "partner_");
        if (c is not null)
            foreach (var (field, messages) in c.Validate("contact_").ToDictionary())
                foreach (var m in messages) errors.Add(field, m);
        return errors;
    }

    /// <summary>Rows of one partner repeat its fields; they must agree, or we would not know which to keep.</summary>
    static void CheckPartnersAgree(List<Row> rows, FieldErrors errors)
    {
        foreach (var group in rows.Where(r => r.Partner.Name is not null).GroupBy(r => r.Partner.Name!.ToLowerInvariant()))
        {
            var first = group.First();
            foreach (var r in group.Skip(1))
                if (r.Partner with { Name = first.Partner.Name } != first.Partner)
                    errors.Add($"row {r.Line}", $"repeats partner '{first.Partner.Name}' of row {first.Line} with different partner fields; they must match.");
        }
    }

    async Task<ImportResult> WriteAsync(List<Row> rows, CancellationToken ct)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        // Match names case-insensitively in memory: SQLite's lower() folds ASCII only, so "Ñandú" would not match "ñandú".
        var names = rows.Select(r => r.Partner.Name!.ToLowerInvariant()).ToHashSet();
        var ids = (await db.Partners.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Where(p => names.Contains(p.Name.ToLowerInvariant())).Select(p => p.Id).ToList();
        var existing = new List<Partner>();
        foreach (var chunk in ids.Chunk(500))
            existing.AddRange(await db.Partners.Include(p => p.Contacts).AsSplitQuery().Where(p => chunk.Contains(p.Id)).ToListAsync(ct));
        var byName = existing.GroupBy(p => p.Name.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Id).First());
        int pc = 0, pu = 0, cc = 0, cu = 0;
        foreach (var group in rows.GroupBy(r => r.Partner.Name!.ToLowerInvariant()))
        {
            if (!byName.TryGetValue(group.Key, out var partner))
            {
                partner = new Partner { Name = "" };
                db.Partners.Add(partner);
                pc++;
            }
            else pu++;
            PartnerService.Apply(partner, group.First().Partner);
            foreach (var input in group.Select(r => r.Contact).OfType<ContactInput>())
            {
                var contact = partner.Contacts.FirstOrDefault(c =>
                    input.Email is not null ? string.Equals(c.Email, input.Email, StringComparison.OrdinalIgnoreCase)
                                            : c.Email is null && string.Equals(c.Name, input.Name, StringComparison.OrdinalIgnoreCase));
                if (contact is null)
                {
                    contact = new Contact { Name = "" };
                    partner.Contacts.Add(contact);
                    cc++;
                }
                else cu++;
                PartnerService.Apply(contact, input);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await DatabaseSetup.OptimizeAsync(db, ct); // a bulk load can leave SQLite's planner statistics stale
        return new ImportResult(rows.Count, pc, pu, cc, cu);
    }
}
