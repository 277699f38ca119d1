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
        var text = await ReadUtf8Async(stream, ct);
        var errors = new FieldErrors();
        var rows = Parse(text, errors);
        CheckPartnersAgree(rows, errors);
        if (!errors.IsEmpty) throw new ValidationFailed(errors, "The file was not imported: fix the rows below and upload it again. Nothing was written.");
        if (rows.Count == 0) throw ValidationFailed.For("file", "The file has a header but no rows.");
        return await WriteAsync(rows, ct);
    }

    static async Task<string> ReadUtf8Async(Stream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes) throw ValidationFailed.For("file", $"is larger than {MaxBytes / 1024 / 1024} MB.");
        }
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) throw ValidationFailed.For("file", "is empty. Expected a header row: " + string.Join(",", Headers));
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            throw ValidationFailed.For("file", $"is not valid UTF-8 (bad byte at position {e.Index}). Save it as 'CSV UTF-8' and upload again.");
        }
    }

    static List<Row> Parse(string text, FieldErrors errors)
    {
        var rows = new List<Row>();
        var (records, syntax) = Csv.Parse(text);
        foreach (var e in syntax) errors.Add($"row {e.Line}", e.Message);
        if (records.Count == 0 || records[0].Line != 1)
        {
            if (syntax.All(e => e.Line != 1)) errors.Add("file", "has no header row. Expected: " + string.Join(",", Headers));
            return rows;
        }
        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = Headers.Where(h => !header.Contains(h)).ToList();
        var unknown = header.Where(h => !Headers.Contains(h)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0) parts.Add("missing column(s): " + string.Join(", ", missing));
            if (unknown.Count > 0) parts.Add("unknown column(s): " + string.Join(", ", unknown.Select(u => $"'{u}'")));
            errors.Add("header", $"{string.Join("; ", parts)}. Expected: {string.Join(",", Headers)}");
            return rows;
        }
        var index = Headers.ToDictionary(h => h, h => Array.IndexOf(header, h));
        foreach (var record in records.Skip(1))
        {
            var (line, fields) = (record.Line, record.Fields);
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            if (fields.Count != header.Length)
            {
                errors.Add($"row {line}", $"has {fields.Count} fields; the header has {header.Length}. Check for a missing or extra comma.");
                continue;
            }
            string? F(string name) => FieldRules.Clean(fields[index[name]]);
            var partner = new PartnerInput(F("partner_name"), F("website"), F("industry"), F("size"), F("region"), F("notes"));
            var contact = F("contact_name") is null && F("contact_email") is null && F("contact_title") is null && F("contact_phone") is null
                ? null
                : new ContactInput(F("contact_name"), F("contact_email"), F("contact_title"), F("contact_phone"));
            foreach (var (field, messages) in PartnerRules(partner, contact).ToDictionary())
                foreach (var m in messages) errors.Add($"row {line}", $"{field} {m}");
            rows.Add(new Row(line, partner, contact));
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
        await using var tx = await db.Database.BeginTransactionAsync(ct);
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
