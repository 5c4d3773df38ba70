using System.Buffers;
using Genre.Model;

namespace Genre.Kinds.AudioSet;

/// <summary>
/// What every kind built on the AudioSet network shares at prediction time: 32 kHz, 10 s windows, three of them for
/// 30 s, the log-mel front end and the network's rows (<see cref="AudioSetWindowScores"/>). A kind says only what it
/// makes of its windows' scores (<see cref="Outputs(AudioSetWindowScores, int)"/>). Thread-safe.
/// </summary>
internal abstract class AudioSetNetworkModel(ModelCard card, EfficientAtOnnxNetwork network) : IGenreModel
{
    protected EfficientAtOnnxNetwork Network { get; } = network;

    public ModelCard Card { get; } = card;

    public int SampleRate => AudioSetFrontEnd.SampleRate;

    public int WindowSamples => AudioSetFrontEnd.WindowSamples;

    public int WindowsPerClip => 3;

    public int WindowCount(int samples) => AudioSetWindows.Count(samples);

    public int InputSize => AudioSetWindowScores.MelSize;

    public int OutputSize => AudioSetWindowScores.RowSize(Network);

    public int WindowsPerCall => AudioSetWindowScores.Chunk;

    public WindowInputs Featurise(ReadOnlySpan<float> samples, IReadOnlyList<int> windows, ArrayPool<float>? pool, CancellationToken cancellationToken) =>
        AudioSetWindowScores.Featurise(samples, windows, pool, cancellationToken);

    public float[] RunNetwork(ReadOnlySpan<float> inputs, int count) => AudioSetWindowScores.Rows(Network, inputs, count);

    public WindowOutputs Outputs(float[] rows, bool[] silent, int tags) => Outputs(AudioSetWindowScores.FromRows(Network, rows, silent), tags);

    /// <summary>One track's genre logits and what else the network heard, from its windows' scores.</summary>
    protected abstract WindowOutputs Outputs(AudioSetWindowScores scores, int tags);

    public void Dispose() => Network.Dispose();
}
