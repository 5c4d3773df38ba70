using static TorchSharp.torch;

namespace Genre.Training;

/// <summary>
/// The inner loop: one optimiser step per mini-batch. The running loss and accuracy stay on the device and are read
/// once per epoch: a per-batch <c>.item()</c> is a device sync on CUDA and three extra host round trips on the CPU.
/// Every per-batch tensor lives in a dispose scope, so nothing waits for the GC's finaliser thread.
/// </summary>
internal sealed class EpochTrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y, int batchSize)
{
    /// <summary>Trains one epoch over the rows of x in <paramref name="order"/>; returns the mean loss and accuracy (dropout on).</summary>
    public (double Loss, double Accuracy) Run(long[] order, CancellationToken cancellationToken)
    {
        model.train();
        using var permutation = tensor(order, device: x.device);
        using var lossSum = zeros(1, ScalarType.Float64, x.device);
        using var correct = zeros(1, ScalarType.Int64, x.device);
        var n = order.Length;
        for (var start = 0; start < n; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            Step(permutation.narrow(0, start, Math.Min(batchSize, n - start)), lossSum, correct);
        }

        return (lossSum.item<double>() / n, (double)correct.item<long>() / n);
    }

    /// <summary>
    /// One optimiser step on the rows <paramref name="batch"/>; adds count x loss to <paramref name="lossSum"/> and the
    /// number of right argmaxes to <paramref name="correct"/>.
    /// </summary>
    private void Step(Tensor batch, Tensor lossSum, Tensor correct)
    {
        var inputs = x.index_select(0, batch);
        var labels = y.index_select(0, batch);
        optimizer.zero_grad();
        var logits = model.call(inputs);
        var loss = nn.functional.cross_entropy(logits, labels);
        loss.backward();
        optimizer.step();
        using (no_grad())
        {
            lossSum.add_(loss.detach(), batch.shape[0]);
            correct.add_(logits.argmax(1).eq(labels).sum());
        }
    }
}
