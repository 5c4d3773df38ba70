using System.Runtime.InteropServices;

namespace Genre.Benchmarks.Fftw;

/// <summary>
/// FFTW 3 in single precision (libfftw3f, GPL-2.0-or-later: benchmarks only, never shipped). Planning is not thread-safe and is serialised by the caller;
/// executing a plan on new arrays (<c>fftwf_execute_dft_r2c</c>) is, which is how every thread shares one plan.
/// </summary>
internal static unsafe partial class Fftw
{
    public const uint FFTW_MEASURE = 0;
    public const uint FFTW_ESTIMATE = 1U << 6;

    /// <summary>Debian's versioned name: this comparison runs where FFTW is installed (libfftw3-single3).</summary>
    private const string Library = "libfftw3f.so.3";

    /// <summary>FFTW's planner (creating and destroying plans) is not thread-safe: every call holds this.</summary>
    public static Lock PlannerLock { get; } = new();

    [LibraryImport(Library, EntryPoint = "fftwf_plan_dft_r2c_1d")]
    public static partial FftwPlanHandle PlanDftR2C1D(int n, float* input, float* output, uint flags);

    /// <summary>Executes a plan on other arrays of the same alignment: the thread-safe way to share one plan.</summary>
    [LibraryImport(Library, EntryPoint = "fftwf_execute_dft_r2c")]
    public static partial void ExecuteDftR2C(FftwPlanHandle plan, float* input, float* output);

    [LibraryImport(Library, EntryPoint = "fftwf_destroy_plan")]
    public static partial void DestroyPlan(IntPtr plan);

    [LibraryImport(Library, EntryPoint = "fftwf_malloc")]
    public static partial void* Malloc(nuint size);

    [LibraryImport(Library, EntryPoint = "fftwf_free")]
    public static partial void Free(void* pointer);
}
