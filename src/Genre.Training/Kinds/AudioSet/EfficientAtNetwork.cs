using Genre.Model;
using Genre.Training.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;
using static TorchSharp.torch;

namespace Genre.Kinds.AudioSet;

/// <summary>
/// EfficientAT mn04 as a TorchSharp module, for training and fine-tuning: mel (B, 1, 128, 1000) -> (logits (B, classes),
/// embedding (B, 384)), the embedding being the global average of features.16 before the MLP head. Submodule names
/// are the reference's (<c>features.0.0.weight</c>, <c>features.4.block.2.conc_se_layers.0.fc1.weight</c>,
/// <c>classifier.5.bias</c>, ...), so its state dict is interchangeable with the PyTorch model's. Inference uses
/// <see cref="EfficientAtOnnxNetwork"/> instead, which never loads libtorch.
/// </summary>
internal sealed class EfficientAtNetwork : Module<Tensor, (Tensor Logits, Tensor Embedding)>
{
    // Field names are the state-dict prefixes: RegisterComponents uses them.
#pragma warning disable IDE1006, CA2213 // PyTorch's names; the base class disposes registered modules.
    private readonly Sequential features;
    private readonly Sequential classifier;
#pragma warning restore IDE1006, CA2213

    public EfficientAtNetwork(int classes = EfficientAtLayout.AudioSetClasses) : base(nameof(EfficientAtNetwork))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        Classes = classes;
        var last = EfficientAtLayout.Blocks.Count + 1;
        features = Sequential([
            ("0", ConvNormActivation(EfficientAtLayout.FirstConv)),
            .. EfficientAtLayout.Blocks.Select(b => ($"{b.Feature}", (Module<Tensor, Tensor>)new EfficientAtInvertedResidual(b))),
            ($"{last}", ConvNormActivation(EfficientAtLayout.LastConv)),
        ]);
        classifier = Sequential(
            ("0", AdaptiveAvgPool2d(1)), ("1", Flatten()),
            ("2", Linear(EfficientAtLayout.EmbeddingSize, EfficientAtLayout.HiddenWidth)), ("3", Hardswish()),
            ("4", Dropout(EfficientAtLayout.HeadDropout)), ("5", Linear(EfficientAtLayout.HiddenWidth, classes)));
        RegisterComponents();
    }

    public int Classes { get; }

    public override (Tensor Logits, Tensor Embedding) forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = features.call(input);
        var embedding = x.mean([2, 3]);
        var logits = classifier.call(x);
        return (logits.MoveToOuterDisposeScope(), embedding.MoveToOuterDisposeScope());
    }

    /// <summary>The output of every block features.0 ... features.16, to find where a difference from the reference starts.</summary>
    public IReadOnlyList<Tensor> FeatureOutputs(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outputs = new List<Tensor>();
        var x = input;
        for (var i = 0; i < features.Count; i++)
        {
            x = ((Module<Tensor, Tensor>)features[i]).call(x);
            outputs.Add(x);
        }

        return outputs;
    }

    /// <summary>features.<paramref name="from"/> ... features.<c><paramref name="to"/> - 1</c> on <paramref name="input"/> (the output of features.<c>from - 1</c>).</summary>
    public Tensor Features(Tensor input, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, features.Count);
        using var scope = NewDisposeScope();
        var x = input;
        for (var i = from; i < to; i++)
        {
            x = ((Module<Tensor, Tensor>)features[i]).call(x);
        }

        return (from == to ? x.alias() : x).MoveToOuterDisposeScope();
    }

    /// <summary>The embedding (batch, 384) from the output of features.<c><paramref name="from"/> - 1</c>: the rest of the features, then the global average.</summary>
    public Tensor Embedding(Tensor input, int from)
    {
        using var scope = NewDisposeScope();
        using var x = Features(input, from, features.Count);
        return x.mean([2, 3]).MoveToOuterDisposeScope();
    }

    /// <summary>The parameters of features.<paramref name="from"/> ... features.16, the part fine-tuning trains.</summary>
    public IEnumerable<Parameter> FeatureParameters(int from) =>
        Enumerable.Range(from, features.Count - from).SelectMany(i => ((Module)features[i]).parameters());

    /// <summary>
    /// The float tensors of features.<paramref name="from"/> ... features.16 under <see cref="EfficientAtLayout.TunedPrefix"/>:
    /// the fine-tuned copy a head folder carries (the step counters, which nothing reads, are left out).
    /// </summary>
    public Dictionary<string, SafeTensor> ExportTuned(int from)
    {
        var names = EfficientAtLayout.TunedStateDict(from);
        return ModelWeights.Export(this).Where(e => names.ContainsKey(EfficientAtLayout.TunedPrefix + e.Key))
            .ToDictionary(e => EfficientAtLayout.TunedPrefix + e.Key, e => e.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// Copies PyTorch-named weights in as a strict load_state_dict does (every tensor there with its shape, nothing
    /// unknown), except that the batch norms' step counters may be absent, as they are from the published weights.
    /// </summary>
    public void Import(IReadOnlyDictionary<string, SafeTensor> tensors, string? path)
    {
        EfficientAtLayout.CheckWeights(tensors, path, Classes);
        ModelWeights.CopyInto(this, tensors);
    }

    /// <summary>torchvision's ConvNormActivation under its indices: convolution 0, batch norm 1, activation 2.</summary>
    internal static Sequential ConvNormActivation(EfficientAtConv conv)
    {
        var layers = new List<(string, Module<Tensor, Tensor>)>
        {
            ("0", Conv2d(conv.InChannels, conv.OutChannels, conv.Kernel, stride: conv.Stride, padding: conv.Padding, groups: conv.Groups, bias: false)),
            ("1", new SafeBatchNorm2d(conv.OutChannels, eps: EfficientAtLayout.BatchNormEpsilon, momentum: EfficientAtLayout.BatchNormMomentum)),
        };
        switch (conv.Activation)
        {
            case EfficientAtActivation.Relu:
                layers.Add(("2", ReLU()));
                break;
            case EfficientAtActivation.Hardswish:
                layers.Add(("2", Hardswish()));
                break;
            case EfficientAtActivation.None:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(conv), conv.Activation, null);
        }

        return Sequential(layers);
    }
}
