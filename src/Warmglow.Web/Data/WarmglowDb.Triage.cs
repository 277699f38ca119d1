using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Portfolio;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<TriageRound> TriageRounds => Set<TriageRound>();
    public DbSet<TriageItem> TriageItems => Set<TriageItem>();

    // Triage is internal (closed to partner users by default), like the rest of the portfolio.
}
