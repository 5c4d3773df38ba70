using Genre.Model;

namespace Genre.Kinds.AudioSet;

/// <summary>
/// The AudioSet network at prediction time: each chosen 10 s window to its log-mel input
/// (<see cref="AudioSetFrontEnd"/>), the network in ONNX Runtime (<see cref="AudioSetWindowScores"/>), then the genre
/// outputs' logits, the music probability and the strongest tags (<see cref="AudioSetSounds"/>). Thread-safe.
/// </summary>
internal sealed class AudioSetModel(ModelCard card, AudioSetClasses classes, EfficientAtOnnxNetwork network) : AudioSetNetworkModel(card, network)
{
    private readonly int[] _genreOutputs = [.. card.GenreOutputs!];
    private readonly AudioSetSounds _sounds = new(classes, card.GenreOutputs!);

    protected override WindowOutputs Outputs(AudioSetWindowScores scores, int tags)
    {
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
}
