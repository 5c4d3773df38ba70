using Genre.Kinds.AudioSet;
using Genre.Model;

namespace Genre.Kinds.AudioSetHead;

/// <summary>
/// A head kind at prediction time: the AudioSet network's windows (<see cref="AudioSetWindowScores"/>, as embedding
/// extraction ran them), the head on their embeddings for the label logits, and the network's own music verdict and
/// tags (<see cref="AudioSetSounds"/>); without the music gate (<see cref="HeadParameters.MusicGate"/>) no music
/// probability is given, so nothing is answered "not music". Thread-safe: the head is read only.
/// </summary>
internal sealed class AudioSetHeadModel : IGenreModel
{
    private readonly EfficientAtOnnxNetwork _network;
    private readonly EmbeddingHead _head;
    private readonly AudioSetSounds _sounds;
    private readonly bool _musicGate;

    public AudioSetHeadModel(ModelCard card, AudioSetClasses classes, EfficientAtOnnxNetwork network, EmbeddingHead head)
    {
        Card = card;
        _network = network;
        _head = head;
        _sounds = new AudioSetSounds(classes, []);
        _musicGate = card.Head!.MusicGate;
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
        var outputs = _sounds.Describe(_head.Logits(scores.Embeddings, scores.Count), scores, tags);
        return _musicGate ? outputs : outputs with { MusicProbability = null };
    }

    public void Dispose() => _network.Dispose();
}
