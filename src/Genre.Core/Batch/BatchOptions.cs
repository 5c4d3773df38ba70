using Genre.Inference;

namespace Genre.Batch;

/// <summary>How <see cref="BatchPredictor"/> runs: its workers, its memory bound, its network batches.</summary>
public sealed record BatchOptions
{
    /// <summary>No song needs more: a file still decoding after this is stuck (a decoder waiting on a stalled input).</summary>
    public static readonly TimeSpan DefaultPerFileLimit = TimeSpan.FromMinutes(5);

    /// <summary>Threads that decode and featurise files (and as many that run the network): one per core by default.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Files in flight at most: read from the input sequence but not yet handed to the caller, in every channel, every
    /// worker and the reorder buffer together. Memory is this many files' inputs, whatever the number of files.
    /// </summary>
    public int Capacity { get; init; } = 32;

    /// <summary>
    /// Windows gathered from several files into one network call, at most (a call takes whatever is ready, and never more
    /// than the model's network takes at once: 64 for the GTZAN CNN, 8 for the AudioSet network).
    /// </summary>
    public int BatchWindows { get; init; } = 64;

    /// <summary>Where each file is listened to and how many tags to report, as for <see cref="GenreClassifier.Predict(string, PredictionOptions?, CancellationToken)"/>.</summary>
    public PredictionOptions Prediction { get; init; } = PredictionOptions.Default;

    /// <summary>Time one file may take to decode and featurise before it becomes an error row.</summary>
    public TimeSpan PerFileLimit { get; init; } = DefaultPerFileLimit;
}
