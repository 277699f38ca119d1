using Warmglow.Core.Mapping;
using Warmglow.Web.Features.AccountMapping;

namespace Warmglow.Web.Pages.AccountMapping;

public sealed record RulesView(MatrixDto Matrix, IReadOnlyList<RuleDto> Rules, bool CanSet, string OursLabel, string TheirsLabel, string SetLabel)
{
    public string Name(int id, MappingSide side) => id == 0 ? "Any" : Matrix.Ours.Concat(Matrix.Partners).FirstOrDefault(p => p.Id == id)?.Name ?? "A list not shown";
}
