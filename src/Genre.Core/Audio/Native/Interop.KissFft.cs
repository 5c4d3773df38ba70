using System.Runtime.InteropServices;

namespace Genre.Audio.Native;

/// <summary>
/// KissFFT's real transform in single precision (libkissfft-float, BSD-3-Clause). A configuration holds scratch space
/// that <c>kiss_fftr</c> writes, so each thread needs its own; the caller provides the memory, so nothing here is
/// freed by the library.
/// </summary>
internal static unsafe partial class KissFft
{
    static KissFft() => NativeLibraryNames.EnsureResolver();

    /// <summary>With <paramref name="memory"/> null, writes the bytes a configuration needs to <paramref name="length"/> and returns null.</summary>
    [LibraryImport(NativeLibraryNames.KissFft, EntryPoint = "kiss_fftr_alloc")]
    public static partial void* RealAlloc(int size, int inverse, void* memory, nuint* length);

    /// <summary>Forward real FFT: <paramref name="input"/> holds size floats, <paramref name="output"/> size / 2 + 1 complex values (re, im).</summary>
    [LibraryImport(NativeLibraryNames.KissFft, EntryPoint = "kiss_fftr")]
    public static partial void Real(void* configuration, float* input, float* output);
}
