namespace Genre.Model;

/// <summary>The element types of a safetensors file that the CNN's state dict uses.</summary>
internal enum SafeTensorDType
{
    /// <summary>float32: weights, biases, batch-norm statistics.</summary>
    F32,

    /// <summary>int64: batch norm's num_batches_tracked.</summary>
    I64,
}
