using Genre.Model;

namespace Genre.Kinds.Crnn;

/// <summary>
/// The hyper-parameters of the CRNN and the state dict they imply, with no TorchSharp types, so the ONNX prediction
/// path builds and checks it without loading libtorch: two Conv2d -> BatchNorm2d -> ReLU -> MaxPool2d blocks over one
/// 3 s MFCC segment (130 frames x 13 coefficients), then a GRU over the 32 pooled time steps (each step the 32
/// channels x 3 pooled coefficient bands), then one linear layer on the GRU's last hidden state. One segment, not a
/// run of segments: the prediction path, the windows a track is cut into and the split protocol stay the CNN's.
/// </summary>
internal static class CrnnLayout
{
    /// <summary>Identifies this exact layer stack in model cards.</summary>
    public const string Architecture = "gtzan-crnn-v1";

    public const int Frames = CnnLayout.Frames;

    public const int Coefficients = CnnLayout.Coefficients;

    /// <summary>Output channels of every convolution.</summary>
    public const int Channels = 32;

    /// <summary>The GRU's hidden size.</summary>
    public const int Hidden = 64;

    /// <summary>Dropout before the output layer in training.</summary>
    public const double Dropout = 0.3;

    public const float BatchNormEpsilon = 1e-5f;

    /// <summary>Index of each layer inside a <c>blockN</c> Sequential (PyTorch's state-dict names).</summary>
    public const int ConvIndex = 0;

    public const int BatchNormIndex = 1;

    /// <summary>block1, block2: 3x3 convolution (same size), then 2x2 max-pooling that halves time and coefficients.</summary>
    public static IReadOnlyList<CnnBlock> Blocks { get; } =
    [
        new(InChannels: 1, ConvKernel: 3, ConvPadding: 1, PoolKernel: 2, PoolStride: 2, PoolPadding: 0),
        new(InChannels: Channels, ConvKernel: 3, ConvPadding: 1, PoolKernel: 2, PoolStride: 2, PoolPadding: 0),
    ];

    /// <summary>Time steps and coefficient bands after the blocks: (32, 3).</summary>
    public static (int Steps, int Bands) PooledSize
    {
        get
        {
            var (h, w) = (Frames, Coefficients);
            foreach (var b in Blocks)
            {
                (h, w) = (b.PooledSize(b.ConvolvedSize(h)), b.PooledSize(b.ConvolvedSize(w)));
            }

            return (h, w);
        }
    }

    /// <summary>Features of one GRU time step: channels x pooled coefficient bands.</summary>
    public static int StepFeatures => Channels * PooledSize.Bands;

    /// <summary>Every state-dict entry of a network with <paramref name="classes"/> outputs: name -> (type, shape).</summary>
    public static IReadOnlyDictionary<string, (SafeTensorDType DType, long[] Shape)> StateDict(int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        var result = new Dictionary<string, (SafeTensorDType, long[])>(StringComparer.Ordinal);
        for (var i = 0; i < Blocks.Count; i++)
        {
            CnnLayout.AddBlock(result, $"block{i + 1}.{ConvIndex}", $"block{i + 1}.{BatchNormIndex}", Blocks[i], Channels);
        }

        // PyTorch's GRU names; gate rows in PyTorch's order r, z, n.
        result["gru.weight_ih_l0"] = (SafeTensorDType.F32, [3 * Hidden, StepFeatures]);
        result["gru.weight_hh_l0"] = (SafeTensorDType.F32, [3 * Hidden, Hidden]);
        result["gru.bias_ih_l0"] = (SafeTensorDType.F32, [3 * Hidden]);
        result["gru.bias_hh_l0"] = (SafeTensorDType.F32, [3 * Hidden]);
        result["fc.weight"] = (SafeTensorDType.F32, [classes, Hidden]);
        result["fc.bias"] = (SafeTensorDType.F32, [classes]);
        return result;
    }

    /// <summary>Checks <paramref name="tensors"/> as PyTorch's strict load_state_dict does.</summary>
    public static void CheckWeights(IReadOnlyDictionary<string, SafeTensor> tensors, int classes, string? path) =>
        StateDictCheck.Check(tensors, StateDict(classes), new Dictionary<string, (SafeTensorDType, long[])>(), Architecture, path);
}
