using Genre.Audio;
using Genre.Features;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Core.Tests.Features;

/// <summary>Parity with librosa 0.10.2, stage by stage and on every sample clip.</summary>
public class MfccParityTests
{
    private static readonly MfccExtractor s_mfcc = MfccExtractor.Shared;

    public static TheoryData<string> SampleTracks()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Segments, "*.npy").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Fact]
    public void All_103_sample_clips_have_golden_segments() => SampleTracks().Count.ShouldBe(103);

    [Theory]
    [MemberData(nameof(SampleTracks))]
    public void Segments_of_every_sample_clip_match_librosa(string track)
    {
        var expected = Golden.Load(Path.Combine(TestPaths.Segments, track + ".npy"));
        var signal = AudioLoader.Load(TestPaths.SampleClip(track));

        var segments = s_mfcc.ComputeSegments(signal.Samples);

        segments.Count.ShouldBe(expected.Shape[0], $"{track}: segments kept");
        Golden.AssertMfcc(segments.Data, expected.ToFloat32(), track);
    }

    [Fact]
    public void Stage_by_stage_blues_00000_segment_0_matches_librosa()
    {
        var signal = Golden.Load(Path.Combine(TestPaths.Librosa, "blues.00000.seg0.signal.npy")).ToFloat32();
        var power = Golden.Load(Path.Combine(TestPaths.Librosa, "blues.00000.seg0.power.npy"));
        var melDb = Golden.Load(Path.Combine(TestPaths.Librosa, "blues.00000.seg0.mel_db.npy"));
        power.Shape.ShouldBe([1025, 130]);
        melDb.Shape.ShouldBe([128, 130]);

        var loaded = AudioLoader.Load(TestPaths.SampleClip("blues.00000")).Samples.AsSpan(0, 66150);
        Golden.AssertClose(loaded, signal, Golden.LoadTolerance, "decoded signal");

        var ourPower = new float[130 * 1025];
        var ourMelDb = new float[130 * 128];
        s_mfcc.MelDecibels(signal, ourMelDb, ourPower);

        // Power spans 15 orders of magnitude: compare relative to each frame's peak, where float32 FFTs differ.
        var refPower = Transpose(power.ToFloat32(), 1025, 130);
        for (var t = 0; t < 130; t++)
        {
            var frame = refPower.AsSpan(t * 1025, 1025);
            var peak = System.Numerics.Tensors.TensorPrimitives.Max(frame);
            var (max, _) = Golden.MaxAbsDiff(ourPower.AsSpan(t * 1025, 1025), frame);
            (max / peak).ShouldBeLessThan(1e-5f, $"power frame {t}");
        }

        Golden.AssertClose(ourMelDb, Transpose(melDb.ToFloat32(), 128, 130), 2e-3f, "mel dB");
    }

    [Fact]
    public void Whole_signal_mfcc_is_one_call_with_frames_from_the_length()
    {
        var signal = new float[10_000];
        new Random(1).NextSingle();
        for (var i = 0; i < signal.Length; i++)
        {
            signal[i] = MathF.Sin(i * 0.05f);
        }

        var mfcc = s_mfcc.Compute(signal);

        mfcc.Length.ShouldBe((1 + (10_000 / 512)) * 13);
        mfcc.ShouldAllBe(v => float.IsFinite(v));
    }

    private static float[] Transpose(float[] rowsByColumns, int rows, int columns)
    {
        var result = new float[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                result[(c * rows) + r] = rowsByColumns[(r * columns) + c];
            }
        }

        return result;
    }
}
