using System.Runtime.InteropServices;

namespace Genre.Audio.Native;

/// <summary>
/// FFTW 3 in single precision (libfftw3f). Planning is not thread-safe and is serialised by the caller;
/// executing a plan on new arrays (<c>fftwf_execute_dft_r2c</c>) is, which is how every thread shares one plan.
/// </summary>
internal static unsafe partial class Fftw
{
    public const uint FFTW_MEASURE = 0;
    public const uint FFTW_ESTIMATE = 1U << 6;

    static Fftw() => NativeLibraryNames.EnsureResolver();

    [StructLayout(LayoutKind.Sequential)]
    public struct IoDim
    {
        public int N;
        public int InputStride;
        public int OutputStride;
    }

    /// <summary>A real-to-complex plan that writes real and imaginary parts to separate arrays (vector-friendly).</summary>
    [LibraryImport(NativeLibraryNames.Fftw, EntryPoint = "fftwf_plan_guru_split_dft_r2c")]
    public static partial IntPtr PlanGuruSplitDftR2C(int rank, IoDim* dims, int howManyRank, IoDim* howManyDims,
        float* input, float* realOut, float* imagOut, uint flags);

    [LibraryImport(NativeLibraryNames.Fftw, EntryPoint = "fftwf_execute_split_dft_r2c")]
    public static partial void ExecuteSplitDftR2C(IntPtr plan, float* input, float* realOut, float* imagOut);

    [LibraryImport(NativeLibraryNames.Fftw, EntryPoint = "fftwf_destroy_plan")]
    public static partial void DestroyPlan(IntPtr plan);

    [LibraryImport(NativeLibraryNames.Fftw, EntryPoint = "fftwf_malloc")]
    public static partial void* Malloc(nuint size);

    [LibraryImport(NativeLibraryNames.Fftw, EntryPoint = "fftwf_free")]
    public static partial void Free(void* pointer);
}
