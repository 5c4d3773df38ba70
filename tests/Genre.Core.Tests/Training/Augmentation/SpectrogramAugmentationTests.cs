using CsCheck;
using Genre.Model;
using Genre.Training.Augmentation;
using Shouldly;
using static TorchSharp.torch;

namespace Genre.Core.Tests.Training.Augmentation;

/// <summary>SpecAugment masks what it declares; mixup's soft targets are distributions.</summary>
[Collection(TestSupport.TorchCollection.Name)]
public sealed class SpectrogramAugmentationTests
{
    private const int Frames = 130;
    private const int Coefficients = 13;

    private static readonly AugmentationSettings OneMaskEach = new()
    {
        Transforms = [AugmentationSettings.SpecAugment],
        TimeMasks = 1,
        TimeMaskFrames = 20,
        CoefficientMasks = 1,
        CoefficientMaskWidth = 3,
    };

    /// <summary>Indices of the frames (or coefficients) masked in every cell: the bands themselves.</summary>
    private static int[] FullBands(bool[] cells, int count, Func<int, int, int> cell, int other) =>
        [.. Enumerable.Range(0, count).Where(i => Enumerable.Range(0, other).All(j => cells[cell(i, j)]))];

    [Fact]
    public void Masks_are_one_band_of_frames_and_one_of_coefficients_no_wider_than_declared_and_reach_that_width()
    {
        var widest = (Time: 0, Coefficient: 0);
        Gen.Int.Sample(seed =>
        {
            var cells = SpecAugment.Masks(1, Frames, Coefficients, OneMaskEach, new Random(seed));
            var frames = FullBands(cells, Frames, (t, c) => (t * Coefficients) + c, Coefficients);
            var coefficients = FullBands(cells, Coefficients, (c, t) => (t * Coefficients) + c, Frames);
            foreach (var (band, limit) in new[] { (frames, OneMaskEach.TimeMaskFrames), (coefficients, OneMaskEach.CoefficientMaskWidth) })
            {
                band.Length.ShouldBeLessThanOrEqualTo(limit);
                if (band.Length > 0)
                {
                    (band[^1] - band[0] + 1).ShouldBe(band.Length, "one contiguous band");
                }
            }

            // Nothing masked outside the two bands.
            for (var t = 0; t < Frames; t++)
            {
                for (var c = 0; c < Coefficients; c++)
                {
                    cells[(t * Coefficients) + c].ShouldBe(frames.Contains(t) || coefficients.Contains(c));
                }
            }

            widest = (Math.Max(widest.Time, frames.Length), Math.Max(widest.Coefficient, coefficients.Length));
        }, iter: 300);
        widest.ShouldBe((OneMaskEach.TimeMaskFrames, OneMaskEach.CoefficientMaskWidth));
    }

    [Fact]
    public void Masked_cells_take_their_coefficients_mean_and_the_rest_is_untouched()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 2 * Frames * Coefficients).Select(_ => (float)random.NextDouble() * 100).ToArray();
        using var x = tensor(values, [2, 1, Frames, Coefficients]);
        var mask = SpecAugment.Masks(2, Frames, Coefficients, OneMaskEach, new Random(4));
        mask.ShouldContain(true);
        using var y = SpecAugment.Apply(x, mask);
        var result = y.data<float>().ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            var (b, c) = (i / (Frames * Coefficients), i % Coefficients);
            var mean = Enumerable.Range(0, Frames).Average(t => values[(b * Frames * Coefficients) + (t * Coefficients) + c]);
            result[i].ShouldBe(mask[i] ? (float)mean : values[i], 1e-3f);
        }
    }

    [Fact]
    public void Mixup_targets_are_distributions_weighting_the_own_label_by_at_least_the_mixing_weight()
    {
        Gen.Select(Gen.Int, Gen.Double[0.1, 2], Gen.Int[1, 40]).Sample((seed, alpha, batch) =>
        {
            var random = new Random(seed);
            var labels = Enumerable.Range(0, batch).Select(_ => (long)random.Next(10)).ToArray();
            using var scope = NewDisposeScope();
            var x = rand([batch, 1, Frames, Coefficients]);
            var (inputs, targets) = Mixup.Mix(x, tensor(labels), 10, alpha, new Random(seed));
            inputs.shape.ShouldBe(x.shape);
            var t = targets.data<float>().ToArray();
            for (var row = 0; row < batch; row++)
            {
                var p = t.AsSpan(row * 10, 10).ToArray();
                p.Sum().ShouldBe(1f, 1e-5f);
                p.ShouldAllBe(v => v >= 0);
                p.Count(v => v > 0).ShouldBeLessThanOrEqualTo(2);
            }
        }, iter: 50);
    }

    [Fact]
    public void Soft_cross_entropy_with_one_hot_targets_is_the_cross_entropy()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var logits = randn([8, 10]);
        var labels = tensor(new long[] { 0, 1, 2, 3, 4, 5, 6, 7 });
        var hard = nn.functional.cross_entropy(logits, labels).item<float>();
        var soft = Mixup.SoftCrossEntropy(logits, nn.functional.one_hot(labels, 10).to_type(ScalarType.Float32)).item<float>();
        soft.ShouldBe(hard, 1e-5f);
    }
}
