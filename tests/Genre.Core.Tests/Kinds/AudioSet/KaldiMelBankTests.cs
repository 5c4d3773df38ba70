using Genre.Core.Tests.TestSupport;
using Genre.Kinds.AudioSet;
using Shouldly;

namespace Genre.Core.Tests.Kinds.AudioSet;

public class KaldiMelBankTests
{
    [Fact]
    public void Dense_bank_matches_torchaudio_kaldi_get_mel_banks()
    {
        var expected = Golden.LoadFloat32(Path.Combine(TestPaths.EfficientAt, "mel_banks_kaldi_128_1024_32k_0_15000.npy"), 128, 513);

        var actual = KaldiMelBank.Dense(32000, 1024, 128, 0, 15000);

        // Measured: bit for bit (max |diff| 0).
        Golden.AssertClose(actual, expected, Golden.MelBasisTolerance, "Kaldi mel bank");
    }

    [Fact]
    public void Sparse_filters_hold_every_nonzero_weight_and_never_the_nyquist_bin()
    {
        var dense = KaldiMelBank.Dense(32000, 1024, 128, 0, 15000);
        var bank = KaldiMelBank.Create(32000, 1024, 128, 0, 15000);

        SparseMelBank.ToDense(bank).ShouldBe(dense);
        for (var m = 0; m < bank.Bands; m++)
        {
            bank.Weights[m].ShouldNotBeEmpty($"filter {m}");
            (bank.Start[m] + bank.Weights[m].Length).ShouldBeLessThan(bank.Bins, $"filter {m} reaches the Nyquist bin");
        }
    }

    [Fact]
    public void Kaldi_mel_scale_is_1127_ln_of_1_plus_f_over_700() =>
        KaldiMelBank.HzToMel(700).ShouldBe(1127 * Math.Log(2), 1e-12);
}
