using Genre.Inference;
using Genre.Model;

namespace Genre.Kinds.AudioSet;

/// <summary>
/// The AudioSet network at prediction time: each chosen 10 s window to its log-mel input
/// (<see cref="AudioSetFrontEnd"/>), the network in ONNX Runtime, then the genre outputs' logits, the music
/// probability (the strongest music class, mean over windows) and the strongest tags. Windows go through in chunks, so a full timeline of an hour holds a few
/// windows' inputs at a time, not all of them. Thread-safe.
/// </summary>
internal sealed class AudioSetModel : IGenreModel
{
    /// <summary>Windows per front-end-and-network chunk: 8 inputs are 4 MB.</summary>
    private const int Chunk = 8;

    private const int MelSize = AudioSetFrontEnd.InputLength;

    private readonly AudioSetClasses _classes;
    private readonly EfficientAtOnnxNetwork _network;
    private readonly int[] _genreOutputs;
    private readonly int[] _tagClasses;
    private readonly int[] _otherClasses;

    public AudioSetModel(ModelCard card, AudioSetClasses classes, EfficientAtOnnxNetwork network)
    {
        Card = card;
        _classes = classes;
        _network = network;
        _genreOutputs = [.. card.GenreOutputs!];
        _tagClasses = AudioSetClasses.TagClasses(_genreOutputs);
        _otherClasses = [.. Enumerable.Range(0, AudioSetClasses.Count).Except(AudioSetClasses.MusicClasses)];
    }

    public ModelCard Card { get; }

    public int SampleRate => AudioSetFrontEnd.SampleRate;

    public int WindowSamples => AudioSetFrontEnd.WindowSamples;

    public int WindowsPerClip => 3;

    public int WindowCount(int samples) => AudioSetWindows.Count(samples);

    public WindowOutputs Run(ReadOnlySpan<float> samples, IReadOnlyList<int> windows, int tags, CancellationToken cancellationToken)
    {
        var genres = _genreOutputs.Length;
        var genreLogits = new float[windows.Count * genres];
        var silent = new bool[windows.Count];
        var meanSigmoid = new double[AudioSetClasses.Count];
        var voters = 0;
        var mels = new float[Math.Min(Chunk, windows.Count) * MelSize];
        var padding = new float[WindowSamples];
        for (var start = 0; start < windows.Count; start += Chunk)
        {
            var count = Math.Min(Chunk, windows.Count - start);
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var window = SignalWindows.Cut(samples, windows[start + i], WindowSamples, padding);
                silent[start + i] = SignalWindows.IsSilent(window);
                AudioSetFrontEnd.Shared.Compute(window, mels.AsSpan(i * MelSize, MelSize));
            }

            cancellationToken.ThrowIfCancellationRequested();
            var logits = _network.Run(mels.AsSpan(0, count * MelSize), count).Logits;
            for (var i = 0; i < count; i++)
            {
                var row = logits.AsSpan(i * AudioSetClasses.Count, AudioSetClasses.Count);
                for (var g = 0; g < genres; g++)
                {
                    genreLogits[((start + i) * genres) + g] = row[_genreOutputs[g]];
                }

                if (!silent[start + i])
                {
                    voters++;
                    for (var c = 0; c < row.Length; c++)
                    {
                        meanSigmoid[c] += 1.0 / (1.0 + Math.Exp(-row[c]));
                    }
                }
            }
        }

        if (voters == 0)
        {
            return new WindowOutputs(genreLogits, silent);
        }

        return new WindowOutputs(genreLogits, silent)
        {
            MusicProbability = (float)(AudioSetClasses.MusicClasses.Max(c => meanSigmoid[c]) / voters),
            OtherSound = Tag(_otherClasses.MaxBy(c => meanSigmoid[c])),
            Tags = [.. _tagClasses.OrderByDescending(c => meanSigmoid[c]).Take(tags).Select(Tag)],
        };

        TagProbability Tag(int c) => new(_classes.Names[c], (float)(meanSigmoid[c] / voters));
    }

    public void Dispose() => _network.Dispose();
}
