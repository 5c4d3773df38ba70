using Genre.Model;
using static TorchSharp.torch;

namespace Genre.Training.Augmentation;

/// <summary>
/// SpecAugment (Park et al., 2019) on a mini-batch of MFCC segments (B, 1, frames, coefficients): per segment,
/// <see cref="AugmentationSettings.TimeMasks"/> bands of consecutive frames and
/// <see cref="AugmentationSettings.CoefficientMasks"/> bands of consecutive coefficients (on MFCCs the "frequency"
/// axis is the cepstral one), each of a width drawn uniformly up to the declared one, take the coefficient's mean over
/// the segment. No time warping.
/// </summary>
internal static class SpecAugment
{
    /// <summary>Which cells of each segment are masked: B x frames x coefficients, row-major.</summary>
    public static bool[] Masks(int batch, int frames, int coefficients, AugmentationSettings settings, Random random)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        var mask = new bool[batch * frames * coefficients];
        for (var b = 0; b < batch; b++)
        {
            var cells = mask.AsSpan(b * frames * coefficients, frames * coefficients);
            for (var m = 0; m < settings.TimeMasks; m++)
            {
                var (start, width) = Band(frames, settings.TimeMaskFrames, random);
                cells.Slice(start * coefficients, width * coefficients).Fill(true);
            }

            for (var m = 0; m < settings.CoefficientMasks; m++)
            {
                var (start, width) = Band(coefficients, settings.CoefficientMaskWidth, random);
                for (var t = 0; t < frames; t++)
                {
                    cells.Slice((t * coefficients) + start, width).Fill(true);
                }
            }
        }

        return mask;
    }

    /// <summary><paramref name="x"/> with the masked cells set to their coefficient's mean over the segment.</summary>
    public static Tensor Apply(Tensor x, bool[] mask)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(mask);
        using var masked = tensor(mask, x.shape, device: x.device);
        using var mean = x.mean([2], keepdim: true);
        return where(masked, mean.expand_as(x), x);
    }

    private static (int Start, int Width) Band(int size, int maxWidth, Random random)
    {
        var width = random.Next(0, Math.Min(maxWidth, size) + 1);
        return (random.Next(0, size - width + 1), width);
    }
}
