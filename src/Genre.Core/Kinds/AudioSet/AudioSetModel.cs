using Genre.Model;

namespace Genre.Kinds.AudioSet;

/// <summary>
/// The AudioSet network at prediction time: each chosen 10 s window to its log-mel input
/// (<see cref="AudioSetFrontEnd"/>), the network in ONNX Runtime (<see cref="AudioSetWindowScores"/>), then the genre
/// outputs' logits, the music probability and the strongest tags (<see cref="AudioSetSounds"/>). Thread-safe.
/// </summary>
internal sealed class AudioSetModel : IGenreModel
{
    private readonly EfficientAtOnnxNetwork _network;
    private readonly int[] _genreOutputs;
    private readonly AudioSetSounds _sounds;

    public AudioSetModel(ModelCard card, AudioSetClasses classes, EfficientAtOnnxNetwork network)
    {
        Card = card;
        _network = network;
        _genreOutputs = [.. card.GenreOutputs!];
        _sounds = new AudioSetSounds(classes, _genreOutputs);
    }

    public ModelCard Card { get; }

    public int SampleRate => AudioSetFrontEnd.SampleRate;

    public int WindowSamples => AudioSetFrontEnd.WindowSamples;

    public int WindowsPerClip => 3;

    public int WindowCount(int samples) => AudioSetWindows.Count(samples);

    public int InputSize => AudioSetWindowScores.MelSize;

    public int OutputSize => AudioSetWindowScores.RowSize(_network);

    public int WindowsPerCall => AudioSetWindowScores.Chunk;

    public WindowInputs Featurise(ReadOnlySpan<float> samples, IReadOnlyList<int> windows, CancellationToken cancellationToken) =>
        AudioSetWindowScores.Featurise(samples, windows, cancellationToken);

    public float[] RunNetwork(ReadOnlySpan<float> inputs, int count) => AudioSetWindowScores.Rows(_network, inputs, count);

    public WindowOutputs Outputs(float[] rows, bool[] silent, int tags)
    {
        var scores = AudioSetWindowScores.FromRows(_network, rows, silent);
        var genres = _genreOutputs.Length;
        var genreLogits = new float[scores.Count * genres];
        for (var w = 0; w < scores.Count; w++)
        {
            for (var g = 0; g < genres; g++)
            {
                genreLogits[(w * genres) + g] = scores.Logits[(w * AudioSetClasses.Count) + _genreOutputs[g]];
            }
        }

        return _sounds.Describe(genreLogits, scores, tags);
    }

    public void Dispose() => _network.Dispose();
}
