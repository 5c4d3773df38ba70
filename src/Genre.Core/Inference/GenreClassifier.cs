using System.Buffers;
using Genre.Audio;
using Genre.Evaluation;
using Genre.Kinds;
using Genre.Model;

namespace Genre.Inference;

/// <summary>
/// The product's heart: load once, then ask what genre any song is — from a path, a stream, bytes or samples — with
/// any kind of model (<see cref="ModelKinds"/>). The kind cuts the track into its windows and scores them; the rest is
/// the same for all: probabilities are calibrated with the card's temperature (and per-genre bias), a track's verdict
/// is the mean of its non-silent windows (the rule clip-level evaluation uses too), and a kind that knows what music is can
/// say the input is not. Thread-safe.
/// </summary>
public sealed class GenreClassifier : IDisposable
{
    private readonly IGenreModel _model;
    private int _disposed;

    private GenreClassifier(IGenreModel model, string directory)
    {
        _model = model;
        Directory = directory;
        Genres = [.. model.Card.Genres];
        DefaultWindow = PredictionWindows.TryParse(model.Card.DefaultWindow, out var window) ? window : PredictionWindow.First30;
    }

    /// <summary>The folder of the shipped default model, next to the program.</summary>
    public static string DefaultModelDirectory => Path.Combine(AppContext.BaseDirectory, "models", "default");

    /// <summary>Genres in the model's order; every probability list follows it.</summary>
    public IReadOnlyList<string> Genres { get; }

    /// <summary>The model's card: its genres, kind, calibration, how it was trained and how well it did.</summary>
    public ModelCard Card => _model.Card;

    /// <summary>The model's kind, one of <see cref="ModelKinds"/>.</summary>
    public string Kind => _model.Card.Kind;

    /// <summary>The model folder it was loaded from, as given.</summary>
    public string Directory { get; }

    /// <summary>The model folder's own name (<c>default</c>, <c>gtzan-cnn</c>): what to show without telling the server's layout.</summary>
    public string Name => Path.GetFileName(Path.TrimEndingDirectorySeparator(Directory));

    /// <summary>The rate <see cref="Predict(AudioSignal, PredictionOptions?, string?, CancellationToken)"/> needs its samples at.</summary>
    public int SampleRate => _model.SampleRate;

    /// <summary>Where the model listens when the caller does not say (its card's choice).</summary>
    public PredictionWindow DefaultWindow { get; }

    /// <summary>Loads a model folder (model.json + weights.safetensors) of any kind; <see cref="ModelFileException"/> when unusable.</summary>
    /// <param name="modelDirectory">The model folder; null for <see cref="DefaultModelDirectory"/>.</param>
    /// <exception cref="ModelFileException">The folder, its card or its weights are missing, malformed, of an unknown kind, or do not match.</exception>
    public static GenreClassifier Load(string? modelDirectory = null)
    {
        var directory = modelDirectory ?? DefaultModelDirectory;
        var (card, tensors) = ModelFolder.Read(directory);
        IGenreModel model;
        try
        {
            model = ModelKinds.Find(card.Kind).Load(card, tensors, directory);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFileException(directory, e.Message, e);
        }

        return new GenreClassifier(model, directory);
    }

    /// <summary>Decodes the file at <paramref name="path"/> and classifies it.</summary>
    /// <param name="path">An audio file (wav, flac, ogg, mp3, m4a, ...).</param>
    /// <param name="options">Where to listen and how many tags to report; null for the model's defaults.</param>
    /// <param name="cancellationToken">Stops decoding and scoring.</param>
    /// <exception cref="AudioDecodeException">The file is missing, empty, or cannot be decoded.</exception>
    /// <exception cref="UnsupportedAudioException">The file is not audio in a supported format.</exception>
    /// <exception cref="ObjectDisposedException">The classifier was disposed.</exception>
    public GenrePrediction Predict(string path, PredictionOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= PredictionOptions.Default;
        return Predict(AudioLoader.Load(path, LoadOptions(options), cancellationToken), options, path, cancellationToken);
    }

    /// <summary>Classifies uploaded bytes; <paramref name="name"/> only labels errors.</summary>
    /// <param name="bytes">A whole audio file in memory; its content decides the format.</param>
    /// <param name="name">The upload's name, used in error messages only (never as a path).</param>
    /// <param name="options">Where to listen and how many tags to report; null for the model's defaults.</param>
    /// <param name="cancellationToken">Stops decoding and scoring.</param>
    public GenrePrediction Predict(ReadOnlyMemory<byte> bytes, string? name = null, PredictionOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= PredictionOptions.Default;
        return Predict(AudioLoader.Load(bytes, name, LoadOptions(options), cancellationToken), options, name, cancellationToken);
    }

    /// <summary>Reads <paramref name="stream"/> to its end (without disposing it) and classifies what it holds.</summary>
    /// <param name="stream">A whole audio file; its content decides the format.</param>
    /// <param name="name">A name for the stream, used in error messages only.</param>
    /// <param name="options">Where to listen and how many tags to report; null for the model's defaults.</param>
    /// <param name="cancellationToken">Stops decoding and scoring.</param>
    public GenrePrediction Predict(Stream stream, string? name = null, PredictionOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= PredictionOptions.Default;
        return Predict(AudioLoader.Load(stream, name, LoadOptions(options), cancellationToken), options, name, cancellationToken);
    }

    /// <summary>Classifies samples already decoded; they must be mono at <see cref="SampleRate"/>.</summary>
    /// <param name="signal">The samples, at <see cref="SampleRate"/>.</param>
    /// <param name="options">Where to listen and how many tags to report; null for the model's defaults.</param>
    /// <param name="name">A name for the samples, used in error messages only.</param>
    /// <param name="cancellationToken">Stops scoring.</param>
    /// <exception cref="ArgumentException"><paramref name="signal"/> is at another sample rate.</exception>
    public GenrePrediction Predict(AudioSignal signal, PredictionOptions? options = null, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        options ??= PredictionOptions.Default;
        if (signal.SampleRate != _model.SampleRate)
        {
            throw new ArgumentException($"The model needs {_model.SampleRate} Hz samples; these are {signal.SampleRate} Hz.", nameof(signal));
        }

        var (window, windows, outputs) = Score(signal, name, options, cancellationToken);
        return Summarise(windows, outputs, signal.Duration, window);
    }

    /// <summary>
    /// The batch pipeline's first half for one file: decoded, cut into the windows <paramref name="options"/> choose,
    /// and featurised, ready to share a network call with other files' windows. The decoded samples live in an array of
    /// <paramref name="decodePool"/>, returned here; the inputs come from <paramref name="inputPool"/>, for the caller to return.
    /// </summary>
    internal PreparedTrack Prepare(string path, PredictionOptions options, ArrayPool<float> decodePool, ArrayPool<float> inputPool, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var decoded = AudioLoader.LoadPooled(path, LoadOptions(options), decodePool, cancellationToken);
        try
        {
            var (window, windows) = Windows(decoded.Length, path, options);
            return new PreparedTrack(window, windows, _model.Featurise(decoded.Samples, windows, inputPool, cancellationToken), decoded.Duration);
        }
        finally
        {
            decodePool.Return(decoded.Buffer);
        }
    }

    /// <summary>Network outputs of windows from any number of prepared tracks, concatenated in one call.</summary>
    internal float[] RunNetwork(ReadOnlySpan<float> inputs, int count) => _model.RunNetwork(inputs, count);

    internal int NetworkInputSize => _model.InputSize;

    internal int NetworkOutputSize => _model.OutputSize;

    /// <summary>The windows the model's network takes in one call (64 of the CNN's small inputs, 8 of the AudioSet network's large ones).</summary>
    internal int NetworkWindowsPerCall => _model.WindowsPerCall;

    /// <summary>The batch pipeline's second half: a prepared track's verdict from its rows of network outputs, exactly as <see cref="Predict(AudioSignal, PredictionOptions?, string?, CancellationToken)"/> gives it.</summary>
    internal GenrePrediction Conclude(PreparedTrack track, float[] rows, int tags) =>
        Summarise(track.Windows, _model.Outputs(rows, track.Inputs.Silent, Math.Max(0, tags)), track.Duration, track.Window);

    /// <summary>The raw (uncalibrated) window outputs of a file, for evaluation and calibration fitting.</summary>
    internal (PredictionWindow Window, int[] Windows, WindowOutputs Outputs) Score(string path, PredictionOptions options, CancellationToken cancellationToken) =>
        Score(AudioLoader.Load(path, LoadOptions(options), cancellationToken), path, options, cancellationToken);

    private (PredictionWindow Window, int[] Windows, WindowOutputs Outputs) Score(AudioSignal signal, string? name, PredictionOptions options, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var (window, windows) = Windows(signal.Samples.Length, name, options);
        return (window, windows, _model.Run(signal.Samples, windows, Math.Max(0, options.Tags), cancellationToken));
    }

    private (PredictionWindow Window, int[] Windows) Windows(int samples, string? name, PredictionOptions options)
    {
        if (samples == 0)
        {
            throw new AudioDecodeException(name, "the file contains no audio samples");
        }

        var window = options.Window ?? DefaultWindow;
        return (window, SignalWindows.Select(_model.WindowCount(samples), _model.WindowsPerClip, window));
    }

    /// <summary>Calibration and the track's verdict: the one place both single predictions and the batch pipeline conclude.</summary>
    private GenrePrediction Summarise(int[] windows, WindowOutputs outputs, TimeSpan duration, PredictionWindow window)
    {
        var classes = Genres.Count;
        var probabilities = GenreCalibration.Probabilities(outputs.GenreLogits, classes, Card.Temperature, Card.GenreBias);
        var length = TimeSpan.FromSeconds((double)_model.WindowSamples / _model.SampleRate);
        var segments = new SegmentPrediction[windows.Length];
        for (var w = 0; w < windows.Length; w++)
        {
            segments[w] = new SegmentPrediction(length * windows[w], length, probabilities.AsSpan(w * classes, classes).ToArray(), outputs.Silent[w]);
        }

        var mean = TrackProbabilities.Mean(probabilities, outputs.Silent, classes);
        var scores = Genres.Select((g, c) => new GenreProbability(g, mean?[c] ?? 0f)).ToArray();
        var best = scores.MaxBy(p => p.Probability)!;
        var heard = mean is not null && MusicDetection.IsMusic(outputs.MusicProbability, outputs.OtherSound?.Probability) != false;
        return new GenrePrediction
        {
            Genre = heard ? best.Genre : null,
            Confidence = heard ? best.Probability : 0f,
            Probabilities = scores,
            Segments = segments,
            Duration = duration,
            Window = window,
            IsSilent = mean is null,
            MusicProbability = outputs.MusicProbability,
            OtherSound = outputs.OtherSound,
            Tags = outputs.Tags,
        };
    }

    private AudioLoadOptions LoadOptions(PredictionOptions options) => new()
    {
        SampleRate = _model.SampleRate,
        // First 30 s: decoding stops there, so a 30 s prefix of an hour costs 30 s of decoding.
        MaxSamples = (options.Window ?? DefaultWindow) == PredictionWindow.First30 ? _model.WindowSamples * _model.WindowsPerClip : null,
    };

    /// <summary>Frees the network; a second call does nothing, a prediction after it is an <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _model.Dispose();
        }
    }
}
