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

    public WindowOutputs Run(ReadOnlySpan<float> samples, IReadOnlyList<int> windows, int tags, CancellationToken cancellationToken)
    {
        var scores = AudioSetWindowScores.Compute(_network, samples, windows, cancellationToken);
        var outputs = _sounds.Describe(_head.Logits(scores.Embeddings, scores.Count), scores, tags);
        return _musicGate ? outputs : outputs with { MusicProbability = null };
    }

    public void Dispose() => _network.Dispose();
}
