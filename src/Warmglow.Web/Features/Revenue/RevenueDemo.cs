using Warmglow.Web.Features.Demo;

namespace Warmglow.Web.Features.Revenue;

sealed class RevenueDemo : IDemoContributor
{
    public int Order => 200;
    public Task AddAsync(DemoContext context, CancellationToken ct) => Task.CompletedTask;
}
