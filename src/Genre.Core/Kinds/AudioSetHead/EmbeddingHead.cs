using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Genre.Model;

namespace Genre.Kinds.AudioSetHead;

/// <summary>
/// A small classifier on the AudioSet network's 384-d window embeddings: the embedding standardised by the training
/// windows' mean and spread, then either one linear layer (logistic regression) or a hidden ReLU layer and a linear
/// output (an MLP); its outputs are logits over the user's labels. Stored in the model folder's weights under
/// <c>head.*</c>. Managed code, one thread, so its outputs are exactly the same on every run.
/// </summary>
internal sealed class EmbeddingHead
{
    public const string Prefix = "head.";
    public const string InputMeanName = "head.input_mean";
    public const string InputScaleName = "head.input_scale";
    public const string HiddenWeightName = "head.hidden.weight";
    public const string HiddenBiasName = "head.hidden.bias";
    public const string OutputWeightName = "head.output.weight";
    public const string OutputBiasName = "head.output.bias";

    public const string Logistic = "logistic";
    public const string Mlp = "mlp";

    public const int InputSize = 384;

    /// <summary>The parameters as they are used (no copy): training updates them in place.</summary>
    public EmbeddingHead(float[] inputMean, float[] inputScale, float[]? hiddenWeight, float[]? hiddenBias, float[] outputWeight, float[] outputBias)
    {
        InputMean = inputMean;
        InputScale = inputScale;
        HiddenWeight = hiddenWeight ?? [];
        HiddenBias = hiddenBias ?? [];
        OutputWeight = outputWeight;
        OutputBias = outputBias;
        Classes = outputBias.Length;
        HiddenUnits = HiddenBias.Length;
    }

    public int Classes { get; }

    /// <summary>0 for logistic regression.</summary>
    public int HiddenUnits { get; }

    public string Type => HiddenUnits == 0 ? Logistic : Mlp;

    /// <summary>What the output layer reads: the hidden layer, or the standardised embedding.</summary>
    public int OutputInputs => HiddenUnits == 0 ? InputSize : HiddenUnits;

#pragma warning disable CA1819 // The parameters, updated in place by the trainer.
    public float[] InputMean { get; }

    public float[] InputScale { get; }

    public float[] HiddenWeight { get; }

    public float[] HiddenBias { get; }

    public float[] OutputWeight { get; }

    public float[] OutputBias { get; }
#pragma warning restore CA1819

    /// <summary>(embedding - mean) x scale.</summary>
    public void Normalize(ReadOnlySpan<float> embedding, Span<float> destination)
    {
        TensorPrimitives.Subtract(embedding, InputMean, destination);
        TensorPrimitives.Multiply(destination, InputScale, destination);
    }

    /// <summary>
    /// The logits of one standardised embedding; <paramref name="hidden"/> (<see cref="HiddenUnits"/> long) receives the
    /// hidden layer after its ReLU, for the trainer's backward pass.
    /// </summary>
    public void Forward(ReadOnlySpan<float> normalized, Span<float> hidden, Span<float> logits)
    {
        ReadOnlySpan<float> input = normalized;
        if (HiddenUnits > 0)
        {
            for (var j = 0; j < HiddenUnits; j++)
            {
                hidden[j] = MathF.Max(0f, TensorPrimitives.Dot(HiddenWeight.AsSpan(j * InputSize, InputSize), normalized) + HiddenBias[j]);
            }

            input = hidden[..HiddenUnits];
        }

        for (var c = 0; c < Classes; c++)
        {
            logits[c] = TensorPrimitives.Dot(OutputWeight.AsSpan(c * input.Length, input.Length), input) + OutputBias[c];
        }
    }

    /// <summary>Logits (count x <see cref="Classes"/>) of <paramref name="count"/> raw embeddings given row-major.</summary>
    public float[] Logits(ReadOnlySpan<float> embeddings, int count)
    {
        if (embeddings.Length != count * InputSize)
        {
            throw new ArgumentException($"{count} embeddings need {count * InputSize} floats, got {embeddings.Length}", nameof(embeddings));
        }

        var logits = new float[count * Classes];
        var normalized = new float[InputSize];
        var hidden = new float[HiddenUnits];
        for (var i = 0; i < count; i++)
        {
            Normalize(embeddings.Slice(i * InputSize, InputSize), normalized);
            Forward(normalized, hidden, logits.AsSpan(i * Classes, Classes));
        }

        return logits;
    }

    /// <summary>The tensors of the model folder's weights file, under <c>head.*</c> names.</summary>
    public Dictionary<string, SafeTensor> Tensors()
    {
        var result = new Dictionary<string, SafeTensor>(StringComparer.Ordinal)
        {
            [InputMeanName] = Tensor(InputMean, InputSize),
            [InputScaleName] = Tensor(InputScale, InputSize),
            [OutputWeightName] = Tensor(OutputWeight, Classes, OutputInputs),
            [OutputBiasName] = Tensor(OutputBias, Classes),
        };
        if (HiddenUnits > 0)
        {
            result[HiddenWeightName] = Tensor(HiddenWeight, HiddenUnits, InputSize);
            result[HiddenBiasName] = Tensor(HiddenBias, HiddenUnits);
        }

        return result;
    }

    /// <summary>
    /// Checks the <c>head.*</c> tensors as a strict load_state_dict would, for a head of <paramref name="type"/> with
    /// <paramref name="hiddenUnits"/> and <paramref name="classes"/> outputs; every problem is a <see cref="ModelFileException"/> naming <paramref name="path"/>.
    /// </summary>
    public static void Check(IReadOnlyDictionary<string, SafeTensor> tensors, string type, int hiddenUnits, int classes, string? path)
    {
        var required = new Dictionary<string, (SafeTensorDType, long[])>(StringComparer.Ordinal)
        {
            [InputMeanName] = (SafeTensorDType.F32, [InputSize]),
            [InputScaleName] = (SafeTensorDType.F32, [InputSize]),
            [OutputWeightName] = (SafeTensorDType.F32, [classes, type == Mlp ? hiddenUnits : InputSize]),
            [OutputBiasName] = (SafeTensorDType.F32, [classes]),
        };
        if (type == Mlp)
        {
            required[HiddenWeightName] = (SafeTensorDType.F32, [hiddenUnits, InputSize]);
            required[HiddenBiasName] = (SafeTensorDType.F32, [hiddenUnits]);
        }

        StateDictCheck.Check(tensors, required, new Dictionary<string, (SafeTensorDType, long[])>(), $"the {type} head", path);
    }

    /// <summary>The head of checked tensors (<see cref="Check"/>).</summary>
    public static EmbeddingHead FromTensors(IReadOnlyDictionary<string, SafeTensor> tensors)
    {
        float[] Values(string name) => MemoryMarshal.Cast<byte, float>(tensors[name].Data).ToArray();
        var mlp = tensors.ContainsKey(HiddenWeightName);
        return new EmbeddingHead(Values(InputMeanName), Values(InputScaleName), mlp ? Values(HiddenWeightName) : null, mlp ? Values(HiddenBiasName) : null,
            Values(OutputWeightName), Values(OutputBiasName));
    }

    private static SafeTensor Tensor(float[] values, params long[] shape) =>
        new(SafeTensorDType.F32, shape, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
}
