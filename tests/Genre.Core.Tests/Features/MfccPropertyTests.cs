using CsCheck;
using Genre.Audio;
using Genre.Core.Tests.TestSupport;
using Genre.Features;
using Shouldly;

namespace Genre.Core.Tests.Features;

/// <summary>Invariants over arbitrary audio, checked with CsCheck (shrinks to the smallest failing input).</summary>
public sealed class MfccPropertyTests : IDisposable
{
    private static readonly int[] s_rates = [8000, 11025, 16000, 22050, 32000, 44100, 48000, 96000];
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Arbitrary_pcm_of_any_length_rate_and_channel_count_gives_finite_features_of_the_right_shape()
    {
        var gen = Gen.Select(Gen.Int[1, 6], Gen.OneOf(Gen.Int[0, s_rates.Length - 1].Select(i => s_rates[i]), Gen.Int[4000, 192000]), Gen.Int[1, 40_000])
            .SelectMany((channels, rate, frames) => Gen.Short.Array[frames * channels].Select(pcm => (channels, rate, pcm)));

        gen.Sample(input =>
        {
            var (channels, rate, pcm) = input;
            var path = _dir.File($"p-{Guid.NewGuid():N}.wav");
            AudioFileWriter.Write(path, pcm, rate, channels, AudioFileFormat.WavPcm16);

            var signal = AudioLoader.Load(path);
            var mfcc = MfccExtractor.Shared.Compute(signal.Samples);
            var segments = MfccExtractor.Shared.ComputeSegments(signal.Samples);
            File.Delete(path);

            var frames = pcm.Length / channels;
            var expectedLength = rate == 22050 ? frames : (int)Math.Ceiling(frames * 22050.0 / rate);
            signal.Samples.Length.ShouldBe(expectedLength);
            mfcc.Length.ShouldBe((1 + (expectedLength / 512)) * 13);
            mfcc.ShouldAllBe(v => float.IsFinite(v));
            segments.Count.ShouldBe(OriginalSegmentCount(expectedLength));
        }, iter: 40, threads: 1);
    }

    [Fact]
    public void Mfcc_is_the_same_from_every_lossless_container_the_signal_was_written_to()
    {
        AudioFileFormat[] lossless = [AudioFileFormat.WavPcm16, AudioFileFormat.WavPcm24, AudioFileFormat.WavFloat, AudioFileFormat.FlacPcm16, AudioFileFormat.AiffPcm16, AudioFileFormat.AuPcm16];
        string[] extensions = [".wav", ".wav", ".wav", ".flac", ".aiff", ".au"];

        Gen.Short.Array[2_000, 70_000].Sample(pcm =>
        {
            var scaled = Array.ConvertAll(pcm, s => s / 32768f);
            var reference = MfccExtractor.Shared.Compute(scaled);
            for (var f = 0; f < lossless.Length; f++)
            {
                var path = _dir.File($"l-{Guid.NewGuid():N}{extensions[f]}");
                if (lossless[f] == AudioFileFormat.WavFloat)
                {
                    AudioFileWriter.Write(path, scaled, 22050, 1, lossless[f]); // s / 32768 is exact in float32
                }
                else
                {
                    AudioFileWriter.Write(path, pcm, 22050, 1, lossless[f]);
                }

                var decoded = AudioLoader.Load(path).Samples;
                File.Delete(path);
                MfccExtractor.Shared.Compute(decoded).ShouldBe(reference, $"{lossless[f]}");
            }
        }, iter: 12, threads: 1);
    }

    [Fact]
    public void Loading_arbitrary_bytes_either_decodes_or_raises_a_GenreException()
    {
        Gen.Byte.Array[0, 4096].Sample(bytes =>
        {
            try
            {
                var signal = AudioLoader.Load(bytes, "fuzz.bin");
                signal.Samples.ShouldAllBe(v => float.IsFinite(v));
            }
            catch (GenreException e)
            {
                e.Message.ShouldStartWith("fuzz.bin: ");
            }
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Sniffing_arbitrary_bytes_never_throws() =>
        Gen.Byte.Array[0, 64].Sample(bytes => Enum.IsDefined(AudioFormatSniffer.Detect(bytes)).ShouldBeTrue(), iter: 2000);

    [Theory]
    [InlineData(66_047, 0)] // 129 frames
    [InlineData(66_048, 1)] // 130 frames: kept, although shorter than a segment
    [InlineData(66_149, 1)]
    [InlineData(66_150, 1)]
    [InlineData((66_150 * 2) + 66_047, 2)]
    [InlineData(66_150 * 12, 10)]
    public void Segment_counts_at_the_boundaries_follow_the_original_loop(int samples, int expected)
    {
        OriginalSegmentCount(samples).ShouldBe(expected);
        MfccExtractor.Shared.ComputeSegments(new float[samples]).Count.ShouldBe(expected);
    }

    /// <summary>
    /// The oracle: the original extractor's loop in Python terms, independent of the library's code. For d in
    /// range(10) it takes signal[66150 d : 66150 (d + 1)] (shorter, or empty, at the end) and keeps the segment when
    /// librosa gives exactly 130 frames, 1 + len // 512.
    /// </summary>
    private static int OriginalSegmentCount(int samples) =>
        Enumerable.Range(0, 10).Count(d => 1 + (Math.Clamp(samples - (66_150L * d), 0, 66_150) / 512) == 130);
}
