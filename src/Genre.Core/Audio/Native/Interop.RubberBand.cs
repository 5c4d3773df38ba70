using System.Runtime.InteropServices;

namespace Genre.Audio.Native;

/// <summary>
/// Rubber Band Library's C API (rubberband-c.h, Debian 12's 3.1): time stretching that keeps the pitch, used only by
/// training's time-stretch augmentation.
/// </summary>
internal static unsafe partial class RubberBand
{
    /// <summary>RubberBandOptionProcessOffline (0): study the whole input, then process it.</summary>
    public const int OptionProcessOffline = 0;

    /// <summary>RubberBandOptionThreadingNever: one thread, so a run repeats exactly whatever the machine.</summary>
    public const int OptionThreadingNever = 0x00010000;

    /// <summary>RubberBandOptionEngineFiner: the R3 engine, whose output holds a sine's frequency closer than R2's.</summary>
    public const int OptionEngineFiner = 0x20000000;

    static RubberBand() => NativeLibraryNames.EnsureResolver();

    [LibraryImport(NativeLibraryNames.RubberBand, EntryPoint = "rubberband_new")]
    public static partial IntPtr New(uint sampleRate, uint channels, int options, double timeRatio, double pitchScale);

    [LibraryImport(NativeLibraryNames.RubberBand, EntryPoint = "rubberband_delete")]
    public static partial void Delete(IntPtr state);

    [LibraryImport(NativeLibraryNames.RubberBand, EntryPoint = "rubberband_set_expected_input_duration")]
    public static partial void SetExpectedInputDuration(RubberBandHandle state, uint samples);

    [LibraryImport(NativeLibraryNames.RubberBand, EntryPoint = "rubberband_set_max_process_size")]
    public static partial void SetMaxProcessSize(RubberBandHandle state, uint samples);

    [LibraryImport(NativeLibraryNames.RubberBand, EntryPoint = "rubberband_study")]
    public static partial void Study(RubberBandHandle state, float** input, uint samples, int final);

    [LibraryImport(NativeLibraryNames.RubberBand, EntryPoint = "rubberband_process")]
    public static partial void Process(RubberBandHandle state, float** input, uint samples, int final);

    [LibraryImport(NativeLibraryNames.RubberBand, EntryPoint = "rubberband_available")]
    public static partial int Available(RubberBandHandle state);

    [LibraryImport(NativeLibraryNames.RubberBand, EntryPoint = "rubberband_retrieve")]
    public static partial uint Retrieve(RubberBandHandle state, float** output, uint samples);
}

internal sealed class RubberBandHandle : SafeHandle
{
    public RubberBandHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public RubberBandHandle(IntPtr handle) : this() => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        RubberBand.Delete(handle);
        return true;
    }
}
