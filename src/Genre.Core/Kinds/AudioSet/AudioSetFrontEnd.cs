using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Genre.Features;

namespace Genre.Kinds.AudioSet;

/// <summary>
/// The input of the pretrained AudioSet network (EfficientAT mn04_as), exactly as it was trained (AugmentMelSTFT in
/// eval mode): one 10 s window at 32 kHz -> pre-emphasis, centred reflect-padded STFT with a symmetric 800-tap Hann
/// window inside 1,024-point frames, power, 128 Kaldi mel filters up to 15 kHz, then (ln(mel + 1e-5) + 4.5) / 5.
/// The network has only ever seen this, so any drift here is drift in every prediction. Thread-safe; create once
/// (or use <see cref="Shared"/>) and call from any thread: the per-call state is two pooled buffers (eight frames
/// and their power spectra, the unit of the FFT and mel steps), the calling thread's FFT work buffer and 4 KB of stack.
/// </summary>
internal sealed class AudioSetFrontEnd : IDisposable
{
    public const int SampleRate = 32_000;

    /// <summary>10 s: the clip length of AudioSet, and all the network was trained on.</summary>
    public const int WindowSamples = 320_000;

    public const int FftSize = 1024;

    public const int HopLength = 320;

    /// <summary>Taps of the Hann window, centred in each <see cref="FftSize"/> frame as torch.stft pads it.</summary>
    public const int WindowLength = 800;

    public const int MelBands = 128;

    /// <summary>Frames of the centred STFT of the <see cref="WindowSamples"/> - 1 pre-emphasised samples: 1,000.</summary>
    public const int Frames = 1 + ((WindowSamples - 1) / HopLength);

    /// <summary>One network input: (<see cref="MelBands"/>, <see cref="Frames"/>), band-major.</summary>
    public const int InputLength = MelBands * Frames;

    public const double MaxFrequency = 15_000;

    /// <summary>The power floor inside the log: mel energies far below it all map to about (ln 1e-5 + 4.5) / 5.</summary>
    public const float PowerFloor = 1e-5f;

    private const float PreEmphasis = 0.97f;
    private const float Offset = 4.5f;
    private const float Scale = 5f;
    private const int Emphasised = WindowSamples - 1;
    private const int TapsOffset = (FftSize - WindowLength) / 2;

    /// <summary>Frames transformed before their mel is taken: one Vector256 of floats; 1,000 frames are 125 blocks.</summary>
    private const int Block = 8;

    private static readonly Lazy<AudioSetFrontEnd> s_shared = new(() => new AudioSetFrontEnd());
    private readonly BlockPowerSpectrum _fft = new(FftSize);
    private readonly MelFilterBank _mel = KaldiMelBank.Create(SampleRate, FftSize, MelBands, 0, MaxFrequency);
    private readonly float[] _window = SymmetricHann(WindowLength);
    private bool _disposed;

    /// <summary>One process-wide front end.</summary>
    public static AudioSetFrontEnd Shared => s_shared.Value;

    /// <summary>The network input of one window, in a new array of <see cref="InputLength"/> values.</summary>
    public float[] Compute(ReadOnlySpan<float> window)
    {
        var result = new float[InputLength];
        Compute(window, result);
        return result;
    }

    /// <summary>
    /// The network input of one window of exactly <see cref="WindowSamples"/> mono samples at 32 kHz, written to
    /// <paramref name="destination"/> as value [band * <see cref="Frames"/> + frame], the layout the network reads.
    /// </summary>
    public void Compute(ReadOnlySpan<float> window, Span<float> destination)
    {
        if (window.Length != WindowSamples)
        {
            throw new ArgumentException($"A window holds {WindowSamples} samples, not {window.Length}.", nameof(window));
        }

        if (destination.Length < InputLength)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values; {InputLength} are needed.", nameof(destination));
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        var input = ArrayPool<float>.Shared.Rent(FftSize * Block);
        var block = ArrayPool<float>.Shared.Rent(_fft.Bins * Block);
        Span<Vector256<float>> mel = stackalloc Vector256<float>[MelBands];
        try
        {
            for (var first = 0; first < Frames; first += Block)
            {
                for (var b = 0; b < Block; b++)
                {
                    WindowedFrame(window, first + b, input.AsSpan(b * FftSize, FftSize));
                }

                _fft.Execute(input, block);
                _mel.ApplyBlock(block, mel);
                LogMel(mel, destination, first);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
            ArrayPool<float>.Shared.Return(block);
        }
    }

    /// <summary>
    /// Frame <paramref name="t"/>'s 1,024 FFT inputs: its 800 taps see pre-emphasised samples [t * hop - 400, t * hop + 400)
    /// of the reflect-padded signal, times the Hann window, with 112 zeros either side.
    /// </summary>
    private void WindowedFrame(ReadOnlySpan<float> window, int t, Span<float> input)
    {
        var from = (t * HopLength) - (WindowLength / 2);
        var taps = input.Slice(TapsOffset, WindowLength);
        input[..TapsOffset].Clear();
        input[(TapsOffset + WindowLength)..].Clear();
        if (from >= 0 && from + WindowLength <= Emphasised)
        {
            // y[i] = x[i + 1] - 0.97 x[i], for the whole frame at once.
            TensorPrimitives.MultiplyAdd(window.Slice(from, WindowLength), -PreEmphasis, window.Slice(from + 1, WindowLength), taps);
        }
        else
        {
            for (var j = 0; j < WindowLength; j++)
            {
                var i = Reflect(from + j);
                taps[j] = window[i + 1] - (PreEmphasis * window[i]);
            }
        }

        TensorPrimitives.Multiply(taps, _window, taps);
    }

    /// <summary>
    /// The normalised log-mel of <see cref="Block"/> frames, one vector per band, stored side by side in the
    /// band-major output: no per-band dot product and no transposed store.
    /// </summary>
    private static void LogMel(ReadOnlySpan<Vector256<float>> mel, Span<float> destination, int first)
    {
        var floor = Vector256.Create(PowerFloor);
        var offset = Vector256.Create(Offset);
        var scale = Vector256.Create(Scale);
        for (var m = 0; m < MelBands; m++)
        {
            ((Vector256.Log(mel[m] + floor) + offset) / scale).CopyTo(destination.Slice((m * Frames) + first, Block));
        }
    }

    /// <summary>torch.stft's reflect padding (center=True) of the pre-emphasised signal: the edge sample is not repeated.</summary>
    private static int Reflect(int i) => i < 0 ? -i : i >= Emphasised ? (2 * (Emphasised - 1)) - i : i;

    /// <summary>torch.hann_window(n, periodic=False): 0.5 - 0.5 cos(2 pi i / (n - 1)), both ends zero.</summary>
    private static float[] SymmetricHann(int n)
    {
        var window = new float[n];
        for (var i = 0; i < n; i++)
        {
            window[i] = (float)(0.5 - (0.5 * Math.Cos(2 * Math.PI * i / (n - 1))));
        }

        return window;
    }

    /// <summary>
    /// Ends the front end's use (it holds no native memory): a second call does nothing, and a call after it is an
    /// <see cref="ObjectDisposedException"/>. The shared instance cannot be disposed (its other users would break):
    /// this is a no-op for it.
    /// </summary>
    public void Dispose()
    {
        if (!ReferenceEquals(this, s_shared.IsValueCreated ? s_shared.Value : null))
        {
            _disposed = true;
        }
    }
}
