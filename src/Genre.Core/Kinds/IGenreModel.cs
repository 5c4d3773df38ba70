using System.Buffers;
using Genre.Model;

namespace Genre.Kinds;

/// <summary>
/// A loaded model of some kind, as <see cref="Inference.GenreClassifier"/> drives it: a signal at
/// <see cref="SampleRate"/> is cut into windows of <see cref="WindowSamples"/> (window i starts at
/// i x <see cref="WindowSamples"/>), and the network turns each chosen window into one logit per genre.
/// Calibration and the track's verdict are the classifier's, the same for every kind. The three steps (features,
/// network, outputs) are separate so the batch pipeline can put the windows of several files into one network call;
/// <see cref="Run"/> chains them for one track. Implementations are thread-safe.
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

    /// <summary>Floats of network input per window.</summary>
    int InputSize { get; }

    /// <summary>Network outputs per window (the genres, or all 527 AudioSet classes).</summary>
    int OutputSize { get; }

    /// <summary>Windows featurised and run at once by <see cref="Run"/>: bounds the inputs held for a long full timeline.</summary>
    int WindowsPerCall { get; }

    /// <summary>
    /// The network inputs of the given windows, and which of them are silence; the inputs array is rented from
    /// <paramref name="pool"/> when one is given (the batch pipeline returns it after the network call), new otherwise.
    /// </summary>
    WindowInputs Featurise(ReadOnlySpan<float> samples, IReadOnlyList<int> windows, ArrayPool<float>? pool, CancellationToken cancellationToken);

    /// <summary>The network's outputs (count x <see cref="OutputSize"/>) for count windows' inputs, of one track or several.</summary>
    float[] RunNetwork(ReadOnlySpan<float> inputs, int count);

    /// <summary>One track's genre logits and what else the kind can tell, from its rows of network outputs.</summary>
    WindowOutputs Outputs(float[] rows, bool[] silent, int tags);

    /// <summary>The genre logits (windows x genres) of the given windows, and what else the kind can tell.</summary>
    WindowOutputs Run(ReadOnlySpan<float> samples, IReadOnlyList<int> windows, int tags, CancellationToken cancellationToken)
    {
        var rows = new float[windows.Count * OutputSize];
        var silent = new bool[windows.Count];
        for (var start = 0; start < windows.Count; start += WindowsPerCall)
        {
            var count = Math.Min(WindowsPerCall, windows.Count - start);
            var chunk = Featurise(samples, [.. windows.Skip(start).Take(count)], pool: null, cancellationToken);
            chunk.Silent.CopyTo(silent, start);
            cancellationToken.ThrowIfCancellationRequested();
            RunNetwork(chunk.Inputs, count).CopyTo(rows, start * OutputSize);
        }

        return Outputs(rows, silent, tags);
    }
}
