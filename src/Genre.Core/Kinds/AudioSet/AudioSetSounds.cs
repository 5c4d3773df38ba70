using Genre.Inference;

namespace Genre.Kinds.AudioSet;

/// <summary>
/// What else the AudioSet network hears in a track, whatever gives its genres: the probability that it is music (the
/// strongest music class, mean over the non-silent windows), its strongest class that is not music, and its strongest
/// music tags. Shared by the AudioSet kind and the head kind. Thread-safe.
/// </summary>
internal sealed class AudioSetSounds(AudioSetClasses classes, IReadOnlyCollection<int> genreOutputs)
{
    private readonly int[] _tagClasses = AudioSetClasses.TagClasses(genreOutputs);
    private readonly int[] _otherClasses = [.. Enumerable.Range(0, AudioSetClasses.Count).Except(AudioSetClasses.MusicClasses)];

    /// <summary>The window outputs with <paramref name="genreLogits"/> (windows x genres) and what the network heard besides.</summary>
    public WindowOutputs Describe(float[] genreLogits, AudioSetWindowScores scores, int tags)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var meanSigmoid = new double[AudioSetClasses.Count];
        var voters = 0;
        for (var w = 0; w < scores.Count; w++)
        {
            if (scores.Silent[w])
            {
                continue;
            }

            voters++;
            var row = scores.Logits.AsSpan(w * AudioSetClasses.Count, AudioSetClasses.Count);
            for (var c = 0; c < row.Length; c++)
            {
                meanSigmoid[c] += 1.0 / (1.0 + Math.Exp(-row[c]));
            }
        }

        if (voters == 0)
        {
            return new WindowOutputs(genreLogits, scores.Silent);
        }

        return new WindowOutputs(genreLogits, scores.Silent)
        {
            MusicProbability = (float)(AudioSetClasses.MusicClasses.Max(c => meanSigmoid[c]) / voters),
            OtherSound = Tag(_otherClasses.MaxBy(c => meanSigmoid[c])),
            Tags = [.. _tagClasses.OrderByDescending(c => meanSigmoid[c]).Take(tags).Select(Tag)],
        };

        TagProbability Tag(int c) => new(classes.Names[c], (float)(meanSigmoid[c] / voters));
    }
}
