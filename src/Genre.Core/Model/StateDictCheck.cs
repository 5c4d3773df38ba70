namespace Genre.Model;

/// <summary>
/// Checks weights as PyTorch's strict load_state_dict does, for any architecture: every required entry there with its
/// type and shape, optional ones (batch counters a converted file may lack) allowed, nothing else. Every problem is a
/// <see cref="ModelFileException"/> naming the tensor.
/// </summary>
internal static class StateDictCheck
{
    public static void Check(IReadOnlyDictionary<string, SafeTensor> tensors, IReadOnlyDictionary<string, (SafeTensorDType DType, long[] Shape)> required,
        IReadOnlyDictionary<string, (SafeTensorDType DType, long[] Shape)> optional, string architecture, string? path)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var missing = required.Keys.Where(k => !tensors.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new ModelFileException(path, $"weights are missing {missing.Count} tensor(s) of {architecture}: {string.Join(", ", missing)}");
        }

        var unexpected = tensors.Keys.Where(k => !required.ContainsKey(k) && !optional.ContainsKey(k)).ToList();
        if (unexpected.Count > 0)
        {
            throw new ModelFileException(path, $"weights hold tensor(s) that {architecture} does not have: {string.Join(", ", unexpected)}");
        }

        foreach (var (name, source) in tensors)
        {
            var (dtype, shape) = required.TryGetValue(name, out var entry) ? entry : optional[name];
            var sameShape = source.Shape.SequenceEqual(shape) || (shape.Length == 0 && source.Shape is [1]);
            if (source.DType != dtype || !sameShape)
            {
                throw new ModelFileException(path,
                    $"tensor '{name}' is {source.DType} {source.ShapeText}, the model needs {dtype} [{string.Join(", ", shape)}]");
            }
        }
    }
}
