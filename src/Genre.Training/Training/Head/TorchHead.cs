using Genre.Kinds.AudioSetHead;
using Genre.Training.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Genre.Training.Head;

/// <summary>
/// An <see cref="EmbeddingHead"/> as TorchSharp parameters, so fine-tuning can train it together with the network's
/// blocks: the same computation (standardise with the fixed training mean and scale, an optional hidden ReLU layer,
/// the output layer), and back to an <see cref="EmbeddingHead"/> for the model folder.
/// </summary>
internal sealed class TorchHead : IDisposable
{
    private readonly float[] _mean;
    private readonly float[] _scaleValues;
    private readonly Tensor _scale;
    private readonly Tensor _shift;
    private readonly Parameter? _hiddenWeight;
    private readonly Parameter? _hiddenBias;
    private readonly Parameter _outputWeight;
    private readonly Parameter _outputBias;

    public TorchHead(EmbeddingHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        _mean = head.InputMean;
        _scaleValues = head.InputScale;
        _scale = tensor(head.InputScale);
        // (e - mean) x scale = e x scale + (-mean x scale): no subtraction, whose implicit alpha a GC could free (HeldScalars).
        _shift = tensor(head.InputMean.Select((m, d) => -m * head.InputScale[d]).ToArray());
        if (head.HiddenUnits > 0)
        {
            _hiddenWeight = new Parameter(tensor(head.HiddenWeight, [head.HiddenUnits, EmbeddingHead.InputSize]));
            _hiddenBias = new Parameter(tensor(head.HiddenBias));
        }

        _outputWeight = new Parameter(tensor(head.OutputWeight, [head.Classes, head.OutputInputs]));
        _outputBias = new Parameter(tensor(head.OutputBias));
    }

    /// <summary>The labels: the output layer's width.</summary>
    public long Classes => _outputBias.shape[0];

    /// <summary>The trained parameters: hidden weight and bias (an MLP's), output weight and bias.</summary>
    public IEnumerable<Parameter> Parameters => _hiddenWeight is null ? [_outputWeight, _outputBias] : [_hiddenWeight, _hiddenBias!, _outputWeight, _outputBias];

    /// <summary>Logits (batch, classes) of raw embeddings (batch, 384).</summary>
    public Tensor Forward(Tensor embedding)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        using var scope = NewDisposeScope();
        var x = embedding.mul(_scale).add(_shift, HeldScalars.One);
        if (_hiddenWeight is not null)
        {
            x = nn.functional.relu(nn.functional.linear(x, _hiddenWeight, _hiddenBias));
        }

        return nn.functional.linear(x, _outputWeight, _outputBias).MoveToOuterDisposeScope();
    }

    /// <summary>The L2 penalty on the weights (not the biases) times <paramref name="halfDecay"/>: its gradient is the head trainer's decay x weight.</summary>
    public Tensor Penalty(Scalar halfDecay)
    {
        using var scope = NewDisposeScope();
        var sum = _outputWeight.mul(_outputWeight).sum();
        if (_hiddenWeight is not null)
        {
            sum = sum.add(_hiddenWeight.mul(_hiddenWeight).sum(), HeldScalars.One);
        }

        return sum.mul(halfDecay).MoveToOuterDisposeScope();
    }

    /// <summary>The head with the parameters' current values.</summary>
    public EmbeddingHead ToEmbeddingHead() =>
        new(_mean, _scaleValues, _hiddenWeight is null ? null : Values(_hiddenWeight), _hiddenBias is null ? null : Values(_hiddenBias), Values(_outputWeight),
            Values(_outputBias));

    public void Dispose()
    {
        foreach (var t in new Tensor?[] { _scale, _shift, _hiddenWeight, _hiddenBias, _outputWeight, _outputBias })
        {
            t?.Dispose();
        }
    }

    private static float[] Values(Tensor t)
    {
        using var detached = t.detach().contiguous();
        return detached.data<float>().ToArray();
    }
}
