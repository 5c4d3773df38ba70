using System.Text.Json.Serialization;
using Genre.Features;

namespace Genre.Model;

/// <summary>The feature settings a model was trained on, as the model card stores them (librosa's parameter names).</summary>
public sealed record FeatureParameters
{
    /// <summary>The rate audio is decoded at before the MFCC, in Hz.</summary>
    public required int SampleRate { get; init; }

    /// <summary>The FFT window length in samples (librosa's <c>n_fft</c>).</summary>
    [JsonPropertyName("n_fft")]
    public required int FftSize { get; init; }

    /// <summary>Samples between successive frames.</summary>
    public required int HopLength { get; init; }

    /// <summary>Mel bands (librosa's <c>n_mels</c>).</summary>
    [JsonPropertyName("n_mels")]
    public required int MelBands { get; init; }

    /// <summary>MFCC coefficients per frame (librosa's <c>n_mfcc</c>).</summary>
    [JsonPropertyName("n_mfcc")]
    public required int Coefficients { get; init; }

    /// <summary>The dynamic range the mel power is clipped to below its peak, in dB (librosa's <c>top_db</c>).</summary>
    public required float TopDb { get; init; }

    /// <summary>Samples per segment: one model input (3 s at 22,050 Hz).</summary>
    public required int SegmentSamples { get; init; }

    /// <summary>Segments cut from the start of a clip (10 x 3 s: its first 30 s, at the GTZAN settings).</summary>
    public required int SegmentsPerClip { get; init; }

    /// <summary>MFCC frames per segment: the model's input height.</summary>
    public required int Frames { get; init; }

    /// <summary>The card's record of <paramref name="settings"/>.</summary>
    public static FeatureParameters From(MfccSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new()
        {
            SampleRate = settings.SampleRate,
            FftSize = settings.FftSize,
            HopLength = settings.HopLength,
            MelBands = settings.MelBands,
            Coefficients = settings.Coefficients,
            TopDb = settings.TopDb,
            SegmentSamples = settings.SegmentSamples,
            SegmentsPerClip = settings.SegmentsPerClip,
            Frames = settings.FramesPerSegment,
        };
    }

    /// <summary>The extractor settings these parameters describe: what a model's inputs must be made with.</summary>
    public MfccSettings ToSettings() => new()
    {
        SampleRate = SampleRate,
        FftSize = FftSize,
        HopLength = HopLength,
        MelBands = MelBands,
        Coefficients = Coefficients,
        TopDb = TopDb,
        SegmentSamples = SegmentSamples,
        SegmentsPerClip = SegmentsPerClip,
    };

    /// <summary>Each setting that differs, as "name: ours vs theirs", for error messages.</summary>
    public IReadOnlyList<string> Differences(FeatureParameters other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = new List<string>();
        void Compare<T>(string name, T mine, T theirs)
        {
            if (!EqualityComparer<T>.Default.Equals(mine, theirs))
            {
                result.Add($"{name} {mine} (model) vs {theirs}");
            }
        }

        Compare("sample_rate", SampleRate, other.SampleRate);
        Compare("n_fft", FftSize, other.FftSize);
        Compare("hop_length", HopLength, other.HopLength);
        Compare("n_mels", MelBands, other.MelBands);
        Compare("n_mfcc", Coefficients, other.Coefficients);
        Compare("top_db", TopDb, other.TopDb);
        Compare("segment_samples", SegmentSamples, other.SegmentSamples);
        Compare("segments_per_clip", SegmentsPerClip, other.SegmentsPerClip);
        Compare("frames", Frames, other.Frames);
        return result;
    }
}
