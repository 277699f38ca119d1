using System.Text.Json;
using System.Text.RegularExpressions;
using Warmglow.Core.Text;

namespace Warmglow.Web.Features.Audit;

/// <summary>One changed field of an audit entry, in words: "Name: Acme → Acme Ltd".</summary>
public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>Audit entries as sentences with names ("Maya Chen changed the partner “Relaywise”") and their changes field by field, never raw JSON.</summary>
public static partial class AuditText
{
    public static string Sentence(AuditDto a)
    {
        var verb = a.Action switch
        {
            "Created" => "created", "Updated" => "changed", "Deleted" => "deleted", "StageChanged" => "moved",
            _ => Labels.Words(a.Action).ToLowerInvariant(),
        };
        var what = Labels.Words(a.EntityType).ToLowerInvariant();
        return string.IsNullOrWhiteSpace(a.Summary) ? $"{a.UserName} {verb} a {what}" : $"{a.UserName} {verb} the {what} “{a.Summary}”";
    }

    /// <summary>The fields that changed, in the order written; internal keys (ids, hashes, stamps) say only that they changed.</summary>
    public static IReadOnlyList<AuditChange> Changes(AuditDto a)
    {
        var before = Read(a.Before);
        var after = Read(a.After);
        var fields = before.Keys.Concat(after.Keys).Distinct().Where(f => !Hidden(f)).ToList();
        return fields.Select(f =>
        {
            var label = Labels.Words(f.EndsWith("Id", StringComparison.Ordinal) && f.Length > 2 ? f[..^2] : f);
            var b = before.GetValueOrDefault(f);
            var n = after.GetValueOrDefault(f);
            if (f.EndsWith("Id", StringComparison.Ordinal)) return new AuditChange(label, b is null ? null : "someone or something", n is null ? null : "another");
            return new AuditChange(label, b, n);
        }).ToList();
    }

    static bool Hidden(string field) => field is "Version" or "UpdatedAt" or "CreatedAt" or "WorkspaceId" or "Id" or "SecurityStamp"
        or "ConcurrencyStamp" or "PasswordHash" or "NormalizedEmail" or "NormalizedUserName" || field.EndsWith("Hash", StringComparison.Ordinal);

    static Dictionary<string, string?> Read(string? json)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json)) return result;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return result;
            foreach (var p in doc.RootElement.EnumerateObject()) result[p.Name] = Value(p.Value);
        }
        catch (JsonException) { result["Value"] = json; }
        return result;
    }

    static string? Value(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.String => Word(v.GetString()!),
        JsonValueKind.Number => v.GetRawText(),
        _ => Shorten(v.GetRawText()),
    };

    // An enum value written by name ("CoMarketing") reads as words; a date-time as date and time.
    static string Word(string s) =>
        Identifier().IsMatch(s) ? Labels.Words(s) :
        DateTime.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var d) && s.Contains('T')
            ? d.ToString("yyyy-MM-dd HH:mm") : Shorten(s);

    static string Shorten(string s) => s.Length <= 160 ? s : s[..157] + "…";

    [GeneratedRegex(@"^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$")]
    private static partial Regex Identifier();
}
