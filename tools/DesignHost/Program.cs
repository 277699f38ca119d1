namespace Warmglow.DesignHost;

// Nothing runs here: this assembly only exists to be the `dotnet ef` startup project (see DesignTimeFactories.cs).
static class Program
{
    static void Main() { }
}
