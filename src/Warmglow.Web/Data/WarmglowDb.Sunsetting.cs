using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Sunsetting;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<WindDownPlan> WindDownPlans => Set<WindDownPlan>();
    public DbSet<WindDownTask> WindDownTasks => Set<WindDownTask>();

    // Wind-down plans and their tasks are internal (closed to partner users by default).
}
