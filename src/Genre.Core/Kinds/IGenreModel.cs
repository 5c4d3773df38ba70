using Genre.Model;

namespace Genre.Kinds;

/// <summary>
/// A loaded model of some kind, as <see cref="Inference.GenreClassifier"/> drives it: a signal at
/// <see cref="SampleRate"/> is cut into windows of <see cref="WindowSamples"/> (window i starts at
/// i x <see cref="WindowSamples"/>), and the network turns each chosen window into one logit per genre.
/// Calibration and the track's verdict are the classifier's, the same for every kind. Implementations are thread-safe.
/// </summary>
internal interface IGenreModel : IDisposable
{
    ModelCard Card { get; }

    int SampleRate { get; }

    int WindowSamples { get; }

    /// <summary>How many windows make the 30 s a model listens to by default (10 of 3 s, 3 of 10 s).</summary>
    int WindowsPerClip { get; }

    /// <summary>Windows of a signal of <paramref name="samples"/> samples under the kind's padding rule; at least 1 for a non-empty signal.</summary>
    int WindowCount(int samples);

    /// <summary>The genre logits (windows x genres) of the given windows, and what else the kind can tell.</summary>
    WindowOutputs Run(ReadOnlySpan<float> samples, IReadOnlyList<int> windows, int tags, CancellationToken cancellationToken);
}
