using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Warmglow.Core.PrivateOverlap;

/// <summary>
/// The ristretto255 prime-order group from libsodium (the native library the Geralt package ships; Geralt itself has no
/// ristretto API, so this is a thin binding to libsodium's own functions): hash-to-group
/// (<c>crypto_core_ristretto255_from_hash</c> over SHA-512, RFC 9496's one-way map), random scalars and scalar
/// multiplication, which validates its input point and refuses the identity. Nothing here is hand-made arithmetic.
/// The hosts (Warmglow.Web, the tests, the bench) reference Geralt, which brings libsodium's native library.
/// </summary>
public static class Ristretto255
{
    public const int PointSize = 32;
    public const int ScalarSize = 32;
    const int HashSize = 64;

    /// <summary>Domain separation for the hash to the group: both deployments must use the same.</summary>
    static readonly byte[] Dst = "Warmglow private overlap v1 ristretto255 SHA-512:"u8.ToArray();

    static readonly Lazy<bool> Ready = new(() => Native.sodium_init() >= 0);

    static void EnsureReady()
    {
        if (!Ready.Value) throw new InvalidOperationException("libsodium could not be initialised.");
    }

    /// <summary>Maps a key to a group element: SHA-512(DST ‖ key) through libsodium's from_hash.</summary>
    public static void HashToGroup(ReadOnlySpan<byte> key, Span<byte> point)
    {
        EnsureReady();
        if (point.Length != PointSize) throw new ArgumentException("A point is 32 bytes.", nameof(point));
        Span<byte> input = Dst.Length + key.Length <= 512 ? stackalloc byte[Dst.Length + key.Length] : new byte[Dst.Length + key.Length];
        Dst.CopyTo(input);
        key.CopyTo(input[Dst.Length..]);
        Span<byte> hash = stackalloc byte[HashSize];
        SHA512.HashData(input, hash);
        if (Native.crypto_core_ristretto255_from_hash(ref MemoryMarshal.GetReference(point), ref MemoryMarshal.GetReference(hash)) != 0)
            throw new CryptographicException("Hash to ristretto255 failed.");
    }

    /// <summary>A uniformly random non-zero scalar (libsodium's CSPRNG).</summary>
    public static byte[] RandomScalar()
    {
        EnsureReady();
        var scalar = new byte[ScalarSize];
        Native.crypto_core_ristretto255_scalar_random(ref MemoryMarshal.GetReference(scalar.AsSpan()));
        return scalar;
    }

    /// <summary>
    /// <paramref name="result"/> = <paramref name="scalar"/> · <paramref name="point"/>; false when the point is not a
    /// valid ristretto255 encoding or the result is the identity (a peer's bad input).
    /// </summary>
    public static bool TryMultiply(ReadOnlySpan<byte> scalar, ReadOnlySpan<byte> point, Span<byte> result)
    {
        EnsureReady();
        if (scalar.Length != ScalarSize || point.Length != PointSize || result.Length != PointSize) return false;
        return Native.crypto_scalarmult_ristretto255(ref MemoryMarshal.GetReference(result),
            ref MemoryMarshal.GetReference(scalar), ref MemoryMarshal.GetReference(point)) == 0;
    }

    static class Native
    {
        const string Lib = "libsodium";
        [DllImport(Lib)] public static extern int sodium_init();
        [DllImport(Lib)] public static extern int crypto_core_ristretto255_from_hash(ref byte p, ref byte r);
        [DllImport(Lib)] public static extern void crypto_core_ristretto255_scalar_random(ref byte r);
        [DllImport(Lib)] public static extern int crypto_scalarmult_ristretto255(ref byte q, ref byte n, ref byte p);
    }
}
