using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Warmglow.Core.PrivateOverlap;

/// <summary>A peer's message that is not a list of valid group elements (wrong length, a bad point, the identity).</summary>
public sealed class PsiInvalidMessage(string message) : Exception(message);

/// <summary>What one side learns: the size of the intersection and, when the peer kept its answer in our order, which of our keys are in it.</summary>
public sealed record PsiResult(int Count, IReadOnlyList<int>? OwnIndexes);

/// <summary>
/// One side of an ECDH-style private set intersection over ristretto255 (commutative blinding): each side hashes its
/// keys to the group and raises them to a secret scalar chosen for this run; each raises the other's blinded list to its
/// own scalar; H(x)^(ab) = H(x)^(ba), so equal keys meet as equal double-blinded values and nothing else compares.
/// <list type="number">
/// <item><see cref="BlindOwn"/>: H(k)^a for our keys, in a random order (kept, so we can tell our keys apart later).</item>
/// <item><see cref="Reblind"/>: the peer's list raised to a, in the peer's order only when the rules let the peer learn
/// which of its records are shared, otherwise shuffled.</item>
/// <item><see cref="Intersect"/>: our list as the peer re-blinded it against the peer's list as we re-blinded it.</item>
/// </list>
/// The scalar never leaves the object and is cleared on <see cref="Dispose"/>.
/// </summary>
public sealed class PsiParty : IDisposable
{
    public const int ElementSize = Ristretto255.PointSize;

    readonly byte[] _scalar = Ristretto255.RandomScalar();
    readonly IReadOnlyList<string> _keys;
    int[]? _order;

    PsiParty(IReadOnlyList<string> keys) => _keys = keys;

    /// <summary>A party for this run over distinct normalized keys (see <see cref="PsiKeys"/>); duplicates are dropped.</summary>
    public static PsiParty Create(IEnumerable<string> keys) => new(keys.Distinct(StringComparer.Ordinal).ToList());

    public int Count => _keys.Count;

    /// <summary>The key index behind position <paramref name="i"/> of our blinded list.</summary>
    public int KeyIndexAt(int i) => (_order ?? throw new InvalidOperationException("Blind first."))[i];

    /// <summary>Step 1: H(k)^a for each of our keys, shuffled (n × 32 bytes).</summary>
    public byte[] BlindOwn()
    {
        _order = Permutation(_keys.Count);
        var output = new byte[_keys.Count * ElementSize];
        var scalar = _scalar;
        Parallel.For(0, _keys.Count, () => new byte[ElementSize], (i, _, point) =>
        {
            Ristretto255.HashToGroup(Encoding.UTF8.GetBytes(_keys[_order[i]]), point);
            if (!Ristretto255.TryMultiply(scalar, point, output.AsSpan(i * ElementSize, ElementSize)))
                throw new CryptographicException("Blinding failed.");
            return point;
        }, _ => { });
        return output;
    }

    /// <summary>
    /// Step 2: the peer's blinded list raised to our scalar. In the peer's order when <paramref name="keepOrder"/> (the
    /// peer then learns which of its own keys are shared), else shuffled (the peer learns the count only).
    /// </summary>
    public byte[] Reblind(ReadOnlySpan<byte> peerBlinded, bool keepOrder)
    {
        var n = CheckLength(peerBlinded);
        var input = peerBlinded.ToArray();
        var output = new byte[input.Length];
        var order = keepOrder ? null : Permutation(n);
        var scalar = _scalar;
        var bad = 0;
        Parallel.For(0, n, i =>
        {
            var target = order?[i] ?? i;
            if (!Ristretto255.TryMultiply(scalar, input.AsSpan(i * ElementSize, ElementSize), output.AsSpan(target * ElementSize, ElementSize)))
                Interlocked.Exchange(ref bad, 1);
        });
        if (bad != 0) throw new PsiInvalidMessage("The list holds a value that is not a valid group element.");
        return output;
    }

    /// <summary>
    /// Step 3: how many of our values (as the peer re-blinded them, <paramref name="ownDoubleBlinded"/>) are among the
    /// peer's (as we re-blinded them, <paramref name="peerDoubleBlinded"/>). With <paramref name="ownInOrder"/> (the peer
    /// kept our order) also which of our keys, as indexes into the keys given to <see cref="Create"/>.
    /// </summary>
    public PsiResult Intersect(ReadOnlySpan<byte> ownDoubleBlinded, ReadOnlySpan<byte> peerDoubleBlinded, bool ownInOrder)
    {
        if (CheckLength(ownDoubleBlinded) != _keys.Count) throw new PsiInvalidMessage("The peer's answer does not have one value for each of ours.");
        var m = CheckLength(peerDoubleBlinded);
        var theirs = new HashSet<Element>(m);
        for (var j = 0; j < m; j++) theirs.Add(Element.From(peerDoubleBlinded.Slice(j * ElementSize, ElementSize)));
        var count = 0;
        List<int>? indexes = ownInOrder ? [] : null;
        for (var i = 0; i < _keys.Count; i++)
        {
            if (!theirs.Contains(Element.From(ownDoubleBlinded.Slice(i * ElementSize, ElementSize)))) continue;
            count++;
            indexes?.Add(KeyIndexAt(i));
        }
        indexes?.Sort();
        return new PsiResult(count, indexes);
    }

    /// <summary>The number of elements in a list, or why it is not one.</summary>
    public static int CheckLength(ReadOnlySpan<byte> list) =>
        list.Length % ElementSize == 0 ? list.Length / ElementSize : throw new PsiInvalidMessage("The list is not a whole number of group elements.");

    static int[] Permutation(int n)
    {
        var p = new int[n];
        for (var i = 0; i < n; i++) p[i] = i;
        RandomNumberGenerator.Shuffle(p.AsSpan());
        return p;
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_scalar);

    readonly record struct Element(ulong A, ulong B, ulong C, ulong D)
    {
        public static Element From(ReadOnlySpan<byte> s) => new(BinaryPrimitives.ReadUInt64LittleEndian(s), BinaryPrimitives.ReadUInt64LittleEndian(s[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(s[16..]), BinaryPrimitives.ReadUInt64LittleEndian(s[24..]));
    }
}

/// <summary>
/// The normalized key a population record takes part with: its registrable domain, or (only where it has none) its
/// normalized name and country. The prefixes keep a domain from ever equalling a name.
/// </summary>
public static class PsiKeys
{
    public static string? For(string? domain, string? nameKey, string? countryKey) =>
        !string.IsNullOrEmpty(domain) ? "d:" + domain
        : !string.IsNullOrEmpty(nameKey) ? "n:" + nameKey + "|" + (countryKey ?? "")
        : null;
}

/// <summary>
/// The binary frame the deployments exchange: "WGP1", a UTF-8 JSON header (length-prefixed) and lists of 32-byte
/// group elements (each count-prefixed). Big-endian lengths; nothing after the last list.
/// </summary>
public static class PsiFrame
{
    static readonly byte[] Magic = "WGP1"u8.ToArray();
    public const int MaxHeader = 64 * 1024;

    public static byte[] Encode(string json, params byte[][] lists)
    {
        var header = Encoding.UTF8.GetBytes(json);
        var size = Magic.Length + 4 + header.Length + lists.Sum(l => 4 + l.Length);
        var output = new byte[size];
        var at = 0;
        Magic.CopyTo(output, at); at += Magic.Length;
        BinaryPrimitives.WriteInt32BigEndian(output.AsSpan(at), header.Length); at += 4;
        header.CopyTo(output, at); at += header.Length;
        foreach (var list in lists)
        {
            BinaryPrimitives.WriteInt32BigEndian(output.AsSpan(at), PsiParty.CheckLength(list)); at += 4;
            list.CopyTo(output, at); at += list.Length;
        }
        return output;
    }

    /// <summary>The header and exactly <paramref name="listCount"/> lists, or why the frame is malformed.</summary>
    public static (string Json, byte[][] Lists) Decode(ReadOnlySpan<byte> frame, int listCount, int maxElements)
    {
        if (frame.Length < Magic.Length + 4 || !frame[..Magic.Length].SequenceEqual(Magic)) throw new PsiInvalidMessage("Not a private-overlap message.");
        var at = Magic.Length;
        var headerLength = BinaryPrimitives.ReadInt32BigEndian(frame[at..]); at += 4;
        if (headerLength < 0 || headerLength > MaxHeader || at + headerLength > frame.Length) throw new PsiInvalidMessage("The message header is malformed.");
        var json = Encoding.UTF8.GetString(frame.Slice(at, headerLength)); at += headerLength;
        var lists = new byte[listCount][];
        for (var l = 0; l < listCount; l++)
        {
            if (at + 4 > frame.Length) throw new PsiInvalidMessage("The message ends early.");
            var count = BinaryPrimitives.ReadInt32BigEndian(frame[at..]); at += 4;
            if (count < 0 || count > maxElements) throw new PsiInvalidMessage($"A list holds more than {maxElements} values.");
            var bytes = count * PsiParty.ElementSize;
            if (at + bytes > frame.Length) throw new PsiInvalidMessage("The message ends early.");
            lists[l] = frame.Slice(at, bytes).ToArray(); at += bytes;
        }
        if (at != frame.Length) throw new PsiInvalidMessage("The message has bytes after its last list.");
        return (json, lists);
    }
}
