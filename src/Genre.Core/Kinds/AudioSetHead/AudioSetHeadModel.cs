using Genre.Kinds.AudioSet;
using Genre.Model;

namespace Genre.Kinds.AudioSetHead;

/// <summary>
/// A head kind at prediction time: the AudioSet network's windows (<see cref="AudioSetWindowScores"/>, as embedding
/// extraction ran them), the head on their embeddings for the label logits, and the network's own music verdict and
/// tags (<see cref="AudioSetSounds"/>); without the music gate (<see cref="HeadParameters.MusicGate"/>) no music
/// probability is given, so nothing is answered "not music". Thread-safe: the head is read only.
/// </summary>
internal sealed class AudioSetHeadModel(ModelCard card, AudioSetClasses classes, EfficientAtOnnxNetwork network, EmbeddingHead head)
    : AudioSetNetworkModel(card, network)
{
    private readonly AudioSetSounds _sounds = new(classes, []);
    private readonly bool _musicGate = card.Head!.MusicGate;

    protected override WindowOutputs Outputs(AudioSetWindowScores scores, int tags)
    {
        var outputs = _sounds.Describe(head.Logits(scores.Embeddings, scores.Count), scores, tags);
        return _musicGate ? outputs : outputs with { MusicProbability = null };
    }
}
