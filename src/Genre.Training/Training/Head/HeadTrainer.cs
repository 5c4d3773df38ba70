using System.Globalization;
using System.Numerics.Tensors;
using Genre.Data.Embeddings;
using Genre.Evaluation;
using Genre.Kinds.AudioSetHead;
using Genre.Model;

namespace Genre.Training.Head;

/// <summary>
/// Trains an <see cref="EmbeddingHead"/> on the non-silent windows of a split's training clips: standardised
/// embeddings, cross-entropy plus an L2 penalty on the weights, Adam on shuffled mini-batches; keeps the epoch with the
/// lowest validation loss, then fits the temperature on the validation windows and scores validation and test with
/// <see cref="EvaluationReport.Compute"/>, as the CNN's trainer does. Managed and single-threaded: the same seed gives
/// the same bytes on any thread count.
/// </summary>
internal static class HeadTrainer
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    public static HeadTrainingResult Train(EmbeddingSet set, DataSplit split, HeadTrainingOptions options, Action<EpochReport>? onEpoch = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int[] train = [.. split.Train.Where(i => !set.Silent[i])];
        int[] validation = [.. split.Validation.Where(i => !set.Silent[i])];
        foreach (var (part, rows) in new[] { ("train", train), ("validation", validation), ("test", split.Test) })
        {
            if (rows.Length == 0)
            {
                throw new DatasetException(null, $"the {part} part of the '{split.Name}' split has no audible window: {split.Description}");
            }
        }

        var random = new Random(options.Seed);
        var head = Initialise(set, train, options, set.Mapping.Length, random);
        var (history, best) = Fit(head, set, train, validation, options, random, onEpoch, cancellationToken);
        return Measure(head, set, split, history, best);
    }

    /// <summary>Standardisation from the training windows; logistic weights start at zero (the loss is convex), MLP weights as PyTorch's Linear draws them.</summary>
    private static EmbeddingHead Initialise(EmbeddingSet set, int[] train, HeadTrainingOptions options, int classes, Random random)
    {
        const int size = EmbeddingHead.InputSize;
        var sum = new double[size];
        var square = new double[size];
        foreach (var i in train)
        {
            var row = set.Embedding(i);
            for (var d = 0; d < size; d++)
            {
                sum[d] += row[d];
                square[d] += (double)row[d] * row[d];
            }
        }

        var mean = sum.Select(s => (float)(s / train.Length)).ToArray();
        var scale = square.Select((q, d) => (float)(1.0 / Math.Max(1e-6, Math.Sqrt(Math.Max(0, (q / train.Length) - Math.Pow(sum[d] / train.Length, 2)))))).ToArray();
        var hidden = options.EffectiveHiddenUnits;
        float[] Uniform(int count, int fanIn) =>
            [.. Enumerable.Range(0, count).Select(_ => (float)(((2 * random.NextDouble()) - 1) / Math.Sqrt(fanIn)))];
        return hidden == 0
            ? new EmbeddingHead(mean, scale, null, null, new float[classes * size], new float[classes])
            : new EmbeddingHead(mean, scale, Uniform(hidden * size, size), Uniform(hidden, size), Uniform(classes * hidden, hidden), Uniform(classes, hidden));
    }

    private static (List<EpochReport> History, int BestEpoch) Fit(EmbeddingHead head, EmbeddingSet set, int[] train, int[] validation,
        HeadTrainingOptions options, Random random, Action<EpochReport>? onEpoch, CancellationToken cancellationToken)
    {
        const int size = EmbeddingHead.InputSize;
        var inputs = new float[train.Length * size];
        for (var r = 0; r < train.Length; r++)
        {
            head.Normalize(set.Embedding(train[r]), inputs.AsSpan(r * size, size));
        }

        float[][] parameters = [head.HiddenWeight, head.HiddenBias, head.OutputWeight, head.OutputBias];
        bool[] decayed = [true, false, true, false];
        var gradients = parameters.Select(p => new float[p.Length]).ToArray();
        var first = parameters.Select(p => new double[p.Length]).ToArray();
        var second = parameters.Select(p => new double[p.Length]).ToArray();
        var best = parameters.Select(p => (float[])p.Clone()).ToArray();
        var order = Enumerable.Range(0, train.Length).ToArray();
        var hidden = new float[head.HiddenUnits];
        var logits = new float[head.Classes];
        var hiddenGradient = new float[head.HiddenUnits];
        var step = 0;
        var (history, bestEpoch) = BestEpochLoop.Run(options.Epochs, options.Patience, double.PositiveInfinity, epoch =>
        {
            random.Shuffle(order);
            double lossSum = 0;
            var correct = 0;
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                var batch = Math.Min(options.BatchSize, order.Length - start);
                foreach (var g in gradients)
                {
                    Array.Clear(g);
                }

                for (var b = 0; b < batch; b++)
                {
                    var r = order[start + b];
                    var x = inputs.AsSpan(r * size, size);
                    var label = (int)set.Labels[train[r]];
                    head.Forward(x, hidden, logits);
                    var (loss, predicted) = SoftmaxInPlace(logits, label);
                    lossSum += loss;
                    correct += predicted == label ? 1 : 0;
                    // logits now hold d(loss)/d(logits) = p - onehot, scaled for the batch mean.
                    logits[label] -= 1f;
                    TensorPrimitives.Multiply(logits, 1f / batch, logits);
                    Backward(head, x, hidden, logits, hiddenGradient, gradients);
                }

                step++;
                for (var p = 0; p < parameters.Length; p++)
                {
                    Adam(parameters[p], gradients[p], first[p], second[p], options.LearningRate, decayed[p] ? options.WeightDecay : 0, step);
                }
            }

            var (validationLoss, validationAccuracy) = Score(head, set, validation);
            return (lossSum / train.Length, (double)correct / train.Length, validationLoss, validationAccuracy);
        }, _ =>
        {
            for (var p = 0; p < parameters.Length; p++)
            {
                parameters[p].CopyTo(best[p], 0);
            }
        }, onEpoch, cancellationToken);

        for (var p = 0; p < parameters.Length; p++)
        {
            best[p].CopyTo(parameters[p], 0);
        }

        return (history, bestEpoch);
    }

    /// <summary>Softmax of <paramref name="logits"/> in place (shifted by the maximum); returns the cross-entropy of <paramref name="label"/> and the argmax.</summary>
    private static (double Loss, int Predicted) SoftmaxInPlace(Span<float> logits, int label)
    {
        var predicted = TensorPrimitives.IndexOfMax(logits);
        var max = logits[predicted];
        double sum = 0;
        for (var c = 0; c < logits.Length; c++)
        {
            sum += Math.Exp(logits[c] - max);
        }

        var loss = Math.Log(sum) - (logits[label] - max);
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] = (float)(Math.Exp(logits[c] - max) / sum);
        }

        return (loss, predicted);
    }

    /// <summary>Adds one window's gradients, given d(loss)/d(logits), to <paramref name="gradients"/> (hidden weight, hidden bias, output weight, output bias).</summary>
    private static void Backward(EmbeddingHead head, ReadOnlySpan<float> x, ReadOnlySpan<float> hidden, ReadOnlySpan<float> outputGradient,
        Span<float> hiddenGradient, float[][] gradients)
    {
        var input = head.HiddenUnits == 0 ? x : hidden;
        for (var c = 0; c < head.Classes; c++)
        {
            var row = gradients[2].AsSpan(c * input.Length, input.Length);
            TensorPrimitives.MultiplyAdd(input, outputGradient[c], row, row);
            gradients[3][c] += outputGradient[c];
        }

        if (head.HiddenUnits == 0)
        {
            return;
        }

        hiddenGradient.Clear();
        for (var c = 0; c < head.Classes; c++)
        {
            TensorPrimitives.MultiplyAdd(head.OutputWeight.AsSpan(c * head.HiddenUnits, head.HiddenUnits), outputGradient[c], hiddenGradient, hiddenGradient);
        }

        const int size = EmbeddingHead.InputSize;
        for (var j = 0; j < head.HiddenUnits; j++)
        {
            // ReLU: no gradient through a unit that was off.
            if (hidden[j] <= 0f || hiddenGradient[j] == 0f)
            {
                continue;
            }

            var row = gradients[0].AsSpan(j * size, size);
            TensorPrimitives.MultiplyAdd(x, hiddenGradient[j], row, row);
            gradients[1][j] += hiddenGradient[j];
        }
    }

    /// <summary>Adam (Kingma &amp; Ba) with the L2 penalty's gradient added to the loss's (coupled, as torch.optim.Adam's weight_decay).</summary>
    private static void Adam(float[] parameter, float[] gradient, double[] first, double[] second, double rate, double decay, int step)
    {
        var correction1 = 1 - Math.Pow(Beta1, step);
        var correction2 = 1 - Math.Pow(Beta2, step);
        for (var i = 0; i < parameter.Length; i++)
        {
            var g = gradient[i] + (decay * parameter[i]);
            first[i] = (Beta1 * first[i]) + ((1 - Beta1) * g);
            second[i] = (Beta2 * second[i]) + ((1 - Beta2) * g * g);
            parameter[i] -= (float)(rate * (first[i] / correction1) / (Math.Sqrt(second[i] / correction2) + Epsilon));
        }
    }

    /// <summary>Mean cross-entropy and accuracy of the head on rows <paramref name="rows"/>, through the prediction path.</summary>
    private static (double Loss, double Accuracy) Score(EmbeddingHead head, EmbeddingSet set, int[] rows)
    {
        var (logits, labels) = Logits(head, set, rows);
        var predicted = ClassRows.ArgMax(logits, head.Classes);
        var correct = predicted.Where((p, i) => p == labels[i]).Count();
        return (TemperatureScaling.NegativeLogLikelihood(logits, labels, head.Classes), (double)correct / rows.Length);
    }

    private static (float[] Logits, long[] Labels) Logits(EmbeddingHead head, EmbeddingSet set, int[] rows)
    {
        var embeddings = new float[rows.Length * EmbeddingHead.InputSize];
        for (var r = 0; r < rows.Length; r++)
        {
            set.Embedding(rows[r]).CopyTo(embeddings.AsSpan(r * EmbeddingHead.InputSize));
        }

        return (head.Logits(embeddings, rows.Length), [.. rows.Select(i => set.Labels[i])]);
    }

    /// <summary>
    /// The CNN trainer's measurements for the kept head: T minimising the validation windows' NLL, validation and test
    /// scored by <see cref="EvaluationReport.Compute"/> (silent windows left out of their clip's verdict), and the test
    /// clips' figures before and after the temperature for the card's calibration record.
    /// </summary>
    internal static HeadTrainingResult Measure(EmbeddingHead head, EmbeddingSet set, DataSplit split, List<EpochReport> history, int bestEpoch)
    {
        var classes = head.Classes;
        int[] audible = [.. split.Validation.Where(i => !set.Silent[i])];
        var (validationLogits, validationLabels) = Logits(head, set, audible);
        // Validation windows all on the right side of every boundary make the NLL fall without end as T -> 0: nothing
        // there to calibrate on, and T at its floor would turn every answer into 100 %. The head's own softmax stays.
        var fitted = TemperatureScaling.Fit(validationLogits, validationLabels, classes);
        var temperature = fitted <= TemperatureScaling.MinTemperature ? 1f : fitted;
        var validation = Input(head, set, split.Validation);
        var test = Input(head, set, split.Test);
        if (!validationLogits.All(float.IsFinite) || !test.Logits.All(float.IsFinite))
        {
            throw new TrainingException("training diverged: the head outputs NaN or infinity; try a lower --lr");
        }

        var validationSummary = EvaluationReport.Compute(validation, temperature);
        var testSummary = EvaluationReport.Compute(test, temperature);
        var kept = history[bestEpoch - 1];
        var metrics = new ModelMetrics
        {
            TrainLoss = kept.TrainLoss,
            TrainAccuracy = kept.TrainAccuracy,
            ValidationLoss = kept.ValidationLoss,
            ValidationAccuracy = kept.ValidationAccuracy,
            CalibratedValidationLoss = TemperatureScaling.NegativeLogLikelihood(validationLogits, validationLabels, classes, temperature),
            ValidationEceBefore = validationSummary.EceBefore,
            ValidationEceAfter = validationSummary.EceAfter,
            TestAccuracy = testSummary.SegmentAccuracy,
            TestClipAccuracy = testSummary.ClipAccuracy,
            TestMacroF1 = testSummary.MacroF1,
            TestEceBefore = testSummary.EceBefore,
            TestEceAfter = testSummary.EceAfter,
            TestSegments = testSummary.SegmentCount,
            TestClips = testSummary.ClipCount,
        };
        var testClips = Clips(set, test);
        var validationClips = validation.Tracks.Distinct(StringComparer.Ordinal).Count();
        var calibration = new CalibrationRecord
        {
            Method = CalibrationFitting.TemperatureOnly,
            FittedOn = string.Create(CultureInfo.InvariantCulture, $"the audible windows of the {validationClips} validation clips"),
            Selection = (fitted <= TemperatureScaling.MinTemperature
                ? "none: the validation windows are separated without error, so the fit runs to the floor of T; T = 1 is kept. "
                : string.Empty) + "A temperature alone, as for the CNN: the output layer of the head has its own trained bias, so a per-label bias on top has nothing left to correct",
            HeldOut = string.Create(CultureInfo.InvariantCulture, $"the {testClips.Clips.Count} test clips, which neither training nor calibration saw"),
            Before = ClipMeasurement.Measure(testClips),
            After = ClipMeasurement.Measure(testClips, temperature),
        };
        return new HeadTrainingResult(head, history, bestEpoch, temperature, metrics, test, calibration);
    }

    private static EvaluationInput Input(EmbeddingHead head, EmbeddingSet set, int[] rows)
    {
        var (logits, labels) = Logits(head, set, rows);
        return new EvaluationInput(set.Mapping, logits, labels, [.. rows.Select(i => set.Tracks[i])]) { Silent = [.. rows.Select(i => set.Silent[i])] };
    }

    /// <summary>The rows of <paramref name="input"/> grouped into clips, as audio evaluation holds them.</summary>
    private static ClipScoreSet Clips(EmbeddingSet set, EvaluationInput input)
    {
        var classes = input.Classes;
        var clips = Enumerable.Range(0, input.Count).GroupBy(i => input.Tracks[i], StringComparer.Ordinal).Select(g =>
        {
            int[] rows = [.. g];
            return new ClipScore(g.Key, g.Key, (int)input.Labels[rows[0]], [.. rows.SelectMany(i => input.Logits.AsSpan(i * classes, classes).ToArray())],
                [.. rows.Select(i => input.Silent![i])], 0);
        });
        return new ClipScoreSet(set.Mapping, [.. clips], []);
    }
}
