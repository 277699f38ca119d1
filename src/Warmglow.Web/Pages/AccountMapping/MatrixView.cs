using Warmglow.Web.Features.AccountMapping;

namespace Warmglow.Web.Pages.AccountMapping;

/// <summary>The matrix partial's model: the matrix, who the rows and columns are for the reader, and where a cell opens.</summary>
public sealed record MatrixView(MatrixDto Matrix, string RowsLabel, string ColumnsLabel, string CellBase, string EmptyHint)
{
    public string CellLink(int ours, int theirs) => $"{CellBase}?PartnershipId={Matrix.PartnershipId}&Ours={ours}&Theirs={theirs}";
}
