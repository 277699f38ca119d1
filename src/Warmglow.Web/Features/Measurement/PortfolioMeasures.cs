using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Measurement;

/// <summary>Measurement's side of <see cref="IPortfolioMeasureSource"/>: stored composites, programme costs, the reporting currency.</summary>
sealed class PortfolioMeasures(MeasurementService measurement) : IPortfolioMeasureSource
{
    public async Task<string> ReportingCurrencyAsync(CancellationToken ct) => (await measurement.SettingsAsync(ct)).ReportingCurrency;

    public IQueryable<PartnershipComposite> Composites(WarmglowDb db) =>
        db.PartnershipScores.Select(s => new PartnershipComposite { PartnershipId = s.PartnershipId, Composite = s.Composite });

    public IQueryable<PartnershipCost> Costs(WarmglowDb db) =>
        db.ProgramCosts.Select(c => new PartnershipCost { PartnershipId = c.PartnershipId, Currency = c.Currency, Amount = c.Amount });
}
