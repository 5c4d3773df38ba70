using System.Buffers;
using Genre.Features;
using Genre.Inference;
using Genre.Model;

namespace Genre.Kinds.MfccCnn;

/// <summary>
/// A network over MFCC segments at prediction time (the CNN, and the CRNN, which reads the same input): every 3 s
/// segment (the last partial one padded with silence, as the original described) to its MFCC, then the network in
/// ONNX Runtime. Thread-safe: the network and extractor are shared, each call
/// owns its buffers.
/// </summary>
internal sealed class MfccSegmentModel : IGenreModel
{
    private readonly OnnxGenreNetwork _network;
    private readonly MfccExtractor _mfcc;
    private readonly bool _ownsExtractor;

    public MfccSegmentModel(OnnxGenreNetwork network)
    {
        _network = network;
        var settings = network.Card.Features!.ToSettings();
        _ownsExtractor = settings != MfccExtractor.Shared.Settings;
        _mfcc = _ownsExtractor ? new MfccExtractor(settings) : MfccExtractor.Shared;
    }

    public ModelCard Card => _network.Card;

    public int SampleRate => _mfcc.Settings.SampleRate;

    public int WindowSamples => _mfcc.Settings.SegmentSamples;

    public int WindowsPerClip => _mfcc.Settings.SegmentsPerClip;

    public int WindowCount(int samples) => samples <= 0 ? 0 : (int)(((long)samples + WindowSamples - 1) / WindowSamples);

    public int InputSize => _mfcc.Settings.FramesPerSegment * _mfcc.Settings.Coefficients;

    public int OutputSize => _network.Classes;

    public int WindowsPerCall => OnnxGenreNetwork.MaxBatch;

    public WindowInputs Featurise(ReadOnlySpan<float> samples, IReadOnlyList<int> windows, ArrayPool<float>? pool, CancellationToken cancellationToken)
    {
        var size = InputSize;
        var features = pool?.Rent(windows.Count * size) ?? new float[windows.Count * size];
        var silent = new bool[windows.Count];
        var padding = SignalWindows.Padding(samples.Length, windows, WindowSamples);
        for (var w = 0; w < windows.Count; w++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var segment = SignalWindows.Cut(samples, windows[w], WindowSamples, padding);
            silent[w] = SignalWindows.IsSilent(segment);
            _mfcc.Compute(segment, features.AsSpan(w * size, size));
        }

        return new WindowInputs(features, silent);
    }

    public float[] RunNetwork(ReadOnlySpan<float> inputs, int count) => _network.Logits(inputs, count);

    public WindowOutputs Outputs(float[] rows, bool[] silent, int tags) => new(rows, silent);

    public void Dispose()
    {
        _network.Dispose();
        if (_ownsExtractor)
        {
            _mfcc.Dispose();
        }
    }
}
