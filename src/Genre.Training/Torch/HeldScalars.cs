using TorchSharp;

namespace Genre.Training.Torch;

/// <summary>
/// Scalars that outlive every native call they are passed to. TorchSharp 0.107 turns a number into a
/// <see cref="Scalar"/> implicitly (<c>t.add_(u)</c> passes <c>alpha: 1</c>, <c>t * 0.5</c> passes <c>0.5</c>) and hands
/// the native function the scalar's raw pointer; nothing keeps the managed object alive during the call, so a GC on
/// another thread can finalise it and libtorch reads freed memory. Seen in CI as "For integral input tensors, argument
/// alpha must not be a floating point number" from BatchNorm's step counter, and reproduced in seconds by training
/// beside a thread that collects (ScalarLifetimeTests). Training code passes these fields, or a scalar in a
/// <c>using</c> declaration, never a bare number.
/// </summary>
internal static class HeldScalars
{
    /// <summary>1 as an integer scalar: the <c>alpha</c> of a plain addition, valid for integer and float tensors.</summary>
    public static Scalar One { get; } = 1L.ToScalar();
}
