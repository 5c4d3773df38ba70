using System.Diagnostics;
using Genre.Data;
using Genre.Data.Embeddings;
using Genre.Kinds.AudioSet;
using Genre.Model;
using Genre.Training.Augmentation;
using Genre.Training.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Genre.Training.Head;

/// <summary>
/// Fine-tunes the AudioSet network's last feature blocks together with a head already trained on the frozen
/// embeddings: the head's standardisation stays as trained, its layers and the blocks are trained by Adam on the
/// training windows' cross-entropy (plus the head's L2 penalty), starting from the frozen head, so epoch 0 is the
/// frozen model. Batch norms keep their pretrained statistics (eval mode: a few dozen clips a label cannot estimate
/// them). The epoch with the lowest validation loss is kept; if none beats the frozen head, the frozen head is kept
/// and no tuned copy is written. Only the blocks' copy changes: the pretrained path, which gives AudioSet's tags and
/// the music verdict, is untouched.
/// </summary>
internal static class HeadFineTuner
{
    private const int EvaluationBatch = 64;

    /// <summary>What fine-tuning produced: the tuned copy (null when the frozen head was kept), the measured result, and the card's record.</summary>
    public sealed record Outcome(Dictionary<string, SafeTensor>? Tuned, HeadTrainingResult Result, FineTuneRecord Record);

    /// <summary>
    /// Decodes the set's files from <paramref name="dataDirectory"/> again and runs them through the frozen part once, for
    /// every split of a run to share (the part before features.K does not change in training).
    /// </summary>
    public static FrozenActivations Prepare(EmbeddingSet set, IReadOnlyDictionary<string, SafeTensor> network, string dataDirectory, HeadTrainingOptions options,
        Action<ExtractionProgress>? decoding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var first = options.FineTuneFirstFeature ?? throw new ArgumentException("fine-tuning is off (FineTuneBlocks is 0)", nameof(options));
        lock (Trainer.TorchState)
        {
            set_num_threads(options.Threads ?? Environment.ProcessorCount);
            using var model = Frozen(network);
            return FrozenActivations.Compute(set, dataDirectory, model, first, decoding, cancellationToken);
        }
    }

    /// <summary>Fine-tunes on <paramref name="activations"/> (from <see cref="Prepare"/>); <paramref name="decodingShare"/> is the decoding time to count in this split's record.</summary>
    public static Outcome Tune(EmbeddingSet set, DataSplit split, HeadTrainingResult frozen, IReadOnlyDictionary<string, SafeTensor> network, string dataDirectory,
        FrozenActivations activations, TimeSpan decodingShare, HeadTrainingOptions options, Action<EpochReport>? onEpoch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(frozen);
        ArgumentNullException.ThrowIfNull(activations);
        ArgumentNullException.ThrowIfNull(options);
        var first = options.FineTuneFirstFeature ?? throw new ArgumentException("fine-tuning is off (FineTuneBlocks is 0)", nameof(options));
        var clock = Stopwatch.StartNew();
        lock (Trainer.TorchState)
        {
            set_num_threads(options.Threads ?? Environment.ProcessorCount);
            manual_seed(options.Seed);
            using var model = Frozen(network);
            var blocks = model.FeatureParameters(first).ToList();
            foreach (var parameter in blocks)
            {
                parameter.requires_grad_(true);
            }

            using var head = new TorchHead(frozen.Head);
            int[] train = [.. split.Train.Where(i => !set.Silent[i])];
            int[] validation = [.. split.Validation.Where(i => !set.Silent[i])];
            using var labels = tensor(set.Labels);
            var before = Score(model, head, activations.Values, labels, validation, first).Loss;
            using var optimizer = new SafeAdam(blocks.Concat(head.Parameters), options.FineTuneLearningRate);
            var offset = frozen.History.Count;
            var (history, best) = Fit(model, head, optimizer, blocks, activations.Values, labels, train, validation, first, before, offset, options, onEpoch,
                cancellationToken);
            var record = new FineTuneRecord
            {
                FirstFeature = first,
                Epochs = options.FineTuneEpochs,
                BestEpoch = best,
                LearningRate = options.FineTuneLearningRate,
                MixupAlpha = options.FineTuneMixupAlpha,
                ValidationLossBefore = before,
                ValidationLossAfter = best == 0 ? before : history[best - 1].ValidationLoss,
                Data = dataDirectory,
                Seconds = Math.Round((clock.Elapsed + decodingShare).TotalSeconds, 1),
            };
            if (best == 0)
            {
                return new Outcome(null, frozen, record);
            }

            var tunedSet = set.WithEmbeddings(Embeddings(model, activations.Values, first));
            var result = HeadTrainer.Measure(head.ToEmbeddingHead(), tunedSet, split, [.. frozen.History, .. history], best + offset);
            return new Outcome(model.ExportTuned(first), result, record);
        }
    }

    /// <summary>The pretrained network in eval mode with every parameter frozen; fine-tuning unfreezes its last blocks.</summary>
    private static EfficientAtNetwork Frozen(IReadOnlyDictionary<string, SafeTensor> network)
    {
        var model = new EfficientAtNetwork();
        model.Import(network, null);
        model.eval();
        foreach (var parameter in model.parameters())
        {
            parameter.requires_grad_(false);
        }

        return model;
    }

    private static (List<EpochReport> History, int BestEpoch) Fit(EfficientAtNetwork model, TorchHead head, SafeAdam optimizer, List<Parameter> blocks,
        Tensor activations, Tensor labels, int[] train, int[] validation, int first, double before, int offset, HeadTrainingOptions options,
        Action<EpochReport>? onEpoch, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed);
        var order = train.Select(i => (long)i).ToArray();
        Tensor[] trained = [.. blocks, .. head.Parameters];
        Tensor[]? best = null;
        using var halfDecay = (0.5 * options.WeightDecay).ToScalar();
        try
        {
            var classes = (int)head.Classes;
            var (history, bestEpoch) = BestEpochLoop.Run(options.FineTuneEpochs, options.Patience, before, epoch =>
            {
                random.Shuffle(order);
                double lossSum = 0;
                long correct = 0;
                for (var start = 0; start < order.Length; start += options.BatchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    var rows = tensor(order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start)).ToArray());
                    var y = labels.index_select(0, rows);
                    var x = activations.index_select(0, rows);
                    Tensor? targets = null;
                    if (options.FineTuneMixupAlpha is { } alpha)
                    {
                        var mixing = AugmentationSeed.Random(options.Seed, AugmentationSeed.BatchStream, epoch, start / options.BatchSize);
                        (x, targets) = Mixup.Mix(x, y, classes, alpha, mixing);
                    }

                    var logits = head.Forward(model.Embedding(x, first));
                    var crossEntropy = targets is null ? nn.functional.cross_entropy(logits, y) : Mixup.SoftCrossEntropy(logits, targets);
                    var loss = crossEntropy.add(head.Penalty(halfDecay), HeldScalars.One);
                    optimizer.ZeroGrad();
                    loss.backward();
                    optimizer.Step();
                    lossSum += crossEntropy.item<float>() * rows.shape[0];
                    correct += logits.argmax(1).eq(y).sum().item<long>();
                }

                var (validationLoss, validationAccuracy) = Score(model, head, activations, labels, validation, first);
                return (lossSum / order.Length, (double)correct / order.Length, validationLoss, validationAccuracy);
            }, _ =>
            {
                Dispose(best);
                best = [.. trained.Select(p => p.detach().clone())];
            }, onEpoch, cancellationToken, offset); // numbered after the frozen head's epochs: one history, one curve in the report

            if (best is not null)
            {
                using var noGrad = no_grad();
                for (var i = 0; i < trained.Length; i++)
                {
                    trained[i].copy_(best[i]);
                }
            }

            return (history, bestEpoch);
        }
        finally
        {
            Dispose(best);
        }
    }

    /// <summary>Mean cross-entropy and accuracy on <paramref name="rows"/>, in eval mode without gradients.</summary>
    private static (double Loss, double Accuracy) Score(EfficientAtNetwork model, TorchHead head, Tensor activations, Tensor labels, int[] rows, int first)
    {
        using var scope = NewDisposeScope();
        var all = tensor(rows.Select(i => (long)i).ToArray());
        var logits = BatchedScoring.Logits(rows.Length, EvaluationBatch,
            (start, count) => head.Forward(model.Embedding(activations.index_select(0, all.narrow(0, start, count)), first)));
        return BatchedScoring.LossAndAccuracy(logits, labels.index_select(0, all));
    }

    /// <summary>Every window's embedding through the tuned blocks, row-major.</summary>
    private static float[] Embeddings(EfficientAtNetwork model, Tensor activations, int first)
    {
        using var noGrad = no_grad();
        var n = activations.shape[0];
        var result = new float[n * EmbeddingSet.EmbeddingSize];
        for (long start = 0; start < n; start += EvaluationBatch)
        {
            using var scope = NewDisposeScope();
            var count = Math.Min(EvaluationBatch, n - start);
            var embedding = model.Embedding(activations.narrow(0, start, count), first);
            embedding.data<float>().CopyTo(result, (int)(start * EmbeddingSet.EmbeddingSize));
        }

        return result;
    }

    private static void Dispose(Tensor[]? tensors)
    {
        foreach (var t in tensors ?? [])
        {
            t.Dispose();
        }
    }
}
