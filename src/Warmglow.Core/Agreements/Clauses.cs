using Warmglow.Core.Validation;

namespace Warmglow.Core.Agreements;

public enum ReviewCadence { Quarterly, SemiAnnual, Yearly }

/// <summary>Who owns what is jointly developed under the agreement.</summary>
public enum JointIpRule { JointlyOwned, OwnedByUs, OwnedByPartner, OwnedByContributor }

public sealed record RoleResponsibility(string? Party, string? Responsibility);

public sealed record PersonCommitment(string? Person, decimal? PercentOfTime);

public sealed record ResourceClause
{
    public List<PersonCommitment> People { get; init; } = [];
    /// <summary>In the agreement's currency.</summary>
    public decimal? Budget { get; init; }
    public string? Technology { get; init; }
}

public sealed record CompensationClause
{
    /// <summary>In words; the numeric share model belongs to the revenue module.</summary>
    public string? Description { get; init; }
}

public sealed record ReviewClause
{
    public List<string> Metrics { get; init; } = [];
    /// <summary>Null: no scheduled reviews.</summary>
    public ReviewCadence? Cadence { get; init; }
    /// <summary>Staff user ids who hold the reviews (each gets a task per review).</summary>
    public List<string> OwnerIds { get; init; } = [];
}

public sealed record IpClause
{
    /// <summary>Who owns background IP, e.g. "Each party keeps its own".</summary>
    public string? BackgroundIpOwner { get; init; }
    public JointIpRule JointIp { get; init; } = JointIpRule.JointlyOwned;
    public string? Notes { get; init; }
}

public sealed record DataHandlingClause
{
    public bool Gdpr { get; init; }
    public bool Hipaa { get; init; }
    public bool Ccpa { get; init; }
    public string? Notes { get; init; }
}

public sealed record DisputeClause
{
    public bool MediationBeforeLitigation { get; init; } = true;
    public string? Notes { get; init; }
}

public sealed record TerminationClause
{
    public int NoticeDays { get; init; } = 90;
    public int WindDownDays { get; init; } = AgreementClauses.DefaultWindDownDays;
    public string? Notes { get; init; }
}

/// <summary>The structured clauses of an agreement version (product.md §3), stored whole with every version.</summary>
public sealed record AgreementClauses
{
    public const int DefaultWindDownDays = 90;
    public const int TextMax = 4000;
    public const int ShortMax = 300;
    public const int ListMax = 30;

    public string? Scope { get; init; }
    public List<RoleResponsibility> Roles { get; init; } = [];
    public ResourceClause Resources { get; init; } = new();
    public CompensationClause Compensation { get; init; } = new();
    public ReviewClause Review { get; init; } = new();
    public IpClause IntellectualProperty { get; init; } = new();
    public DataHandlingClause DataHandling { get; init; } = new();
    public string? Confidentiality { get; init; }
    public DisputeClause DisputeResolution { get; init; } = new();
    public string? ForceMajeure { get; init; }
    public TerminationClause Termination { get; init; } = new();

    /// <summary>Checks every clause; field names like "clauses.termination.windDownDays".</summary>
    public FieldErrors Validate(FieldErrors? into = null, string prefix = "clauses")
    {
        var e = into ?? new FieldErrors();
        e.Optional($"{prefix}.scope", Scope, TextMax);
        var roles = Roles ?? [];
        if (roles.Count > ListMax) e.Add($"{prefix}.roles", $"must have at most {ListMax} entries.");
        for (var i = 0; i < roles.Count; i++)
        {
            e.Required($"{prefix}.roles[{i}].party", roles[i]?.Party, ShortMax);
            e.Required($"{prefix}.roles[{i}].responsibility", roles[i]?.Responsibility, TextMax);
        }
        var people = Resources?.People ?? [];
        if (people.Count > ListMax) e.Add($"{prefix}.resources.people", $"must have at most {ListMax} entries.");
        for (var i = 0; i < people.Count; i++)
        {
            e.Required($"{prefix}.resources.people[{i}].person", people[i]?.Person, ShortMax);
            if (people[i]?.PercentOfTime is not { } pct) e.Add($"{prefix}.resources.people[{i}].percentOfTime", "is required (1–100).");
            else if (pct <= 0 || pct > 100) e.Add($"{prefix}.resources.people[{i}].percentOfTime", $"must be more than 0 and at most 100 (got {pct}).");
        }
        if (Resources?.Budget is < 0) e.Add($"{prefix}.resources.budget", "must not be negative.");
        e.Optional($"{prefix}.resources.technology", Resources?.Technology, TextMax);
        e.Optional($"{prefix}.compensation.description", Compensation?.Description, TextMax);
        var metrics = Review?.Metrics ?? [];
        if (metrics.Count > ListMax) e.Add($"{prefix}.review.metrics", $"must have at most {ListMax} entries.");
        for (var i = 0; i < metrics.Count; i++) e.Required($"{prefix}.review.metrics[{i}]", metrics[i], ShortMax);
        if (Review?.Cadence is { } c && !Enum.IsDefined(c)) e.Add($"{prefix}.review.cadence", "is not a known cadence (Quarterly, SemiAnnual, Yearly).");
        if (Review?.Cadence is not null && (Review.OwnerIds ?? []).Count == 0)
            e.Add($"{prefix}.review.ownerIds", "needs at least one review owner when a review cadence is set.");
        e.Optional($"{prefix}.intellectualProperty.backgroundIpOwner", IntellectualProperty?.BackgroundIpOwner, ShortMax);
        e.Optional($"{prefix}.intellectualProperty.notes", IntellectualProperty?.Notes, TextMax);
        e.Optional($"{prefix}.dataHandling.notes", DataHandling?.Notes, TextMax);
        e.Optional($"{prefix}.confidentiality", Confidentiality, TextMax);
        e.Optional($"{prefix}.disputeResolution.notes", DisputeResolution?.Notes, TextMax);
        e.Optional($"{prefix}.forceMajeure", ForceMajeure, TextMax);
        var t = Termination ?? new();
        if (t.NoticeDays < 0) e.Add($"{prefix}.termination.noticeDays", "must not be negative.");
        else if (t.NoticeDays > 3650) e.Add($"{prefix}.termination.noticeDays", "must be at most 3650 days.");
        if (t.WindDownDays < 0) e.Add($"{prefix}.termination.windDownDays", "must not be negative.");
        else if (t.WindDownDays > 3650) e.Add($"{prefix}.termination.windDownDays", "must be at most 3650 days.");
        e.Optional($"{prefix}.termination.notes", t.Notes, TextMax);
        return e;
    }

    /// <summary>Trims texts, drops blank list entries and fills missing sub-records, so stored versions compare cleanly.</summary>
    public AgreementClauses Normalize()
    {
        static string? C(string? v) => FieldRules.Clean(v);
        return new AgreementClauses
        {
            Scope = C(Scope),
            Roles = (Roles ?? []).Where(r => r is not null).Select(r => new RoleResponsibility(C(r.Party), C(r.Responsibility))).ToList(),
            Resources = new ResourceClause
            {
                People = (Resources?.People ?? []).Where(p => p is not null).Select(p => new PersonCommitment(C(p.Person), p.PercentOfTime)).ToList(),
                Budget = Resources?.Budget, Technology = C(Resources?.Technology),
            },
            Compensation = new CompensationClause { Description = C(Compensation?.Description) },
            Review = new ReviewClause
            {
                Metrics = (Review?.Metrics ?? []).Select(C).OfType<string>().ToList(),
                Cadence = Review?.Cadence,
                OwnerIds = (Review?.OwnerIds ?? []).Select(C).OfType<string>().Distinct().ToList(),
            },
            IntellectualProperty = new IpClause
            {
                BackgroundIpOwner = C(IntellectualProperty?.BackgroundIpOwner),
                JointIp = IntellectualProperty?.JointIp ?? JointIpRule.JointlyOwned, Notes = C(IntellectualProperty?.Notes),
            },
            DataHandling = new DataHandlingClause
            {
                Gdpr = DataHandling?.Gdpr ?? false, Hipaa = DataHandling?.Hipaa ?? false, Ccpa = DataHandling?.Ccpa ?? false,
                Notes = C(DataHandling?.Notes),
            },
            Confidentiality = C(Confidentiality),
            DisputeResolution = new DisputeClause
            {
                MediationBeforeLitigation = DisputeResolution?.MediationBeforeLitigation ?? true, Notes = C(DisputeResolution?.Notes),
            },
            ForceMajeure = C(ForceMajeure),
            Termination = new TerminationClause
            {
                NoticeDays = Termination?.NoticeDays ?? 90,
                WindDownDays = Termination?.WindDownDays ?? DefaultWindDownDays, Notes = C(Termination?.Notes),
            },
        };
    }

    public static string Display(ReviewCadence c) => c switch
    {
        ReviewCadence.Quarterly => "Quarterly",
        ReviewCadence.SemiAnnual => "Every 6 months",
        _ => "Yearly",
    };

    public static string Display(JointIpRule r) => r switch
    {
        JointIpRule.JointlyOwned => "Jointly owned",
        JointIpRule.OwnedByUs => "Owned by us, licensed to the partner",
        JointIpRule.OwnedByPartner => "Owned by the partner, licensed to us",
        _ => "Owned by whoever created it",
    };
}

/// <summary>The whole of an agreement's terms at one version: header and clauses. Stored as a snapshot per version.</summary>
public sealed record AgreementTerms
{
    public string Title { get; init; } = "";
    public AgreementType Type { get; init; }
    public bool Flexible { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public string Currency { get; init; } = "";
    public List<string> OwnerIds { get; init; } = [];
    public AgreementClauses Clauses { get; init; } = new();

    public const int TitleMax = 200;

    /// <summary>Header and clause rules; field names "title", "endDate", "clauses.scope"….</summary>
    public static FieldErrors Validate(string? title, AgreementType? type, DateOnly? start, DateOnly? end, string? currency,
        IReadOnlyList<string>? ownerIds, AgreementClauses? clauses)
    {
        var e = new FieldErrors().Required("title", title, TitleMax);
        if (type is null) e.Add("type", $"is required: one of {string.Join(", ", Enum.GetNames<AgreementType>())}.");
        else if (!Enum.IsDefined(type.Value)) e.Add("type", "is not a known agreement type.");
        if (start is null) e.Add("startDate", "is required.");
        if (start is { } s && end is { } en && en < s) e.Add("endDate", "must not be before the start date.");
        if (string.IsNullOrWhiteSpace(currency)) e.Add("currency", "is required: an ISO 4217 code such as EUR.");
        else if (Revenue.Currency.Find(currency) is null)
            e.Add("currency", $"'{currency.Trim()}' is not a supported currency ({string.Join(", ", Revenue.Currency.Known.Select(c => c.Code))}).");
        if ((ownerIds ?? []).Count == 0) e.Add("ownerIds", "needs at least one owner: the staff member responsible for the agreement.");
        (clauses ?? new()).Validate(e);
        return e;
    }
}
