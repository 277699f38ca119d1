using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Warmglow.Web.Data;

/// <summary>
/// What a partner user may read of a workspace-owned entity. The workspace filter is applied to every such entity by
/// convention; the partner filter starts closed (<see cref="None"/>) and a module opens it for its entities here.
/// </summary>
public static class PartnerAccess
{
    /// <summary>Internal: partner users read none of it (the default).</summary>
    public const string None = "internal";
    /// <summary>Partner users read the rows the entity's partner filter admits (their own partnership's).</summary>
    public const string Filtered = "own partnership";
    /// <summary>Partner users read every row of their workspace (only for rows with no free text of ours, composed over by filters).</summary>
    public const string Workspace = "whole workspace";

    /// <summary>Partner users read the rows <paramref name="filter"/> admits; write it as "staff, or the partner's own".</summary>
    public static EntityTypeBuilder<T> PartnerSees<T>(this EntityTypeBuilder<T> entity, Expression<Func<T, bool>> filter) where T : class
    {
        entity.HasQueryFilter(WarmglowDb.Filters.Partner, filter);
        entity.Metadata.SetAnnotation(WarmglowDb.PartnerAccessAnnotation, Filtered);
        return entity;
    }

    /// <summary>Partner users read every row of their workspace.</summary>
    public static EntityTypeBuilder<T> PartnerSeesAll<T>(this EntityTypeBuilder<T> entity) where T : class
    {
        entity.HasQueryFilter(WarmglowDb.Filters.Partner, (Expression<Func<T, bool>>)(_ => true));
        entity.Metadata.SetAnnotation(WarmglowDb.PartnerAccessAnnotation, Workspace);
        return entity;
    }
}
