using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Revenue;
using Warmglow.Web.Features.Revenue;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Revenue;

public sealed class PartyRow
{
    public string PartyId { get; set; } = "";
    public string? Name { get; set; }
    public decimal? Percent { get; set; }
    public decimal? Contribution { get; set; }
    public decimal? PoolPercent { get; set; }
    public decimal? Weight { get; set; }
}

/// <summary>The terms editor's form: per-party numbers for split and pool models, text lines for tiers and phases.</summary>
public sealed class TermsForm
{
    public ShareModelKind Kind { get; set; }
    public List<PartyRow> Parties { get; set; } = [];
    public string? PartnerId { get; set; }
    /// <summary>One tier per line: "from percent", e.g. "0 10" and "10000 15".</summary>
    public string? Tiers { get; set; }
    /// <summary>One phase per line: "year 1: p5=70, org=30" or "2025-01-01..2025-06-30: p5=70, org=30".</summary>
    public string? Phases { get; set; }
    public int HoldingDays { get; set; }
    public int Version { get; set; }
}

public sealed class EventForm
{
    public string? Key { get; set; }
    public RevenueKind Kind { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public DateOnly? Date { get; set; }
    public string? Source { get; set; }
    public string? MemberId { get; set; }
}

[Authorize(Policy = Policies.Oversee)]
[RequestSizeLimit(RevenueLedger.MaxCsvBytes + 1024 * 1024)]
public class AgreementModel(RevenueAgreements agreements, RevenueTermsService terms, RevenueLedger ledger, StatementService statements, TimeProvider clock) : WarmglowPage
{
    [BindProperty] public TermsForm Input { get; set; } = new();
    [BindProperty] public EventForm Event { get; set; } = new();
    [BindProperty] public DateOnly? From { get; set; }
    [BindProperty] public DateOnly? To { get; set; }

    public int AgreementId { get; private set; }
    public string Title { get; private set; } = "";
    public int PartnershipId { get; private set; }
    public TermsDto Terms { get; private set; } = null!;
    public Paged<EventDto> Events { get; private set; } = null!;
    public Paged<StatementSummary> Statements { get; private set; } = null!;
    public StatementDto? Preview { get; private set; }
    public ImportRowResult? Imported { get; private set; }
    /// <summary>Which form was posted: its section shows the errors.</summary>
    public string? Posted { get; private set; }
    public bool CanManage { get; private set; }
    /// <summary>Today by the app's clock: the latest day an issued period may end.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    async Task LoadAsync(int agreementId, int? page, bool fillForms, CancellationToken ct)
    {
        var agreement = await agreements.AgreementAsync(agreementId, ct);
        AgreementId = agreementId;
        Title = agreement.Title;
        PartnershipId = agreement.PartnershipId;
        Terms = await terms.GetTermsAsync(agreementId, ct);
        Events = await ledger.EventsAsync(agreementId, page, null, ct);
        Statements = await statements.StatementsAsync(agreementId, 1, 50, ct);
        CanManage = await AllowedAsync(Policies.Manage);
        if (fillForms)
        {
            Input = FromTerms(Terms);
            Event = new EventForm { Currency = Terms.Currency, Date = Terms.End is { } e && e < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) ? e : DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Key = $"ev-{Guid.NewGuid():N}"[..15] };
            var last = Statements.Items.FirstOrDefault()?.To;
            From ??= last?.AddDays(1) ?? Terms.Start;
            To ??= From.Value.AddMonths(3).AddDays(-1);
        }
        else
        {
            // Keep what was typed, but always list every party.
            foreach (var p in Terms.Parties.Where(p => Input.Parties.All(r => r.PartyId != p.Id))) Input.Parties.Add(new PartyRow { PartyId = p.Id });
            foreach (var r in Input.Parties) r.Name = Terms.Parties.FirstOrDefault(p => p.Id == r.PartyId)?.Name ?? r.PartyId;
        }
    }

    static TermsForm FromTerms(TermsDto t)
    {
        var m = t.Model ?? new ModelInput();
        var f = new TermsForm { Kind = t.Kind ?? ShareModelKind.FixedSplit, HoldingDays = t.HoldingDays, Version = t.Version, PartnerId = m.PartnerId };
        foreach (var p in t.Parties)
            f.Parties.Add(new PartyRow
            {
                PartyId = p.Id, Name = p.Name,
                Percent = m.Shares?.FirstOrDefault(s => s.PartyId == p.Id)?.Percent,
                Contribution = m.Contributions?.FirstOrDefault(s => s.PartyId == p.Id)?.Amount,
                PoolPercent = m.Members?.FirstOrDefault(s => s.MemberId == p.Id)?.ContributionPercent,
                Weight = m.Members?.FirstOrDefault(s => s.MemberId == p.Id)?.Weight,
            });
        f.Tiers = m.Tiers is null ? "0 10\n10000 15" : TermsText.FormatTiers(m.Tiers.Select(x => new TierLine(x.From, x.Percent)));
        f.Phases = m.Phases is null ? null : TermsText.FormatPhases(m.Phases.Select(p =>
            new PhaseLine(p.Year, p.From, p.To, (p.Shares ?? []).Select(s => (s.PartyId ?? "", s.Percent)).ToList())));
        return f;
    }

    public async Task OnGetAsync(int agreementId, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page, CancellationToken ct) => await LoadAsync(agreementId, page, true, ct);

    async Task<IActionResult> Guarded(int agreementId, string posted, Func<Task> change, string flash, CancellationToken ct)
    {
        if (!await AllowedAsync(Policies.Manage)) return Forbid();
        Posted = posted;
        if (await TryAsync(change))
        {
            Flash(flash);
            return RedirectToPage(new { agreementId });
        }
        await LoadAsync(agreementId, null, false, ct);
        return Page();
    }

    public Task<IActionResult> OnPostTermsAsync(int agreementId, CancellationToken ct) =>
        Guarded(agreementId, "terms", async () =>
        {
            var input = ToInput(Input);
            await terms.SaveTermsAsync(agreementId, input, ct);
        }, "Revenue terms saved.", ct);

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostEventAsync(int agreementId, CancellationToken ct)
    {
        ModelState.Clear();
        Posted = "event";
        var typed = Event;
        if (await TryAsync(async () =>
            {
                var r = await ledger.PostAsync(agreementId, new EventInput(typed.Key, typed.Amount, typed.Currency, typed.Date, typed.Source, typed.Kind, typed.MemberId), "form", ct);
                Flash(r.Replay ? $"Event {r.Event.Key} was already recorded with the same details: nothing new was written." : $"Event {r.Event.Key} recorded.");
            }))
            return RedirectToPage(new { agreementId });
        await LoadAsync(agreementId, null, true, ct);
        Event = typed;
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostImportAsync(int agreementId, IFormFile? file, CancellationToken ct)
    {
        ModelState.Clear();
        Posted = "import";
        if (file is null || file.Length == 0) ModelState.AddModelError("", "Choose a CSV file to import.");
        else
        {
            await using var stream = file.OpenReadStream();
            await TryAsync(async () => Imported = await ledger.ImportAsync(agreementId, stream, ct));
        }
        await LoadAsync(agreementId, null, true, ct);
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostPreviewAsync(int agreementId, CancellationToken ct)
    {
        ModelState.Clear();
        Posted = "statement";
        var (from, to) = (From, To);
        await TryAsync(async () => Preview = await statements.PreviewAsync(agreementId, new PeriodInput(from, to), ct));
        await LoadAsync(agreementId, null, true, ct);
        (From, To) = (from, to);
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostIssueAsync(int agreementId, CancellationToken ct)
    {
        ModelState.Clear();
        Posted = "statement";
        StatementDto? issued = null;
        var (from, to) = (From, To);
        if (await TryAsync(async () => issued = await statements.IssueAsync(agreementId, new PeriodInput(from, to), ct)))
        {
            Flash($"Statement {from:yyyy-MM-dd} to {to:yyyy-MM-dd} issued: it is now locked.");
            return RedirectToPage("/Revenue/Statement", new { id = issued!.Id });
        }
        await LoadAsync(agreementId, null, true, ct);
        (From, To) = (from, to);
        return Page();
    }

    TermsInput ToInput(TermsForm f)
    {
        var rows = f.Parties;
        List<TierInput>? tiers = null;
        List<PhaseInput>? phases = null;
        if (f.Kind == ShareModelKind.TieredSplit) tiers = ParseTiers(f.Tiers);
        if (f.Kind == ShareModelKind.PhasedSplit) phases = ParsePhases(f.Phases);
        return new TermsInput(f.Kind,
            Shares: f.Kind == ShareModelKind.FixedSplit ? rows.Where(r => r.Percent is not null).Select(r => new PartyPercentInput(r.PartyId, r.Percent!.Value)).ToList() : null,
            Contributions: f.Kind == ShareModelKind.CapabilitySplit ? rows.Where(r => r.Contribution is not null).Select(r => new ContributionInput(r.PartyId, r.Contribution!.Value)).ToList() : null,
            Phases: phases,
            PartnerId: f.Kind == ShareModelKind.TieredSplit ? f.PartnerId : null,
            OwnerId: f.Kind == ShareModelKind.TieredSplit ? "org" : null,
            Tiers: tiers,
            Members: f.Kind == ShareModelKind.Pool ? rows.Where(r => r.PoolPercent is not null || r.Weight is not null).Select(r => new PoolMemberInput(r.PartyId, r.PoolPercent ?? 0, r.Weight ?? 0)).ToList() : null,
            HoldingDays: f.HoldingDays, Version: f.Version);
    }

    /// <summary>The typed tier lines as terms input (the reading is Core's <see cref="TermsText"/>).</summary>
    static List<TierInput> ParseTiers(string? text)
    {
        var r = TermsText.ParseTiers(text);
        if (!r.Ok) throw ValidationFailed.For("tiers", r.Error!);
        return r.Lines.Select(t => new TierInput(t.From, t.Percent)).ToList();
    }

    /// <summary>The typed phase lines as terms input (the reading is Core's <see cref="TermsText"/>).</summary>
    static List<PhaseInput> ParsePhases(string? text)
    {
        var r = TermsText.ParsePhases(text);
        if (!r.Ok) throw ValidationFailed.For("phases", r.Error!);
        return r.Lines.Select(p => new PhaseInput(p.Year, p.From, p.To, p.Shares.Select(s => new PartyPercentInput(s.PartyId, s.Percent)).ToList())).ToList();
    }
}
