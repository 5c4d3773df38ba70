using Genre.Audio;
using Genre.Data;
using Genre.Features;

namespace Genre.Training;

/// <summary>
/// Clips decoded once into memory at the features' sample rate (mono, at most one clip's length), by track name, for
/// waveform augmentation: each epoch featurises fresh augmented copies instead of reading a bigger feature file.
/// </summary>
internal sealed class TrainingAudio
{
    private TrainingAudio(string source, int sampleRate, Dictionary<string, float[]> clips)
    {
        Source = source;
        SampleRate = sampleRate;
        Clips = clips;
    }

    /// <summary>The folder the clips came from.</summary>
    public string Source { get; }

    public int SampleRate { get; }

    public IReadOnlyDictionary<string, float[]> Clips { get; }

    /// <summary>
    /// Decodes the clips of dataset folder <paramref name="directory"/> (GTZAN's layout) named in
    /// <paramref name="tracks"/>, in parallel; the others are not read.
    /// </summary>
    public static TrainingAudio Load(string directory, IReadOnlyCollection<string> tracks, MfccSettings settings, int threads,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(settings);
        var wanted = new HashSet<string>(tracks, StringComparer.Ordinal);
        var clips = GtzanDataset.Open(directory).Clips.Where(c => wanted.Contains(c.Track)).ToArray();
        var samples = new float[clips.Length][];
        var options = new AudioLoadOptions { SampleRate = settings.SampleRate, MaxSamples = settings.ClipSamples };
        Parallel.For(0, clips.Length, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
            i => samples[i] = AudioLoader.Load(clips[i].Path, options, cancellationToken).Samples);
        return new TrainingAudio(directory, settings.SampleRate,
            clips.Select((c, i) => (c.Track, samples[i])).ToDictionary(p => p.Track, p => p.Item2, StringComparer.Ordinal));
    }
}
