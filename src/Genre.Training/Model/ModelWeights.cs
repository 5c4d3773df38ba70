using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Genre.Model;

/// <summary>Moves a network's state dict to and from safetensors tensors under PyTorch's names.</summary>
internal static class ModelWeights
{
    public static Dictionary<string, SafeTensor> Export(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = new Dictionary<string, SafeTensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in model.state_dict())
        {
            using var cpu = tensor.detach().cpu().contiguous();
            // Scalars (num_batches_tracked) as [1], as in the reference files; PyTorch loads [1] into a 0-dim buffer.
            var shape = cpu.shape.Length == 0 ? [1L] : cpu.shape;
            result[name] = cpu.dtype switch
            {
                ScalarType.Float32 => new SafeTensor(SafeTensorDType.F32, shape, MemoryMarshal.AsBytes<float>(cpu.data<float>().ToArray()).ToArray()),
                ScalarType.Int64 => new SafeTensor(SafeTensorDType.I64, shape, MemoryMarshal.AsBytes<long>(cpu.data<long>().ToArray()).ToArray()),
                _ => throw new InvalidOperationException($"state-dict entry '{name}' has unexpected type {cpu.dtype}"),
            };
        }

        return result;
    }

    /// <summary>
    /// Copies <paramref name="tensors"/> into <paramref name="model"/> as PyTorch's strict load_state_dict does: every
    /// entry must be there with its type and shape, and nothing else may be.
    /// </summary>
    public static void Import(GenreCnn model, IReadOnlyDictionary<string, SafeTensor> tensors, string? path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tensors);
        CnnLayout.CheckWeights(tensors, model.Classes, path);
        CopyInto(model, tensors);
    }

    /// <summary>
    /// Copies every tensor of <paramref name="tensors"/> into the state-dict entry of that name; entries without one
    /// keep their values. Callers check names, types and shapes first.
    /// </summary>
    internal static void CopyInto(nn.Module module, IReadOnlyDictionary<string, SafeTensor> tensors)
    {
        using var noGrad = no_grad();
        foreach (var (name, target) in module.state_dict())
        {
            if (!tensors.TryGetValue(name, out var source))
            {
                continue;
            }

            using var value = source.DType == SafeTensorDType.F32
                ? tensor(MemoryMarshal.Cast<byte, float>(source.Data).ToArray(), source.Shape)
                : tensor(MemoryMarshal.Cast<byte, long>(source.Data).ToArray(), source.Shape);
            target.copy_(value.reshape(target.shape));
        }
    }
}
