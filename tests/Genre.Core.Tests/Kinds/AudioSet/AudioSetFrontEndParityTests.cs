using Genre.Audio;
using Genre.Core.Tests.TestSupport;
using Genre.Kinds.AudioSet;
using Shouldly;

namespace Genre.Core.Tests.Kinds.AudioSet;

/// <summary>Parity with the original AugmentMelSTFT (PyTorch 1.13.1, eval mode) on blues.00000, stage by stage.</summary>
public class AudioSetFrontEndParityTests(ITestOutputHelper output)
{
    private static readonly AudioLoadOptions s_load32k = new() { SampleRate = AudioSetFrontEnd.SampleRate };

    private static float[] GoldenSignal() =>
        Golden.LoadFloat32(Path.Combine(TestPaths.EfficientAt, "blues.00000.signal32k.npy"), 960_427);

    private static float[] GoldenWindow0Mel() =>
        Golden.LoadFloat32(Path.Combine(TestPaths.EfficientAt, "blues.00000.window0.mel.npy"), AudioSetFrontEnd.MelBands, AudioSetFrontEnd.Frames);

    [Fact]
    public void Window_0_of_the_golden_32k_signal_gives_the_golden_network_input()
    {
        var signal = GoldenSignal();

        var mel = AudioSetFrontEnd.Shared.Compute(signal.AsSpan(0, AudioSetFrontEnd.WindowSamples));

        var (max, nearFloor) = Golden.AssertAudioSetMel(mel, GoldenWindow0Mel(), AudioSetFrontEnd.Frames, "window 0 mel");
        output.WriteLine($"golden signal -> mel: max |diff| {max:g3}, near the floor {nearFloor:g3}");
    }

    [Fact]
    public void Decoding_blues_00000_at_32_kHz_gives_the_golden_signal()
    {
        var loaded = AudioLoader.Load(TestPaths.SampleClip("blues.00000"), s_load32k).Samples;
        var expected = GoldenSignal();

        var (max, at) = Golden.MaxAbsDiff(loaded, expected);
        output.WriteLine($"decode + soxr 22,050 -> 32,000 Hz: max |diff| {max:g3} at sample {at}");
        Golden.AssertClose(loaded, expected, Golden.LoadTolerance, "decoded 32 kHz signal");
    }

    [Fact]
    public void Blues_00000_decoded_at_32_kHz_has_three_windows_and_window_0_gives_the_golden_network_input()
    {
        var loaded = AudioLoader.Load(TestPaths.SampleClip("blues.00000"), s_load32k).Samples;
        AudioSetWindows.Count(loaded.Length).ShouldBe(3);
        var padding = new float[AudioSetWindows.WindowSamples];

        var mel = AudioSetFrontEnd.Shared.Compute(AudioSetWindows.Window(loaded, 0, padding));

        var (max, nearFloor) = Golden.AssertAudioSetMel(mel, GoldenWindow0Mel(), AudioSetFrontEnd.Frames, "end-to-end window 0 mel");
        output.WriteLine($"wav -> mel: max |diff| {max:g3}, near the floor {nearFloor:g3}");
    }
}
