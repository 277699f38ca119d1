namespace Warmglow.Core.Scoring;

/// <summary>A candidate's place in a ranking.</summary>
/// <param name="Rank">1-based; candidates with equal scores share a rank and the next rank is skipped (1, 2, 2, 4). Null when unscored.</param>
/// <param name="Shortlisted">Score at or above the threshold.</param>
public sealed record RankedCandidate<TCandidate>(TCandidate Id, decimal? Score, int? Rank, bool Shortlisted);

/// <summary>
/// Ranking candidates on one template and cutting the shortlist (product.md §2 "Candidates are ranked; a threshold
/// produces the shortlist"; the seeds: 30 scored → 8 above threshold).
/// </summary>
public static class Ranking
{
    /// <summary>
    /// Orders by score (highest first), then by id; shortlists every candidate whose score is ≥ <paramref name="threshold"/>.
    /// Scores are compared exactly, not as displayed: 69.96 shows as 70.0 but is below a threshold of 70.
    /// Unscored candidates come last, unranked and never shortlisted: an absent score is not a low score.
    /// </summary>
    /// <param name="idOrder">Tie-break order of ids; default is ordinal for strings (the same on every server) and the natural order otherwise.</param>
    /// <exception cref="ArgumentException">An id appears twice.</exception>
    public static IReadOnlyList<RankedCandidate<TCandidate>> Rank<TCandidate>(
        IEnumerable<(TCandidate Id, decimal? Score)> candidates, decimal threshold, IComparer<TCandidate>? idOrder = null)
        where TCandidate : notnull
    {
        idOrder ??= typeof(TCandidate) == typeof(string) ? (IComparer<TCandidate>)StringComparer.Ordinal : Comparer<TCandidate>.Default;
        var list = candidates.ToList();
        var seen = new HashSet<TCandidate>();
        foreach (var (id, _) in list)
            if (!seen.Add(id)) throw new ArgumentException($"Candidate '{id}' appears more than once.", nameof(candidates));

        var scored = list.Where(c => c.Score is not null).OrderByDescending(c => c.Score!.Value).ThenBy(c => c.Id, idOrder).ToList();
        var result = new List<RankedCandidate<TCandidate>>(list.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var score = scored[i].Score!.Value;
            var rank = i > 0 && result[i - 1].Score == score ? result[i - 1].Rank : i + 1;
            result.Add(new RankedCandidate<TCandidate>(scored[i].Id, score, rank, score >= threshold));
        }
        foreach (var (id, _) in list.Where(c => c.Score is null).OrderBy(c => c.Id, idOrder))
            result.Add(new RankedCandidate<TCandidate>(id, null, null, false));
        return result;
    }
}
