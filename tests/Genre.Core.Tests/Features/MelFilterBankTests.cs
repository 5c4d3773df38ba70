using Genre.Features;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Core.Tests.Features;

public class MelFilterBankTests
{
    [Fact]
    public void Dense_basis_matches_librosa_filters_mel()
    {
        var expected = Golden.LoadFloat32(Path.Combine(TestPaths.Librosa, "mel_basis_22050_2048_128.npy"), 128, 1025);

        var actual = MelFilterBank.Dense(22050, 2048, 128, 0, 11025);

        Golden.AssertClose(actual, expected, Golden.MelBasisTolerance, "mel basis");
    }

    [Fact]
    public void Sparse_filters_hold_every_nonzero_weight_of_the_dense_basis()
    {
        var dense = MelFilterBank.Dense(22050, 2048, 128, 0, 11025);
        var bank = MelFilterBank.Create(22050, 2048, 128);

        SparseMelBank.ToDense(bank).ShouldBe(dense);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(440.0)]
    [InlineData(1000.0)]
    [InlineData(8000.0)]
    public void Mel_scale_round_trips(double hz) =>
        MelFilterBank.MelToHz(MelFilterBank.HzToMel(hz)).ShouldBe(hz, 1e-9);
}
