using Microsoft.EntityFrameworkCore;

namespace Warmglow.Web.Infrastructure;

/// <summary>One page of a list that can grow. Page numbers start at 1.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}

public static class Paging
{
    public const int DefaultSize = 25;
    public const int MaxSize = 200;

    public static (int Page, int Size) Normalize(int? page, int? size) =>
        (Math.Max(1, page ?? 1), Math.Clamp(size ?? DefaultSize, 1, MaxSize));

    public static async Task<Paged<T>> ToPageAsync<T>(this IQueryable<T> query, int? page, int? size, CancellationToken ct = default)
    {
        var (p, s) = Normalize(page, size);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((p - 1) * s).Take(s).ToListAsync(ct);
        return new Paged<T>(items, p, s, total);
    }
}
