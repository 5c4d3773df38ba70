using Genre.Training.Augmentation;
using Genre.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Genre.Training;

/// <summary>
/// The inner loop: one optimiser step per mini-batch. The running loss and accuracy stay on the device and are read
/// once per epoch: a per-batch <c>.item()</c> is a device sync on CUDA and three extra host round trips on the CPU.
/// Every per-batch tensor lives in a dispose scope, so nothing waits for the GC's finaliser thread.
/// </summary>
internal sealed class EpochTrainer(nn.Module<Tensor, Tensor> model, SafeAdam optimizer, Tensor y, int batchSize, BatchAugmentation? augmentation = null)
{
    /// <summary>
    /// Trains epoch <paramref name="epoch"/> over the rows of <paramref name="x"/> (this epoch's training inputs) in
    /// <paramref name="order"/>; returns the mean loss and accuracy (dropout and augmentation on; with mixup, the loss
    /// is against the soft targets and the accuracy against the clean labels).
    /// </summary>
    public (double Loss, double Accuracy) Run(Tensor x, long[] order, int epoch, CancellationToken cancellationToken)
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
            Step(x, permutation.narrow(0, start, Math.Min(batchSize, n - start)), epoch, start / batchSize, lossSum, correct);
        }

        return (lossSum.item<double>() / n, (double)correct.item<long>() / n);
    }

    /// <summary>
    /// One optimiser step on the rows <paramref name="batch"/>; adds count x loss to <paramref name="lossSum"/> and the
    /// number of right argmaxes to <paramref name="correct"/>.
    /// </summary>
    private void Step(Tensor x, Tensor batch, int epoch, int index, Tensor lossSum, Tensor correct)
    {
        var inputs = x.index_select(0, batch);
        var labels = y.index_select(0, batch);
        Tensor? targets = null;
        if (augmentation is not null)
        {
            (inputs, targets) = augmentation.Apply(inputs, labels, epoch, index);
        }

        optimizer.ZeroGrad();
        var logits = model.call(inputs);
        var loss = targets is null ? nn.functional.cross_entropy(logits, labels) : Mixup.SoftCrossEntropy(logits, targets);
        loss.backward();
        optimizer.Step();
        using (no_grad())
        {
            using var count = batch.shape[0].ToScalar();
            lossSum.add_(loss.detach(), count);
            correct.add_(logits.argmax(1).eq(labels).sum(), HeldScalars.One);
        }
    }
}
