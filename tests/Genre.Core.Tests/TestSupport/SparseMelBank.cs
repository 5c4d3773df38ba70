using Genre.Features;

namespace Genre.Core.Tests.TestSupport;

/// <summary>Rebuilds the dense matrix from a sparse <see cref="MelFilterBank"/>, to check the sparse form lost no weight.</summary>
internal static class SparseMelBank
{
    public static float[] ToDense(MelFilterBank bank)
    {
        var dense = new float[bank.Bands * bank.Bins];
        for (var m = 0; m < bank.Bands; m++)
        {
            bank.Weights[m].CopyTo(dense.AsSpan((m * bank.Bins) + bank.Start[m]));
        }

        return dense;
    }
}
