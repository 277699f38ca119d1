using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Warmglow.Core.Revenue;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Infrastructure;
using CoreEvent = Warmglow.Core.Revenue.RevenueEvent;

namespace Warmglow.Web.Features.Revenue;

/// <summary>Revenue terms per agreement: the share model (fixed, capability, phased, tiered, pool), its parties, holding period.</summary>
public sealed class RevenueTermsService(WarmglowDb db, RevenueAgreements agreements)
{
    internal static readonly JsonSerializerOptions ModelJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public const int HoldingDaysMax = 365;

    Task<Agreement> AgreementAsync(int agreementId, CancellationToken ct) => agreements.AgreementAsync(agreementId, ct);
    Task<IReadOnlyList<PartyDto>> PartiesAsync(Agreement agreement, CancellationToken ct) => agreements.PartiesAsync(agreement, ct);

    public async Task<TermsDto> GetTermsAsync(int agreementId, CancellationToken ct)
    {
        var agreement = await AgreementAsync(agreementId, ct);
        var terms = await db.RevenueTerms.AsNoTracking().FirstOrDefaultAsync(t => t.AgreementId == agreementId, ct);
        return new TermsDto(agreementId, terms?.Kind, terms is null ? null : JsonSerializer.Deserialize<ModelInput>(terms.Model, ModelJson),
            terms?.HoldingDays ?? 0, terms?.Version ?? 0, await PartiesAsync(agreement, ct), agreement.Currency, agreement.StartDate, agreement.EndDate);
    }

    public async Task<TermsDto> SaveTermsAsync(int agreementId, TermsInput input, CancellationToken ct)
    {
        var agreement = await AgreementAsync(agreementId, ct);
        var parties = await PartiesAsync(agreement, ct);
        var errors = new FieldErrors();
        if (input.Kind is not { } kind)
        {
            errors.Add("kind", $"is required: one of {string.Join(", ", Enum.GetNames<ShareModelKind>())}.");
            throw new ValidationFailed(errors);
        }
        if (input.HoldingDays is < 0 or > HoldingDaysMax) errors.Add("holdingDays", $"must be from 0 to {HoldingDaysMax} days (got {input.HoldingDays}).");
        var model = input.Model;
        CheckModel(errors, kind, model, agreement);
        var known = parties.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, id) in PartyFields(kind, model))
            if (!string.IsNullOrWhiteSpace(id) && !known.Contains(id.Trim()))
                errors.Add(field, $"'{id.Trim()}' is not a party of this agreement; use one of {string.Join(", ", parties.Select(p => $"{p.Id} ({p.Name})"))}.");
        ValidationFailed.ThrowIfAny(errors);

        var terms = await db.RevenueTerms.FirstOrDefaultAsync(t => t.AgreementId == agreementId, ct);
        if (terms is null)
        {
            if (input.Version is > 0) throw new Conflict("These revenue terms were deleted or never existed; reload the page.");
            terms = new RevenueTerms { AgreementId = agreementId, Model = "" };
            db.RevenueTerms.Add(terms);
        }
        else
        {
            if (input.Version is null) throw ValidationFailed.For("version", "is required when changing terms: send the version you loaded.");
            db.Entry(terms).Property(t => t.Version).OriginalValue = input.Version.Value;
        }
        terms.Kind = kind;
        terms.Model = JsonSerializer.Serialize(Normalize(kind, model), ModelJson);
        terms.HoldingDays = input.HoldingDays ?? 0;
        await db.SaveChangesAsync(ct);
        return await GetTermsAsync(agreementId, ct);
    }

    /// <summary>Only the parameters of the chosen kind are kept, party ids trimmed.</summary>
    static ModelInput Normalize(ShareModelKind kind, ModelInput m) => kind switch
    {
        ShareModelKind.FixedSplit => new ModelInput(Shares: m.Shares?.Select(s => s with { PartyId = s.PartyId?.Trim() }).ToList()),
        ShareModelKind.CapabilitySplit => new ModelInput(Contributions: m.Contributions?.Select(s => s with { PartyId = s.PartyId?.Trim() }).ToList()),
        ShareModelKind.PhasedSplit => new ModelInput(Phases: m.Phases?.Select(p => p with { Shares = p.Shares?.Select(s => s with { PartyId = s.PartyId?.Trim() }).ToList() }).ToList()),
        ShareModelKind.TieredSplit => new ModelInput(PartnerId: m.PartnerId?.Trim(), OwnerId: m.OwnerId?.Trim(), Tiers: m.Tiers),
        _ => new ModelInput(Members: m.Members?.Select(x => x with { MemberId = x.MemberId?.Trim() }).ToList()),
    };

    static IEnumerable<(string Field, string? Id)> PartyFields(ShareModelKind kind, ModelInput m)
    {
        switch (kind)
        {
            case ShareModelKind.FixedSplit:
                foreach (var (s, i) in (m.Shares ?? []).Select((s, i) => (s, i))) yield return ($"shares[{i}].partyId", s?.PartyId);
                break;
            case ShareModelKind.CapabilitySplit:
                foreach (var (s, i) in (m.Contributions ?? []).Select((s, i) => (s, i))) yield return ($"contributions[{i}].partyId", s?.PartyId);
                break;
            case ShareModelKind.PhasedSplit:
                foreach (var (p, i) in (m.Phases ?? []).Select((p, i) => (p, i)))
                    foreach (var (s, j) in (p?.Shares ?? []).Select((s, j) => (s, j))) yield return ($"phases[{i}].shares[{j}].partyId", s?.PartyId);
                break;
            case ShareModelKind.TieredSplit:
                yield return ("partnerId", m.PartnerId);
                yield return ("ownerId", m.OwnerId);
                break;
            case ShareModelKind.Pool:
                foreach (var (s, i) in (m.Members ?? []).Select((s, i) => (s, i))) yield return ($"members[{i}].memberId", s?.MemberId);
                break;
        }
    }

    static void CheckModel(FieldErrors errors, ShareModelKind kind, ModelInput model, Agreement agreement)
    {
        if (kind == ShareModelKind.Pool)
        {
            var pool = ToPool(model, agreement);
            foreach (var (field, messages) in pool.Validate().ToDictionary())
                if (field is not ("poolId" or "currency" or "end"))
                    foreach (var m in messages) errors.Add(field, m);
            return;
        }
        var share = ToModel(kind, model);
        foreach (var (field, messages) in share.Validate(agreement.StartDate).ToDictionary())
            foreach (var m in messages) errors.Add(field, m);
    }

    internal static ShareModel ToModel(ShareModelKind kind, ModelInput m) => kind switch
    {
        ShareModelKind.FixedSplit => new FixedSplit(Percents(m.Shares)),
        ShareModelKind.CapabilitySplit => new CapabilitySplit(m.Contributions?.Select(c => c is null ? null! : new PartyContribution(c.PartyId!, c.Amount)).ToArray()!),
        ShareModelKind.PhasedSplit => new PhasedSplit(m.Phases?.Select(p => p is null ? null! : new Phase(Percents(p.Shares), p.Year, p.From, p.To)).ToArray()!),
        ShareModelKind.TieredSplit => new TieredSplit(m.PartnerId!, m.OwnerId!, m.Tiers?.Select(t => t is null ? null! : new Tier(t.From, t.Percent)).ToArray()!),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A pool is not a per-event split."),
    };

    static PartyPercent[] Percents(List<PartyPercentInput>? shares) =>
        shares?.Select(s => s is null ? null! : new PartyPercent(s.PartyId!, s.Percent)).ToArray()!;

    internal static PoolTerms ToPool(ModelInput m, Agreement a) =>
        new(a.Id.ToString(CultureInfo.InvariantCulture), a.Currency, a.StartDate, a.EndDate,
            m.Members?.Select(x => x is null ? null! : new PoolMember(x.MemberId!, x.ContributionPercent, x.Weight)).ToArray()!);
}
