using Genre.Audio;
using Genre.Evaluation;
using Genre.Features;
using Genre.Model;

namespace Genre.Inference;

/// <summary>
/// The product's heart: load once, then ask what genre any song is — from a path, a stream, bytes or samples.
/// Thread-safe: the network (ONNX Runtime) and the MFCC extractor are shared, every call owns its buffers.
/// Probabilities are calibrated with the model's fitted temperature; a track's verdict is the mean of its
/// non-silent segments' probabilities.
/// </summary>
public sealed class GenreClassifier : IDisposable
{
    private readonly OnnxGenreNetwork _network;
    private readonly MfccExtractor _mfcc;
    private readonly AudioLoadOptions _fullLoad;
    private readonly AudioLoadOptions _first30Load;

    private GenreClassifier(OnnxGenreNetwork network, string directory)
    {
        _network = network;
        Directory = directory;
        var settings = network.Card.Features.ToSettings();
        _mfcc = settings == MfccExtractor.Shared.Settings ? MfccExtractor.Shared : new MfccExtractor(settings);
        _fullLoad = new AudioLoadOptions { SampleRate = settings.SampleRate };
        _first30Load = _fullLoad with { MaxSamples = settings.ClipSamples };
        Genres = [.. network.Card.Genres];
    }

    /// <summary>The folder of the shipped default model, next to the program.</summary>
    public static string DefaultModelDirectory => Path.Combine(AppContext.BaseDirectory, "models", "default");

    /// <summary>Genres in the model's order; every probability list follows it.</summary>
    public IReadOnlyList<string> Genres { get; }

    public ModelCard Card => _network.Card;

    public string Directory { get; }

    public MfccSettings FeatureSettings => _mfcc.Settings;

    /// <summary>Loads a model folder (model.json + weights.safetensors); <see cref="ModelFileException"/> when unusable.</summary>
    public static GenreClassifier Load(string? modelDirectory = null)
    {
        var directory = modelDirectory ?? DefaultModelDirectory;
        return new GenreClassifier(OnnxGenreNetwork.Load(directory), directory);
    }

    public GenrePrediction Predict(string path, PredictionOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= PredictionOptions.Default;
        return Predict(AudioLoader.Load(path, LoadOptions(options), cancellationToken), options, path);
    }

    /// <summary>Classifies uploaded bytes; <paramref name="name"/> only labels errors.</summary>
    public GenrePrediction Predict(ReadOnlyMemory<byte> bytes, string? name = null, PredictionOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= PredictionOptions.Default;
        return Predict(AudioLoader.Load(bytes, name, LoadOptions(options), cancellationToken), options, name);
    }

    public GenrePrediction Predict(Stream stream, string? name = null, PredictionOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= PredictionOptions.Default;
        return Predict(AudioLoader.Load(stream, name, LoadOptions(options), cancellationToken), options, name);
    }

    /// <summary>Classifies samples already decoded; they must be mono at the model's sample rate.</summary>
    public GenrePrediction Predict(AudioSignal signal, PredictionOptions? options = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        options ??= PredictionOptions.Default;
        var settings = _mfcc.Settings;
        if (signal.SampleRate != settings.SampleRate)
        {
            throw new ArgumentException($"The model needs {settings.SampleRate} Hz samples; these are {signal.SampleRate} Hz.", nameof(signal));
        }

        if (signal.Samples.Length == 0)
        {
            throw new AudioDecodeException(name, "the file contains no audio samples");
        }

        var count = SegmentPlan.Count(signal.Samples.Length, settings, options.Window);
        var size = settings.FramesPerSegment * settings.Coefficients;
        var features = new float[count * size];
        var silent = new bool[count];
        var padding = new float[settings.SegmentSamples];
        for (var s = 0; s < count; s++)
        {
            var segment = SegmentPlan.Segment(signal.Samples, s, settings, options.Window, padding);
            silent[s] = SegmentPlan.IsSilent(segment);
            _mfcc.Compute(segment, features.AsSpan(s * size, size));
        }

        var classes = Genres.Count;
        var probabilities = TemperatureScaling.Softmax(_network.Logits(features, count), classes, Card.Temperature);
        return Summarise(probabilities, count, silent, signal.Duration, options.Window);
    }

    private GenrePrediction Summarise(float[] probabilities, int count, bool[] silent, TimeSpan duration, PredictionWindow window)
    {
        var classes = Genres.Count;
        var segmentDuration = _mfcc.Settings.SegmentDuration;
        var segments = new SegmentPrediction[count];
        var mean = new double[classes];
        var voters = 0;
        for (var s = 0; s < count; s++)
        {
            var row = probabilities.AsSpan(s * classes, classes).ToArray();
            segments[s] = new SegmentPrediction(segmentDuration * s, segmentDuration, row, silent[s]);
            if (!silent[s])
            {
                voters++;
                for (var c = 0; c < classes; c++)
                {
                    mean[c] += row[c];
                }
            }
        }

        if (voters == 0)
        {
            return new GenrePrediction
            {
                Genre = null,
                Confidence = 0,
                Probabilities = [.. Genres.Select(g => new GenreProbability(g, 0f))],
                Segments = segments,
                Duration = duration,
                Window = window,
            };
        }

        var scores = mean.Select((sum, c) => new GenreProbability(Genres[c], (float)(sum / voters))).ToArray();
        var best = scores.MaxBy(p => p.Probability)!;
        return new GenrePrediction
        {
            Genre = best.Genre,
            Confidence = best.Probability,
            Probabilities = scores,
            Segments = segments,
            Duration = duration,
            Window = window,
        };
    }

    private AudioLoadOptions LoadOptions(PredictionOptions options) => options.Window == PredictionWindow.First30 ? _first30Load : _fullLoad;

    public void Dispose() => _network.Dispose();
}
