using static TorchSharp.torch;

namespace Genre.Training.Torch;

/// <summary>
/// Scoring a split without gradients, a batch at a time (a whole split in one call would hold every layer's
/// activations for all of it at once): the logits of every row, and their mean cross-entropy and accuracy.
/// Call inside a dispose scope: the tensors it makes belong to the caller's scope.
/// </summary>
internal static class BatchedScoring
{
    /// <summary>The logits of <paramref name="rows"/> rows, <paramref name="forward"/>(start, count) at a time, concatenated.</summary>
    public static Tensor Logits(long rows, int batch, Func<long, long, Tensor> forward)
    {
        using var noGrad = no_grad();
        var parts = new List<Tensor>();
        for (long start = 0; start < rows; start += batch)
        {
            parts.Add(forward(start, Math.Min(batch, rows - start)));
        }

        return cat(parts, 0);
    }

    /// <summary>Mean cross-entropy of <paramref name="logits"/> against <paramref name="labels"/>, and the share of rows whose largest logit is the label.</summary>
    public static (double Loss, double Accuracy) LossAndAccuracy(Tensor logits, Tensor labels)
    {
        using var noGrad = no_grad();
        var loss = nn.functional.cross_entropy(logits, labels).item<float>();
        var correct = logits.argmax(1).eq(labels).sum().item<long>();
        return (loss, (double)correct / logits.shape[0]);
    }
}
