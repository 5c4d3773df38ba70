using System.Runtime.InteropServices;

namespace Genre.Audio.Native;

/// <summary>libsoxr 0.1.x: the resampler behind librosa's default <c>res_type='soxr_hq'</c>.</summary>
internal static unsafe partial class Soxr
{
    /// <summary>SOXR_HQ (= SOXR_20_BITQ), the recipe python-soxr uses for quality 'HQ'.</summary>
    public const nuint SOXR_HQ = 4;

    static Soxr() => NativeLibraryNames.EnsureResolver();

    [StructLayout(LayoutKind.Sequential)]
    public struct QualitySpec
    {
        public double Precision;
        public double PhaseResponse;
        public double PassbandEnd;
        public double StopbandBegin;
        public IntPtr E;
        public nuint Flags;
    }

    [LibraryImport(NativeLibraryNames.Soxr, EntryPoint = "soxr_quality_spec")]
    public static partial QualitySpec QualitySpecFor(nuint recipe, nuint flags);

    /// <summary>io_spec and runtime_spec NULL: float32 interleaved in and out, library defaults.</summary>
    [LibraryImport(NativeLibraryNames.Soxr, EntryPoint = "soxr_create")]
    public static partial IntPtr Create(double inputRate, double outputRate, uint channels, out IntPtr error,
        IntPtr ioSpec, QualitySpec* qualitySpec, IntPtr runtimeSpec);

    [LibraryImport(NativeLibraryNames.Soxr, EntryPoint = "soxr_process")]
    public static partial IntPtr Process(SoxrHandle resampler, float* input, nuint inputLength, out nuint inputDone,
        float* output, nuint outputLength, out nuint outputDone);

    [LibraryImport(NativeLibraryNames.Soxr, EntryPoint = "soxr_delete")]
    public static partial void Delete(IntPtr resampler);

    public static string? ErrorText(IntPtr error) => error == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(error);
}

internal sealed class SoxrHandle : SafeHandle
{
    public SoxrHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public SoxrHandle(IntPtr handle) : this() => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        Soxr.Delete(handle);
        return true;
    }
}
