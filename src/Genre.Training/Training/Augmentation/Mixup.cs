using Genre.Training.Torch;
using MathNet.Numerics.Distributions;
using TorchSharp;
using static TorchSharp.torch;

namespace Genre.Training.Augmentation;

/// <summary>
/// Mixup (Zhang et al., 2018) within a mini-batch: one weight λ ~ Beta(α, α) per batch, each input mixed with the
/// input of a shuffled partner, and soft targets λ·onehot(y) + (1 − λ)·onehot(y_partner) for the cross-entropy.
/// </summary>
internal static class Mixup
{
    /// <summary>The mixed inputs and the (B, classes) soft targets, whose rows sum to 1.</summary>
    public static (Tensor Inputs, Tensor Targets) Mix(Tensor x, Tensor y, int classes, double alpha, Random random)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(random);
        var lambda = (float)Beta.Sample(random, alpha, alpha);
        var order = Enumerable.Range(0, (int)x.shape[0]).Select(i => (long)i).ToArray();
        random.Shuffle(order);
        using var partner = tensor(order, device: x.device);
        // Held scalars, not bare numbers: see HeldScalars.
        using var weight = lambda.ToScalar();
        using var partnerWeight = (1 - lambda).ToScalar();
        using var shuffled = x.index_select(0, partner);
        using var scaled = x.mul(weight);
        var inputs = scaled.add(shuffled.mul(partnerWeight), HeldScalars.One);
        using var own = nn.functional.one_hot(y, classes).to_type(ScalarType.Float32);
        using var other = own.index_select(0, partner);
        using var ownPart = own.mul(weight);
        var targets = ownPart.add(other.mul(partnerWeight), HeldScalars.One);
        return (inputs, targets);
    }

    /// <summary>Cross-entropy against soft targets: the mean over rows of −Σ target · log softmax(logits).</summary>
    public static Tensor SoftCrossEntropy(Tensor logits, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        return -(targets * nn.functional.log_softmax(logits, 1)).sum(1).mean();
    }
}
