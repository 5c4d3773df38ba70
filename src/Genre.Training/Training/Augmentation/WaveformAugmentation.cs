using Genre.Data;
using Genre.Features;
using Genre.Model;

namespace Genre.Training.Augmentation;

/// <summary>
/// Waveform augmentation in training: each epoch, every training clip is augmented with its own seeded generator
/// (training seed, epoch, clip) and its segments are featurised again with the project's MFCC extractor, in the
/// order of the split's training rows. Only training clips are touched, so validation and test stay the feature
/// file's segments and no clip's segments cross the split.
/// </summary>
internal sealed class WaveformAugmentation
{
    private readonly AugmentationSettings _settings;
    private readonly FeatureSet _features;
    private readonly int[] _rows;
    private readonly (int Clip, string Track, int[] Rows)[] _clips;
    private readonly TrainingAudio _audio;
    private readonly int _threads;

    private WaveformAugmentation(AugmentationSettings settings, FeatureSet features, int[] rows, TrainingAudio audio, int threads)
    {
        _settings = settings;
        _features = features;
        _rows = rows;
        _audio = audio;
        _threads = threads;
        var clips = ClipIndex.Of(features);
        // Positions in the training tensor of each clip's segments, and the clip's index in the feature file (its seed).
        _clips = [.. rows.Select((row, position) => (row, position))
            .GroupBy(p => features.Tracks[p.row], StringComparer.Ordinal)
            .Select(g => (clips.Find(g.Key)!.Value, g.Key, g.Select(p => p.position).ToArray()))];
        var missing = _clips.Where(c => !audio.Clips.ContainsKey(c.Track)).Select(c => c.Track).ToList();
        if (missing.Count > 0)
        {
            throw new TrainingException($"waveform augmentation: {missing.Count} training clip(s) are not in {audio.Source}, e.g. {string.Join(", ", missing.Take(3))}");
        }
    }

    /// <summary>Null when no waveform transform is on.</summary>
    public static WaveformAugmentation? For(AugmentationSettings? settings, FeatureSet features, DataSplit split, TrainingAudio? audio, int threads)
    {
        if (settings is null || !settings.HasWaveform)
        {
            return null;
        }

        if (audio is null)
        {
            throw new TrainingException($"--augment {string.Join(",", settings.Transforms.Where(AugmentationSettings.WaveformTransforms.Contains))} needs the audio: add --data DIR");
        }

        return new WaveformAugmentation(settings, features, split.Train, audio, threads);
    }

    /// <summary>This epoch's training inputs: rows x frames x coefficients, in the split's training order.</summary>
    public float[] Features(int epoch, CancellationToken cancellationToken)
    {
        var size = _features.SegmentSize;
        var result = new float[_rows.Length * size];
        var extractor = MfccExtractor.Shared;
        var segmentSamples = extractor.Settings.SegmentSamples;
        Parallel.ForEach(_clips, new ParallelOptions { MaxDegreeOfParallelism = _threads, CancellationToken = cancellationToken }, clip =>
        {
            var random = AugmentationSeed.Random(_settings.Seed, AugmentationSeed.WaveformStream, epoch, clip.Clip);
            var signal = WaveformAugmenter.Apply(_audio.Clips[clip.Track], _audio.SampleRate, _settings, random);
            foreach (var position in clip.Rows)
            {
                var start = (int)_features.Segments[_rows[position]] * segmentSamples;
                extractor.Compute(signal.AsSpan(start, Math.Min(segmentSamples, signal.Length - start)), result.AsSpan(position * size, size));
            }
        });
        return result;
    }
}
