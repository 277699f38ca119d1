using Warmglow.Web.Features.Demo;

namespace Warmglow.Web.Features.Health;

public sealed class HealthDemo : IDemoContributor
{
    public int Order => 400;
    public Task AddAsync(DemoContext context, CancellationToken ct) => Task.CompletedTask;
}
