using Warmglow.Web.Data;
using Warmglow.Web.Features.Workspaces;

namespace Warmglow.Web.Infrastructure.Modules;

/// <summary>
/// What a module gives every new workspace (e.g. the built-in scorecard templates). <see cref="WarmglowDb"/> runs all
/// registered seeders, in <see cref="Order"/>, in the same transaction that creates the workspace, whichever path
/// creates it (setup, the demo, an admin, a test).
/// </summary>
public interface IWorkspaceSeeder
{
    int Order { get; }

    /// <summary>The rows a new workspace starts with; the context stamps them and saves them with the workspace.</summary>
    IEnumerable<object> Seed(Workspace workspace);
}

/// <summary>Marks a <c>WarmglowDb</c> method as part of the model: called with the ModelBuilder after the conventions, in name order.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ModelPartAttribute : Attribute;
