using System.Globalization;

namespace Warmglow.Core.Agreements;

/// <summary>One field of a clause in two versions.</summary>
public sealed record FieldDiff(string Field, string Label, string? Before, string? After)
{
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>One clause (or the header) in two versions, field by field.</summary>
public sealed record ClauseDiff(string Key, string Label, IReadOnlyList<FieldDiff> Fields)
{
    public bool Changed => Fields.Any(f => f.Changed);
}

/// <summary>
/// Compares two versions of an agreement clause by clause. Each clause is flattened into readable fields (lists as
/// one line per entry), so the same text renders a version on its own and both sides of a comparison.
/// </summary>
public static class TermsDiff
{
    public static IReadOnlyList<ClauseDiff> Compare(AgreementTerms before, AgreementTerms after, Func<string, string>? userName = null)
    {
        var a = Flatten(before, userName);
        var b = Flatten(after, userName);
        return a.Select((clause, i) => new ClauseDiff(clause.Key, clause.Label,
            clause.Fields.Select((f, j) => new FieldDiff(f.Field, f.Label, f.Value, b[i].Fields[j].Value)).ToList())).ToList();
    }

    public sealed record FlatField(string Field, string Label, string? Value);
    public sealed record FlatClause(string Key, string Label, IReadOnlyList<FlatField> Fields);

    /// <summary>The terms as clauses of labelled, displayable values (null = not set). Same shape for every version.</summary>
    public static IReadOnlyList<FlatClause> Flatten(AgreementTerms t, Func<string, string>? userName = null)
    {
        userName ??= id => id;
        var c = t.Clauses ?? new AgreementClauses();
        static string? Lines(IEnumerable<string> items) { var l = items.ToList(); return l.Count == 0 ? null : string.Join("\n", l); }
        static string Yes(bool v) => v ? "Yes" : "No";
        static string? Num(decimal? v) => v?.ToString("0.##", CultureInfo.InvariantCulture);
        return
        [
            new("header", "Header",
            [
                new("title", "Title", t.Title),
                new("type", "Type", AgreementLifecycle.Display(t.Type)),
                new("flexible", "Fixed or flexible", t.Flexible ? "Flexible" : "Fixed"),
                new("startDate", "Start date", t.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new("endDate", "End date", t.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "Open-ended"),
                new("currency", "Currency", t.Currency),
                new("ownerIds", "Owners", Lines((t.OwnerIds ?? []).Select(userName))),
            ]),
            new("scope", "Scope", [new("scope", "Scope", c.Scope)]),
            new("roles", "Roles and responsibilities",
                [new("roles", "Party → responsibility", Lines((c.Roles ?? []).Select(r => $"{r.Party} → {r.Responsibility}")))]),
            new("resources", "Resource commitments",
            [
                new("people", "People", Lines((c.Resources?.People ?? []).Select(p => $"{p.Person}: {Num(p.PercentOfTime)}% of time"))),
                new("budget", "Budget", c.Resources?.Budget is { } b ? $"{Num(b)} {t.Currency}" : null),
                new("technology", "Technology", c.Resources?.Technology),
            ]),
            new("compensation", "Compensation model", [new("description", "Description", c.Compensation?.Description)]),
            new("review", "Metrics and review cadence",
            [
                new("metrics", "Metrics", Lines(c.Review?.Metrics ?? [])),
                new("cadence", "Review cadence", c.Review?.Cadence is { } cad ? AgreementClauses.Display(cad) : "No scheduled reviews"),
                new("ownerIds", "Review owners", Lines((c.Review?.OwnerIds ?? []).Select(userName))),
            ]),
            new("intellectualProperty", "Intellectual property",
            [
                new("backgroundIpOwner", "Background IP", c.IntellectualProperty?.BackgroundIpOwner),
                new("jointIp", "Jointly developed IP", AgreementClauses.Display(c.IntellectualProperty?.JointIp ?? JointIpRule.JointlyOwned)),
                new("notes", "Notes", c.IntellectualProperty?.Notes),
            ]),
            new("dataHandling", "Data handling",
            [
                new("gdpr", "GDPR", Yes(c.DataHandling?.Gdpr ?? false)),
                new("hipaa", "HIPAA", Yes(c.DataHandling?.Hipaa ?? false)),
                new("ccpa", "CCPA", Yes(c.DataHandling?.Ccpa ?? false)),
                new("notes", "Notes", c.DataHandling?.Notes),
            ]),
            new("confidentiality", "Confidentiality", [new("confidentiality", "Confidentiality", c.Confidentiality)]),
            new("disputeResolution", "Dispute resolution",
            [
                new("mediationBeforeLitigation", "Mediation before litigation", Yes(c.DisputeResolution?.MediationBeforeLitigation ?? true)),
                new("notes", "Notes", c.DisputeResolution?.Notes),
            ]),
            new("forceMajeure", "Force majeure", [new("forceMajeure", "Force majeure", c.ForceMajeure)]),
            new("termination", "Termination and exit",
            [
                new("noticeDays", "Notice period", $"{c.Termination?.NoticeDays ?? 90} days"),
                new("windDownDays", "Wind-down period", $"{c.Termination?.WindDownDays ?? AgreementClauses.DefaultWindDownDays} days"),
                new("notes", "Notes", c.Termination?.Notes),
            ]),
        ];
    }
}
