using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Warmglow.Core.Agreements;
using Warmglow.Web.Features.Agreements;

namespace Warmglow.Web.Pages.Agreements;

/// <summary>
/// The agreement form as a browser posts it: clauses flattened into fields, lists typed one entry per line
/// ("Party: responsibility", "Person: 15" for 15% of their time, one metric per line).
/// </summary>
public sealed class AgreementForm
{
    public string? Title { get; set; }
    public AgreementType? Type { get; set; }
    public bool Flexible { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Currency { get; set; } = "EUR";
    public List<string> OwnerIds { get; set; } = [];
    public string? Scope { get; set; }
    public string? Roles { get; set; }
    public string? People { get; set; }
    public decimal? Budget { get; set; }
    public string? Technology { get; set; }
    public string? Compensation { get; set; }
    public string? Metrics { get; set; }
    public ReviewCadence? Cadence { get; set; }
    public List<string> ReviewOwnerIds { get; set; } = [];
    public string? BackgroundIp { get; set; }
    public JointIpRule JointIp { get; set; }
    public string? IpNotes { get; set; }
    public bool Gdpr { get; set; }
    public bool Hipaa { get; set; }
    public bool Ccpa { get; set; }
    public string? DataNotes { get; set; }
    public string? Confidentiality { get; set; }
    public bool Mediation { get; set; } = true;
    public string? DisputeNotes { get; set; }
    public string? ForceMajeure { get; set; }
    public int? NoticeDays { get; set; } = 90;
    public int? WindDownDays { get; set; } = AgreementClauses.DefaultWindDownDays;
    public string? TerminationNotes { get; set; }
    public string? Reason { get; set; }
    public bool ReasonShared { get; set; }
    public int? BaseVersion { get; set; }

    static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    static (string Left, string? Right) Split(string line)
    {
        var i = line.IndexOfAny([':', '→']);
        return i < 0 ? (line, null) : (line[..i].Trim(), line[(i + 1)..].Trim());
    }

    public AgreementInput ToInput(int? partnershipId) => new(partnershipId, Title, Type, Flexible, StartDate, EndDate, Currency, OwnerIds,
        new AgreementClauses
        {
            Scope = Scope,
            Roles = Lines(Roles).Select(Split).Select(p => new RoleResponsibility(p.Left, p.Right)).ToList(),
            Resources = new ResourceClause
            {
                People = Lines(People).Select(Split).Select(p => new PersonCommitment(p.Left,
                    decimal.TryParse(p.Right?.TrimEnd('%').Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var pct) ? pct : null)).ToList(),
                Budget = Budget, Technology = Technology,
            },
            Compensation = new CompensationClause { Description = Compensation },
            Review = new ReviewClause { Metrics = Lines(Metrics).ToList(), Cadence = Cadence, OwnerIds = Cadence is null ? [] : ReviewOwnerIds },
            IntellectualProperty = new IpClause { BackgroundIpOwner = BackgroundIp, JointIp = JointIp, Notes = IpNotes },
            DataHandling = new DataHandlingClause { Gdpr = Gdpr, Hipaa = Hipaa, Ccpa = Ccpa, Notes = DataNotes },
            Confidentiality = Confidentiality,
            DisputeResolution = new DisputeClause { MediationBeforeLitigation = Mediation, Notes = DisputeNotes },
            ForceMajeure = ForceMajeure,
            Termination = new TerminationClause { NoticeDays = NoticeDays ?? 90, WindDownDays = WindDownDays ?? AgreementClauses.DefaultWindDownDays, Notes = TerminationNotes },
        }, Reason, BaseVersion, ReasonShared);

    public static AgreementForm From(AgreementDto a)
    {
        var c = a.Clauses;
        return new AgreementForm
        {
            Title = a.Title, Type = a.Type, Flexible = a.Flexible, StartDate = a.StartDate, EndDate = a.EndDate, Currency = a.Currency,
            OwnerIds = a.Owners.Select(o => o.Id).ToList(), Scope = c.Scope,
            Roles = string.Join("\n", c.Roles.Select(r => $"{r.Party}: {r.Responsibility}")),
            People = string.Join("\n", c.Resources.People.Select(p => $"{p.Person}: {p.PercentOfTime?.ToString("0.##", CultureInfo.InvariantCulture)}")),
            Budget = c.Resources.Budget, Technology = c.Resources.Technology, Compensation = c.Compensation.Description,
            Metrics = string.Join("\n", c.Review.Metrics), Cadence = c.Review.Cadence, ReviewOwnerIds = [.. c.Review.OwnerIds],
            BackgroundIp = c.IntellectualProperty.BackgroundIpOwner, JointIp = c.IntellectualProperty.JointIp, IpNotes = c.IntellectualProperty.Notes,
            Gdpr = c.DataHandling.Gdpr, Hipaa = c.DataHandling.Hipaa, Ccpa = c.DataHandling.Ccpa, DataNotes = c.DataHandling.Notes,
            Confidentiality = c.Confidentiality, Mediation = c.DisputeResolution.MediationBeforeLitigation, DisputeNotes = c.DisputeResolution.Notes,
            ForceMajeure = c.ForceMajeure, NoticeDays = c.Termination.NoticeDays, WindDownDays = c.Termination.WindDownDays,
            TerminationNotes = c.Termination.Notes, BaseVersion = a.CurrentVersion,
        };
    }
}

/// <summary>What the shared form partial needs: the form, the staff to choose owners from, and the errors by API field name.</summary>
public sealed record AgreementFormView(AgreementForm Form, IReadOnlyList<(string Id, string Name)> Staff, ModelStateDictionary State, bool Revising)
{
    /// <summary>Errors for an API field ("clauses.termination.windDownDays") or any field below it ("clauses.roles" covers "clauses.roles[2].party").</summary>
    public string? Error(string field)
    {
        var key = $"Input.{char.ToUpperInvariant(field[0])}{field[1..]}";
        var messages = State.Where(e => e.Key.Equals(key, StringComparison.OrdinalIgnoreCase) || e.Key.StartsWith(key + "[", StringComparison.OrdinalIgnoreCase) || e.Key.StartsWith(key + ".", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }
}
