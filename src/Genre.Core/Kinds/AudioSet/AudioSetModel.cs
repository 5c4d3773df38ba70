using Genre.Inference;
using Genre.Model;

namespace Genre.Kinds.AudioSet;

/// <summary>
/// The AudioSet network at prediction time: each chosen 10 s window to its log-mel input
/// (<see cref="AudioSetFrontEnd"/>), the network in ONNX Runtime, then the genre outputs' logits, the music
/// probability (the strongest music class, mean over windows) and the strongest tags. One track's windows go through
/// <see cref="IGenreModel.Run"/> in chunks of <see cref="Chunk"/>, so a full timeline of an hour holds a few windows'
/// inputs at a time, not all of them. Thread-safe.
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

    public int InputSize => MelSize;

    public int OutputSize => AudioSetClasses.Count;

    public int WindowsPerCall => Chunk;

    public WindowInputs Featurise(ReadOnlySpan<float> samples, IReadOnlyList<int> windows, CancellationToken cancellationToken)
    {
        var mels = new float[windows.Count * MelSize];
        var silent = new bool[windows.Count];
        var padding = new float[WindowSamples];
        for (var i = 0; i < windows.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var window = SignalWindows.Cut(samples, windows[i], WindowSamples, padding);
            silent[i] = SignalWindows.IsSilent(window);
            AudioSetFrontEnd.Shared.Compute(window, mels.AsSpan(i * MelSize, MelSize));
        }

        return new WindowInputs(mels, silent);
    }

    public float[] RunNetwork(ReadOnlySpan<float> inputs, int count) => _network.Run(inputs, count).Logits;

    public WindowOutputs Outputs(float[] rows, bool[] silent, int tags)
    {
        var genres = _genreOutputs.Length;
        var genreLogits = new float[silent.Length * genres];
        var meanSigmoid = new double[AudioSetClasses.Count];
        var voters = 0;
        for (var w = 0; w < silent.Length; w++)
        {
            var row = rows.AsSpan(w * AudioSetClasses.Count, AudioSetClasses.Count);
            for (var g = 0; g < genres; g++)
            {
                genreLogits[(w * genres) + g] = row[_genreOutputs[g]];
            }

            if (!silent[w])
            {
                voters++;
                for (var c = 0; c < row.Length; c++)
                {
                    meanSigmoid[c] += 1.0 / (1.0 + Math.Exp(-row[c]));
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
