using Genre.Data;
using static TorchSharp.torch;

namespace Genre.Training;

/// <summary>The three parts of a split as (N, 1, frames, coefficients) inputs and (N) labels, copied to the device once.</summary>
internal sealed class SplitTensors : IDisposable
{
    public SplitTensors(FeatureSet features, DataSplit split, Device device)
    {
        (TrainX, TrainY, _) = Gather(features, split.Train, device);
        (ValidationX, ValidationY, ValidationLabels) = Gather(features, split.Validation, device);
        (TestX, TestY, TestLabels) = Gather(features, split.Test, device);
    }

    public Tensor TrainX { get; }

    public Tensor TrainY { get; }

    public Tensor ValidationX { get; }

    public Tensor ValidationY { get; }

    public long[] ValidationLabels { get; }

    public Tensor TestX { get; }

    public Tensor TestY { get; }

    public long[] TestLabels { get; }

    public void Dispose()
    {
        foreach (var t in new[] { TrainX, TrainY, ValidationX, ValidationY, TestX, TestY })
        {
            t.Dispose();
        }
    }

    private static (Tensor X, Tensor Y, long[] Labels) Gather(FeatureSet features, int[] indices, Device device)
    {
        var size = features.SegmentSize;
        var x = new float[(long)indices.Length * size];
        var labels = new long[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            features.Segment(indices[i]).CopyTo(x.AsSpan(i * size, size));
            labels[i] = features.Labels[indices[i]];
        }

        return (tensor(x, [indices.Length, 1, features.Frames, features.Coefficients], device: device), tensor(labels, device: device), labels);
    }
}
