using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Genre.Inference;

/// <summary>
/// An ONNX Runtime session over an in-memory model with this project's settings: sequential execution, a fixed
/// number of intra-op threads, every graph optimisation (fusions and the NCHWc layout transform). The networks around
/// it differ only in their graph and in what they do with the outputs. Thread-safe: ORT's Run may be called
/// concurrently on one session.
/// </summary>
internal sealed class OrtSession : IDisposable
{
    private readonly SessionOptions _options;
    private readonly InferenceSession _session;

    public OrtSession(byte[] model, int intraOpThreads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intraOpThreads, 1);
        _options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            _session = new InferenceSession(model, _options);
        }
        catch
        {
            _options.Dispose();
            throw;
        }
    }

    /// <summary>Runs the graph on one float input of <paramref name="shape"/>; the caller disposes the outputs.</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(string inputName, ReadOnlySpan<float> input, long[] shape, IReadOnlyCollection<string> outputNames)
    {
        // ORT reads the input in place from this buffer; copying the span in costs microseconds.
        using var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, shape);
        input.CopyTo(value.GetTensorMutableDataAsSpan<float>());
        using var runOptions = new RunOptions();
        return _session.Run(runOptions, [inputName], [value], outputNames);
    }

    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
    }
}
