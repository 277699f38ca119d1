using Warmglow.Core.Partnerships;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Governance;

/// <summary>Responsible, Accountable, Consulted, Informed.</summary>
public enum RaciLetter { R, A, C, I }

/// <summary>One activity (a row) and the letter each column (a person or role) holds for it; columns without a letter are absent.</summary>
public sealed record RaciRow(string Activity, IReadOnlyDictionary<string, RaciLetter> Cells);

/// <summary>A partnership's RACI matrix: columns (people or roles of both sides) and activities.</summary>
public sealed record RaciMatrixData(IReadOnlyList<string> Columns, IReadOnlyList<RaciRow> Rows);

/// <summary>RACI rules (product.md §4): exactly one Accountable and at least one Responsible per activity.</summary>
public static class Raci
{
    public const int MaxColumns = 20, MaxRows = 60, MaxName = 120;

    public static string Describe(RaciLetter l) => l switch
    {
        RaciLetter.R => "Responsible",
        RaciLetter.A => "Accountable",
        RaciLetter.C => "Consulted",
        _ => "Informed",
    };

    /// <summary>
    /// Checks the matrix; every message names the activity or column it is about. Columns and activities must be
    /// unique (ignoring case and surrounding blanks), every cell must name a column of the matrix.
    /// </summary>
    public static FieldErrors Validate(RaciMatrixData? m)
    {
        var errors = new FieldErrors();
        if (m is null || m.Columns is null || m.Rows is null)
        {
            errors.Add("matrix", "needs columns and activities.");
            return errors;
        }
        if (m.Columns.Count == 0) errors.Add("columns", "need at least one person or role.");
        if (m.Columns.Count > MaxColumns) errors.Add("columns", $"must be at most {MaxColumns} (got {m.Columns.Count}).");
        if (m.Rows.Count == 0) errors.Add("activities", "need at least one activity.");
        if (m.Rows.Count > MaxRows) errors.Add("activities", $"must be at most {MaxRows} (got {m.Rows.Count}).");
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in m.Columns)
        {
            if (string.IsNullOrWhiteSpace(c)) errors.Add("columns", "have one without a name.");
            else if (c.Trim().Length > MaxName) errors.Add("columns", $"'{Short(c)}' is longer than {MaxName} characters.");
            else if (!columns.Add(c.Trim())) errors.Add("columns", $"'{c.Trim()}' appears more than once.");
        }
        var activities = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in m.Rows)
        {
            var name = row?.Activity?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                errors.Add("activities", "have one without a name.");
                continue;
            }
            if (name.Length > MaxName) errors.Add("activities", $"'{Short(name)}' is longer than {MaxName} characters.");
            if (!activities.Add(name)) errors.Add("activities", $"'{name}' appears more than once.");
            var cells = row!.Cells ?? new Dictionary<string, RaciLetter>();
            foreach (var (column, letter) in cells)
            {
                if (!columns.Contains(column?.Trim() ?? "")) errors.Add("activities", $"'{name}' has a letter for '{column}', which is not a column of the matrix.");
                if (!Enum.IsDefined(letter)) errors.Add("activities", $"'{name}' has a letter that is not R, A, C or I.");
            }
            var accountable = cells.Count(c => c.Value == RaciLetter.A);
            if (accountable == 0) errors.Add("activities", $"'{name}' needs exactly one Accountable (none is marked A).");
            else if (accountable > 1) errors.Add("activities", $"'{name}' needs exactly one Accountable ({accountable} are marked A: {string.Join(", ", cells.Where(c => c.Value == RaciLetter.A).Select(c => c.Key))}).");
            if (!cells.Any(c => c.Value == RaciLetter.R)) errors.Add("activities", $"'{name}' needs at least one Responsible (none is marked R).");
        }
        return errors;
    }

    /// <summary>Trims names and drops blank columns' cells; call after <see cref="Validate"/> passed.</summary>
    public static RaciMatrixData Normalize(RaciMatrixData m)
    {
        var columns = m.Columns.Select(c => c.Trim()).ToList();
        var byKey = columns.ToDictionary(c => c, StringComparer.OrdinalIgnoreCase);
        return new(columns, m.Rows.Select(r => new RaciRow(r.Activity.Trim(),
            r.Cells.ToDictionary(c => byKey[c.Key.Trim()], c => c.Value))).ToList());
    }

    /// <summary>A CSV table: header "Activity" then the columns; one line per activity; RFC 4180 quoting.</summary>
    public static string ToCsv(RaciMatrixData m)
    {
        var lines = new List<string> { string.Join(",", new[] { "Activity" }.Concat(m.Columns).Select(Quote)) };
        foreach (var r in m.Rows)
            lines.Add(string.Join(",", new[] { r.Activity }.Concat(m.Columns.Select(c => r.Cells.TryGetValue(c, out var l) ? l.ToString() : "")).Select(Quote)));
        return string.Join("\r\n", lines) + "\r\n";
    }

    static string Quote(string s)
    {
        // A leading =, +, - or @ would run as a formula in a spreadsheet: prefix a quote mark.
        if (s.Length > 0 && "=+-@".Contains(s[0])) s = "'" + s;
        return s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    static string Short(string s) => s.Trim().Length <= 40 ? s.Trim() : s.Trim()[..40] + "…";

    const string OurManager = "Our partnership manager", TheirManager = "Partner's partnership manager",
        Sponsor = "Executive sponsor", Committee = "Steering committee";

    /// <summary>The starter matrix for a partnership type: common governance rows plus the type's own work.</summary>
    public static RaciMatrixData Starter(PartnershipType type)
    {
        var columns = new List<string> { OurManager, TheirManager, Sponsor, Committee };
        var rows = new List<RaciRow>
        {
            Row("Partnership plan and goals", (OurManager, RaciLetter.R), (TheirManager, RaciLetter.R), (Sponsor, RaciLetter.A), (Committee, RaciLetter.C)),
            Row("Regular alignment meetings", (OurManager, RaciLetter.A), (TheirManager, RaciLetter.R), (Committee, RaciLetter.I)),
            Row("Budget decisions", (OurManager, RaciLetter.R), (Sponsor, RaciLetter.C), (Committee, RaciLetter.A), (TheirManager, RaciLetter.I)),
            Row("Performance reporting", (OurManager, RaciLetter.R), (TheirManager, RaciLetter.C), (Sponsor, RaciLetter.I), (Committee, RaciLetter.A)),
        };
        rows.AddRange(type switch
        {
            PartnershipType.TechnologyIntegration or PartnershipType.EcosystemIntegration =>
            [
                Row("Integration roadmap", (OurManager, RaciLetter.A), (TheirManager, RaciLetter.R), (Committee, RaciLetter.C)),
                Row("Technical support escalations", (TheirManager, RaciLetter.R), (OurManager, RaciLetter.A), (Sponsor, RaciLetter.I)),
            ],
            PartnershipType.CoMarketing =>
            [
                Row("Campaign calendar", (OurManager, RaciLetter.A), (TheirManager, RaciLetter.R), (Sponsor, RaciLetter.I)),
                Row("Brand and content approval", (OurManager, RaciLetter.R), (TheirManager, RaciLetter.A), (Committee, RaciLetter.C)),
            ],
            PartnershipType.CoSellingReferral or PartnershipType.Reseller or PartnershipType.MarketExpansion =>
            [
                Row("Pipeline and referral reviews", (OurManager, RaciLetter.A), (TheirManager, RaciLetter.R), (Sponsor, RaciLetter.I)),
                Row("Sales enablement and training", (OurManager, RaciLetter.R), (TheirManager, RaciLetter.A), (Committee, RaciLetter.I)),
            ],
            PartnershipType.StrategicInvestment or PartnershipType.InnovationCoCreation =>
            [
                Row("Joint initiative portfolio", (OurManager, RaciLetter.R), (TheirManager, RaciLetter.R), (Committee, RaciLetter.A), (Sponsor, RaciLetter.C)),
                Row("Intellectual property questions", (OurManager, RaciLetter.R), (Sponsor, RaciLetter.A), (TheirManager, RaciLetter.C)),
            ],
            _ =>
            [
                Row("Shared resources schedule", (OurManager, RaciLetter.A), (TheirManager, RaciLetter.R), (Committee, RaciLetter.I)),
            ],
        });
        return new(columns, rows);
    }

    static RaciRow Row(string activity, params (string Column, RaciLetter Letter)[] cells) =>
        new(activity, cells.ToDictionary(c => c.Column, c => c.Letter));
}
