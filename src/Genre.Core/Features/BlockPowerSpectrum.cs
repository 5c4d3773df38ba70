using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Genre.Features;

/// <summary>
/// |rfft(frame)|^2 of <see cref="Lanes"/> frames at once, for power-of-two sizes: one radix-2 FFT whose every value is
/// a Vector256 holding the same sample of eight frames, so each butterfly serves eight frames with no shuffles.
/// Written here because no permissively licensed FFT on hand is fast enough: FFTW (GPL-2+) met the extraction
/// target but may not be in the default build, KissFFT (BSD-3) and the managed libraries (MathNet, FftSharp) were
/// 3-12 times slower (benchmarks/Genre.Benchmarks/FftBenchmarks.cs keeps the comparison). Thread-safe: the only
/// mutable state is each thread's work buffer. Holds no native memory, so there is nothing to dispose.
/// </summary>
internal sealed class BlockPowerSpectrum
{
    /// <summary>Frames per call: the floats in one Vector256.</summary>
    public const int Lanes = 8;

    /// <summary>Complex values (64 bytes each) whose early stages are done together: 16 KB, half of a core's L1 data cache.</summary>
    private const int CacheGroup = 256;

    [ThreadStatic]
    private static Vector256<float>[]? t_work;

    private readonly int _half;
    private readonly int[] _bitReverse;
    private readonly float[] _cos;
    private readonly float[] _sin;
    private readonly float[] _postCos;
    private readonly float[] _postSin;

    /// <param name="size">The frame length: a power of two, at least 16.</param>
    public BlockPowerSpectrum(int size)
    {
        if (size < 16 || !int.IsPow2(size))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The FFT size must be a power of two, at least 16.");
        }

        Size = size;
        Bins = (size / 2) + 1;
        _half = size / 2;
        var bits = int.Log2(_half);
        _bitReverse = new int[_half];
        for (var k = 0; k < _half; k++)
        {
            _bitReverse[k] = (int)(ReverseBits((uint)k) >> (32 - bits));
        }

        // exp(-2 pi i t / half) for the half-size complex FFT, and exp(-2 pi i k / size) for the real split.
        _cos = new float[_half / 2];
        _sin = new float[_half / 2];
        for (var t = 0; t < _half / 2; t++)
        {
            _cos[t] = (float)Math.Cos(2 * Math.PI * t / _half);
            _sin[t] = (float)-Math.Sin(2 * Math.PI * t / _half);
        }

        _postCos = new float[_half + 1];
        _postSin = new float[_half + 1];
        for (var k = 0; k <= _half; k++)
        {
            _postCos[k] = (float)Math.Cos(2 * Math.PI * k / size);
            _postSin[k] = (float)-Math.Sin(2 * Math.PI * k / size);
        }
    }

    public int Size { get; }

    public int Bins { get; }

    /// <summary>
    /// The power spectra of <see cref="Lanes"/> frames: <paramref name="frames"/> holds them one after the other
    /// (frame f is values [f * Size, (f + 1) * Size)); <paramref name="power"/> receives them bin-major, value
    /// [bin * Lanes + f], the layout in which a mel weight is one vector multiply-add over all eight frames.
    /// Unnormalised, as numpy's and FFTW's forward transforms are.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute(ReadOnlySpan<float> frames, Span<float> power)
    {
        if (frames.Length < Size * Lanes)
        {
            throw new ArgumentException($"{Lanes} frames of {Size} are {Size * Lanes} values, not {frames.Length}.", nameof(frames));
        }

        if (power.Length < Bins * Lanes)
        {
            throw new ArgumentException($"Power holds {power.Length} values; {Bins * Lanes} are needed.", nameof(power));
        }

        var work = t_work;
        if (work is null || work.Length < Size)
        {
            t_work = work = new Vector256<float>[Size];
        }

        // work[2k] and work[2k + 1] are the real and imaginary parts of complex value k.
        var z = work.AsSpan(0, Size);
        Pack(frames, z);
        Butterflies(z);
        Split(z, MemoryMarshal.Cast<float, Vector256<float>>(power[..(Bins * Lanes)]));
    }

    /// <summary>
    /// z[k] = x[2k] + i x[2k+1] of each frame (the half-size complex sequence whose FFT gives the real one), written
    /// at bit-reversed k so that the in-place butterflies produce natural order. Eight samples of eight frames are one
    /// 8x8 transpose.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Pack(ReadOnlySpan<float> frames, Span<Vector256<float>> z)
    {
        ref var x = ref MemoryMarshal.GetReference(frames);
        ref var output = ref MemoryMarshal.GetReference(z);
        var n = Size;
        for (var s = 0; s < n; s += Lanes)
        {
            Transpose(
                Vector256.LoadUnsafe(ref x, (nuint)s),
                Vector256.LoadUnsafe(ref x, (nuint)(n + s)),
                Vector256.LoadUnsafe(ref x, (nuint)((2 * n) + s)),
                Vector256.LoadUnsafe(ref x, (nuint)((3 * n) + s)),
                Vector256.LoadUnsafe(ref x, (nuint)((4 * n) + s)),
                Vector256.LoadUnsafe(ref x, (nuint)((5 * n) + s)),
                Vector256.LoadUnsafe(ref x, (nuint)((6 * n) + s)),
                Vector256.LoadUnsafe(ref x, (nuint)((7 * n) + s)),
                out var s0, out var s1, out var s2, out var s3, out var s4, out var s5, out var s6, out var s7);
            var k = s / 2;
            Store(ref output, _bitReverse[k], s0, s1);
            Store(ref output, _bitReverse[k + 1], s2, s3);
            Store(ref output, _bitReverse[k + 2], s4, s5);
            Store(ref output, _bitReverse[k + 3], s6, s7);
        }

        static void Store(ref Vector256<float> output, int k, Vector256<float> re, Vector256<float> im)
        {
            Unsafe.Add(ref output, 2 * k) = re;
            Unsafe.Add(ref output, (2 * k) + 1) = im;
        }
    }

    /// <summary>
    /// The iterative radix-2 decimation-in-time FFT of the bit-reversed half-size sequence, in place, two stages per
    /// pass over the data (radix 2^2: four values loaded and stored once for two butterflies each); an odd stage count
    /// ends with one plain radix-2 pass. The early stages only mix values within groups of <see cref="CacheGroup"/>, so
    /// each group goes through all of them while it sits in the L1 cache: the 64 KB of a 2,048-point block crosses
    /// to L2 twice instead of five times.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Butterflies(Span<Vector256<float>> z)
    {
        ref var data = ref MemoryMarshal.GetReference(z);
        var half = _half;
        var group = Math.Min(half, CacheGroup);
        var span = 1;
        for (var start = 0; start < half; start += group)
        {
            for (span = 1; 4 * span <= group; span *= 4)
            {
                FusedPass(ref data, span, start, start + group);
            }
        }

        for (; 4 * span <= half; span *= 4)
        {
            FusedPass(ref data, span, 0, half);
        }

        if (span < half)
        {
            RadixTwoPass(ref data, span);
        }
    }

    /// <summary>Stages <paramref name="span"/> and 2 x <paramref name="span"/> over complex values [from, to).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FusedPass(ref Vector256<float> data, int span, int from, int to)
    {
        var half = _half;
        var stride1 = half / (2 * span);
        var stride2 = half / (4 * span);
        for (var j = 0; j < span; j++)
        {
            // Stage one's twiddle exp(-2 pi i j / 2s), stage two's exp(-2 pi i j / 4s); the second pair's is -i times it.
            var w1r = Vector256.Create(_cos[j * stride1]);
            var w1i = Vector256.Create(_sin[j * stride1]);
            var w2r = Vector256.Create(_cos[j * stride2]);
            var w2i = Vector256.Create(_sin[j * stride2]);
            for (var g = from + j; g < to; g += 4 * span)
            {
                ref var p0 = ref Unsafe.Add(ref data, 2 * g);
                ref var p1 = ref Unsafe.Add(ref data, 2 * (g + span));
                ref var p2 = ref Unsafe.Add(ref data, 2 * (g + (2 * span)));
                ref var p3 = ref Unsafe.Add(ref data, 2 * (g + (3 * span)));
                var (a0r, a0i) = (p0, Unsafe.Add(ref p0, 1));
                var (a2r, a2i) = (p2, Unsafe.Add(ref p2, 1));
                var (t1r, t1i) = Multiply(p1, Unsafe.Add(ref p1, 1), w1r, w1i);
                var (t3r, t3i) = Multiply(p3, Unsafe.Add(ref p3, 1), w1r, w1i);
                var (b0r, b0i, b1r, b1i) = (a0r + t1r, a0i + t1i, a0r - t1r, a0i - t1i);
                var (b2r, b2i, b3r, b3i) = (a2r + t3r, a2i + t3i, a2r - t3r, a2i - t3i);
                var (u2r, u2i) = Multiply(b2r, b2i, w2r, w2i);
                var (u3r, u3i) = Multiply(b3r, b3i, w2r, w2i);
                // -i (u3r + i u3i) = u3i - i u3r.
                p0 = b0r + u2r;
                Unsafe.Add(ref p0, 1) = b0i + u2i;
                p2 = b0r - u2r;
                Unsafe.Add(ref p2, 1) = b0i - u2i;
                p1 = b1r + u3i;
                Unsafe.Add(ref p1, 1) = b1i - u3r;
                p3 = b1r - u3i;
                Unsafe.Add(ref p3, 1) = b1i + u3r;
            }
        }
    }

    /// <summary>The last stage alone, when the stage count is odd.</summary>
    private void RadixTwoPass(ref Vector256<float> data, int span)
    {
        var half = _half;
        var stride = half / (2 * span);
        for (var j = 0; j < span; j++)
        {
            var wr = Vector256.Create(_cos[j * stride]);
            var wi = Vector256.Create(_sin[j * stride]);
            for (var g = j; g < half; g += 2 * span)
            {
                ref var a = ref Unsafe.Add(ref data, 2 * g);
                ref var b = ref Unsafe.Add(ref data, 2 * (g + span));
                var (tr, ti) = Multiply(b, Unsafe.Add(ref b, 1), wr, wi);
                var (ar, ai) = (a, Unsafe.Add(ref a, 1));
                a = ar + tr;
                Unsafe.Add(ref a, 1) = ai + ti;
                b = ar - tr;
                Unsafe.Add(ref b, 1) = ai - ti;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> Re, Vector256<float> Im) Multiply(Vector256<float> ar, Vector256<float> ai, Vector256<float> br, Vector256<float> bi) =>
        (Vector256.FusedMultiplyAdd(ar, br, -(ai * bi)), Vector256.FusedMultiplyAdd(ar, bi, ai * br));

    /// <summary>
    /// The real FFT's bins from the half-size complex one: X[k] = E[k] + exp(-2 pi i k / n) O[k], with the even and
    /// odd samples' spectra E = (Z[k] + conj Z[h-k]) / 2 and O = -i (Z[k] - conj Z[h-k]) / 2, then |X[k]|^2.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Split(ReadOnlySpan<Vector256<float>> z, Span<Vector256<float>> power)
    {
        var half = _half;
        var r0 = z[0];
        var i0 = z[1];
        power[0] = Square(r0 + i0);
        power[half] = Square(r0 - i0);
        var halfScale = Vector256.Create(0.5f);
        for (var k = 1; k < half; k++)
        {
            var ar = z[2 * k];
            var ai = z[(2 * k) + 1];
            var br = z[2 * (half - k)];
            var bi = -z[(2 * (half - k)) + 1];
            var er = (ar + br) * halfScale;
            var ei = (ai + bi) * halfScale;
            var odr = (ai - bi) * halfScale;
            var odi = (br - ar) * halfScale;
            var c = Vector256.Create(_postCos[k]);
            var s = Vector256.Create(_postSin[k]);
            var xr = er + (c * odr) - (s * odi);
            var xi = ei + (c * odi) + (s * odr);
            power[k] = (xr * xr) + (xi * xi);
        }

        static Vector256<float> Square(Vector256<float> v) => v * v;
    }

    /// <summary>Rows r0..r7 become columns: output j holds value j of every row. AVX where present, scalar otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(
        Vector256<float> r0, Vector256<float> r1, Vector256<float> r2, Vector256<float> r3,
        Vector256<float> r4, Vector256<float> r5, Vector256<float> r6, Vector256<float> r7,
        out Vector256<float> c0, out Vector256<float> c1, out Vector256<float> c2, out Vector256<float> c3,
        out Vector256<float> c4, out Vector256<float> c5, out Vector256<float> c6, out Vector256<float> c7)
    {
        if (Avx.IsSupported)
        {
            var t0 = Avx.UnpackLow(r0, r1);
            var t1 = Avx.UnpackHigh(r0, r1);
            var t2 = Avx.UnpackLow(r2, r3);
            var t3 = Avx.UnpackHigh(r2, r3);
            var t4 = Avx.UnpackLow(r4, r5);
            var t5 = Avx.UnpackHigh(r4, r5);
            var t6 = Avx.UnpackLow(r6, r7);
            var t7 = Avx.UnpackHigh(r6, r7);
            var s0 = Avx.Shuffle(t0, t2, 0x44);
            var s1 = Avx.Shuffle(t0, t2, 0xEE);
            var s2 = Avx.Shuffle(t1, t3, 0x44);
            var s3 = Avx.Shuffle(t1, t3, 0xEE);
            var s4 = Avx.Shuffle(t4, t6, 0x44);
            var s5 = Avx.Shuffle(t4, t6, 0xEE);
            var s6 = Avx.Shuffle(t5, t7, 0x44);
            var s7 = Avx.Shuffle(t5, t7, 0xEE);
            c0 = Avx.Permute2x128(s0, s4, 0x20);
            c1 = Avx.Permute2x128(s1, s5, 0x20);
            c2 = Avx.Permute2x128(s2, s6, 0x20);
            c3 = Avx.Permute2x128(s3, s7, 0x20);
            c4 = Avx.Permute2x128(s0, s4, 0x31);
            c5 = Avx.Permute2x128(s1, s5, 0x31);
            c6 = Avx.Permute2x128(s2, s6, 0x31);
            c7 = Avx.Permute2x128(s3, s7, 0x31);
            return;
        }

        Span<float> rows = stackalloc float[Lanes * Lanes];
        r0.CopyTo(rows);
        r1.CopyTo(rows[8..]);
        r2.CopyTo(rows[16..]);
        r3.CopyTo(rows[24..]);
        r4.CopyTo(rows[32..]);
        r5.CopyTo(rows[40..]);
        r6.CopyTo(rows[48..]);
        r7.CopyTo(rows[56..]);
        c0 = Column(rows, 0);
        c1 = Column(rows, 1);
        c2 = Column(rows, 2);
        c3 = Column(rows, 3);
        c4 = Column(rows, 4);
        c5 = Column(rows, 5);
        c6 = Column(rows, 6);
        c7 = Column(rows, 7);

        static Vector256<float> Column(ReadOnlySpan<float> rows, int j) =>
            Vector256.Create(rows[j], rows[8 + j], rows[16 + j], rows[24 + j], rows[32 + j], rows[40 + j], rows[48 + j], rows[56 + j]);
    }

    private static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
        return (v >> 16) | (v << 16);
    }
}
