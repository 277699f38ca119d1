using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Demo;

/// <summary>The demo workspace (each module adds its part through <see cref="IDemoContributor"/>) and volume data.</summary>
public sealed class DemoModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services
        .AddScoped<DemoLoader>()
        .AddScoped<DataGenerator>();
}
