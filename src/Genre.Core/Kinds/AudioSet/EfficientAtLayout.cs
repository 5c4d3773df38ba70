using Genre.Model;

namespace Genre.Kinds.AudioSet;

/// <summary>
/// EfficientAT mn04 (Schmid, Koutini &amp; Widmer 2023), the MobileNetV3 of width 0.4 trained on AudioSet, as data:
/// the layers, channels and state-dict names that <c>get_model(width_mult=0.4, head_type="mlp", se_dims='c')</c>
/// gives, computed the way the reference code computes them. It holds no TorchSharp type, so the ONNX inference
/// path can build and check the network without loading libtorch; the ONNX graph and the TorchSharp module are both
/// made from it.
/// </summary>
internal static class EfficientAtLayout
{
    /// <summary>Identifies this exact network in model cards and graph names.</summary>
    public const string Architecture = "efficientat-mn04-as";

    public const double WidthMultiplier = 0.4;

    /// <summary>Mel bands and frames of one 10 s window at 32 kHz, hop 320: the input is (batch, 1, 128, 1000).</summary>
    public const int MelBands = 128;

    public const int Frames = 1000;

    public const int WindowSize = MelBands * Frames;

    /// <summary>AudioSet's classes: the pretrained head's outputs.</summary>
    public const int AudioSetClasses = 527;

    /// <summary>The reference's BatchNorm2d(eps=0.001, momentum=0.01), not PyTorch's defaults.</summary>
    public const double BatchNormEpsilon = 1e-3;

    public const double BatchNormMomentum = 0.01;

    /// <summary>se_r: the squeeze-excitation bottleneck divides the channels by this.</summary>
    public const int SqueezeReduction = 4;

    /// <summary>The MLP head's dropout, active in training only.</summary>
    public const double HeadDropout = 0.2;

    /// <summary>Names of the head's two linear layers (0 pools, 1 flattens, 3 is hard-swish, 4 dropout).</summary>
    public const string HiddenLinear = "classifier.2";

    public const string OutputLinear = "classifier.5";

    /// <summary>MobileNetV3-Large's 15 bneck rows before width scaling: in, kernel, expanded, out, SE, hard-swish, stride.</summary>
    private static readonly (int In, int Kernel, int Expanded, int Out, bool Se, bool HardSwish, int Stride)[] BaseBlocks =
    [
        (16, 3, 16, 16, false, false, 1),
        (16, 3, 64, 24, false, false, 2),
        (24, 3, 72, 24, false, false, 1),
        (24, 5, 72, 40, true, false, 2),
        (40, 5, 120, 40, true, false, 1),
        (40, 5, 120, 40, true, false, 1),
        (40, 3, 240, 80, false, true, 2),
        (80, 3, 200, 80, false, true, 1),
        (80, 3, 184, 80, false, true, 1),
        (80, 3, 184, 80, false, true, 1),
        (80, 3, 480, 112, true, true, 1),
        (112, 3, 672, 112, true, true, 1),
        (112, 5, 672, 160, true, true, 2),
        (160, 5, 960, 160, true, true, 1),
        (160, 5, 960, 160, true, true, 1),
    ];

    /// <summary>features.1 ... features.15.</summary>
    public static IReadOnlyList<EfficientAtBlock> Blocks { get; } =
    [
        .. BaseBlocks.Select((b, i) => new EfficientAtBlock(
            i + 1, Scale(b.In), b.Kernel, Scale(b.Expanded), Scale(b.Out), b.Se,
            b.HardSwish ? EfficientAtActivation.Hardswish : EfficientAtActivation.Relu, b.Stride)),
    ];

    /// <summary>features.0: 3x3 stride-2 convolution from the one mel channel to the first block's input.</summary>
    public static EfficientAtConv FirstConv { get; } =
        new("features.0", 1, Blocks[0].InChannels, 3, 2, 1, EfficientAtActivation.Hardswish);

    /// <summary>features.16: 1x1 convolution to six times the last block's channels; its global average is the embedding.</summary>
    public static EfficientAtConv LastConv { get; } =
        new($"features.{Blocks.Count + 1}", Blocks[^1].OutChannels, 6 * Blocks[^1].OutChannels, 1, 1, 1, EfficientAtActivation.Hardswish);

    /// <summary>384: the embedding and the head's input.</summary>
    public static int EmbeddingSize => LastConv.OutChannels;

    /// <summary>The head's hidden width, last_channel = make_divisible(1280 x 0.4, 8) = 512.</summary>
    public static int HiddenWidth { get; } = Scale(1280);

    /// <summary>The output of features.0 ... features.16 for a (128, 1000) input: (channels, bands, frames).</summary>
    public static IReadOnlyList<(int Channels, int Bands, int Frames)> FeatureOutputShapes()
    {
        var (f, t) = (FirstConv.OutputSize(MelBands), FirstConv.OutputSize(Frames));
        var result = new List<(int, int, int)> { (FirstConv.OutChannels, f, t) };
        foreach (var b in Blocks)
        {
            (f, t) = (b.Depthwise.OutputSize(f), b.Depthwise.OutputSize(t));
            result.Add((b.OutChannels, f, t));
        }

        result.Add((LastConv.OutChannels, f, t));
        return result;
    }

    /// <summary>Every convolution in order, with the batch norm that follows it.</summary>
    public static IEnumerable<EfficientAtConv> Convolutions()
    {
        yield return FirstConv;
        foreach (var b in Blocks)
        {
            if (b.Expansion is { } expansion)
            {
                yield return expansion;
            }

            yield return b.Depthwise;
            yield return b.Projection;
        }

        yield return LastConv;
    }

    /// <summary>
    /// Every float tensor of the state dict of a network with <paramref name="classes"/> outputs: name -> shape.
    /// The batch norms' <c>num_batches_tracked</c> counters are not here: the published weights leave them out.
    /// </summary>
    public static IReadOnlyDictionary<string, long[]> StateDict(int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        var result = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var conv in Convolutions())
        {
            result[conv.WeightName] = conv.WeightShape;
            foreach (var vector in new[] { "weight", "bias", "running_mean", "running_var" })
            {
                result[$"{conv.NormPrefix}.{vector}"] = [conv.OutChannels];
            }
        }

        foreach (var b in Blocks)
        {
            if (b.SqueezeExcitationPrefix is { } se)
            {
                result[$"{se}.fc1.weight"] = [b.SqueezeChannels, b.ExpandedChannels];
                result[$"{se}.fc1.bias"] = [b.SqueezeChannels];
                result[$"{se}.fc2.weight"] = [b.ExpandedChannels, b.SqueezeChannels];
                result[$"{se}.fc2.bias"] = [b.ExpandedChannels];
            }
        }

        result[$"{HiddenLinear}.weight"] = [HiddenWidth, EmbeddingSize];
        result[$"{HiddenLinear}.bias"] = [HiddenWidth];
        result[$"{OutputLinear}.weight"] = [classes, HiddenWidth];
        result[$"{OutputLinear}.bias"] = [classes];
        return result;
    }

    /// <summary>The batch norms' step counters: allowed (a fine-tuned export has them) but not needed, as I64 scalars.</summary>
    public static IEnumerable<string> BatchCounters() => Convolutions().Select(c => $"{c.NormPrefix}.num_batches_tracked");

    /// <summary>
    /// Checks <paramref name="tensors"/> as PyTorch's strict load_state_dict does, except that the batch counters
    /// may be absent: every float tensor of <see cref="StateDict"/> there with its shape, and nothing else.
    /// </summary>
    public static void CheckWeights(IReadOnlyDictionary<string, SafeTensor> tensors, string? path, int classes = AudioSetClasses) =>
        StateDictCheck.Check(tensors, StateDict(classes).ToDictionary(e => e.Key, e => (SafeTensorDType.F32, e.Value), StringComparer.Ordinal),
            BatchCounters().ToDictionary(c => c, _ => (SafeTensorDType.I64, Array.Empty<long>()), StringComparer.Ordinal), Architecture, path);

    /// <summary>
    /// Names of a fine-tuned copy of the last features (features.K ... features.16) that a head folder carries beside
    /// the pretrained ones: the head reads the copy's embedding while AudioSet's tags and music verdict keep the
    /// pretrained path, so fine-tuning for the user's labels cannot make them worse.
    /// </summary>
    public const string TunedPrefix = "tuned.";

    /// <summary>The last feature index (features.16, the 1x1 convolution whose average is the embedding).</summary>
    public static int LastFeature => Blocks.Count + 1;

    /// <summary>The blocks of a fine-tuned copy from <paramref name="first"/> on, under <see cref="TunedPrefix"/>.</summary>
    public static IEnumerable<EfficientAtBlock> TunedBlocks(int first) =>
        Blocks.Where(b => b.Feature >= first).Select(b => b with { Root = TunedPrefix + "features" });

    /// <summary>features.16 of a fine-tuned copy.</summary>
    public static EfficientAtConv TunedLastConv => LastConv with { Prefix = TunedPrefix + LastConv.Prefix };

    /// <summary>The float tensors of a fine-tuned copy of features.<paramref name="first"/> ... features.16: name -> shape.</summary>
    public static IReadOnlyDictionary<string, long[]> TunedStateDict(int first)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, LastFeature);
        return StateDict(AudioSetClasses).Where(e => FeatureOf(e.Key) >= first).ToDictionary(e => TunedPrefix + e.Key, e => e.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// Checks a fine-tuned copy as <see cref="CheckWeights"/> checks the network (batch counters optional) and returns
    /// the first feature it replaces: every tensor of features.K ... features.16 under <see cref="TunedPrefix"/>.
    /// </summary>
    public static int CheckTuned(IReadOnlyDictionary<string, SafeTensor> tuned, string? path)
    {
        ArgumentNullException.ThrowIfNull(tuned);
        var features = tuned.Keys.Select(k => k.StartsWith(TunedPrefix, StringComparison.Ordinal) ? FeatureOf(k[TunedPrefix.Length..]) : -1).ToList();
        var first = features.Count == 0 ? -1 : features.Min();
        if (first < 1)
        {
            throw new ModelFileException(path, $"the fine-tuned tensors ({TunedPrefix}features.K...) name no feature block from 1 to {LastFeature}");
        }

        var counters = BatchCounters().Where(c => FeatureOf(c) >= first).ToDictionary(c => TunedPrefix + c, _ => (SafeTensorDType.I64, Array.Empty<long>()), StringComparer.Ordinal);
        StateDictCheck.Check(tuned, TunedStateDict(first).ToDictionary(e => e.Key, e => (SafeTensorDType.F32, e.Value), StringComparer.Ordinal),
            counters, $"{Architecture} (fine-tuned from features.{first})", path);
        return first;
    }

    /// <summary>N of a <c>features.N.*</c> name; -1 for any other name.</summary>
    private static int FeatureOf(string name)
    {
        const string features = "features.";
        if (!name.StartsWith(features, StringComparison.Ordinal))
        {
            return -1;
        }

        var end = name.IndexOf('.', features.Length);
        return end > features.Length && int.TryParse(name.AsSpan(features.Length, end - features.Length), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
    }

    /// <summary>make_divisible(v, 8) of the reference (TensorFlow's rule): nearest multiple of 8, at least 8, never 10% below v.</summary>
    public static int MakeDivisible(double value, int divisor = 8)
    {
        var result = Math.Max(divisor, (int)(value + (divisor / 2.0)) / divisor * divisor);
        return result < 0.9 * value ? result + divisor : result;
    }

    private static int Scale(int channels) => MakeDivisible(channels * WidthMultiplier);
}
