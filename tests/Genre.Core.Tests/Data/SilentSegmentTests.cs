using Genre.Audio;
using Genre.Core.Tests.TestSupport;
using Genre.Data;
using Shouldly;

namespace Genre.Core.Tests.Data;

/// <summary>Extraction marks segments of digital silence, and the flag survives the .npz, so evaluation can leave them out as prediction does.</summary>
public sealed class SilentSegmentTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_silent_middle_segment_is_flagged_and_saved()
    {
        var tone = BadInputs.Tone(66150, 22050);
        var clip = new short[66150 * 3];
        tone.CopyTo(clip, 0);
        tone.CopyTo(clip, 66150 * 2);
        Directory.CreateDirectory(_dir.Combine("data", "blues"));
        AudioFileWriter.Write(_dir.Combine("data", "blues", "b.00000.wav"), clip, 22050, 1, AudioFileFormat.WavPcm16);

        var features = DatasetExtractor.Extract(GtzanDataset.Open(_dir.Combine("data"))).Features;
        features.Save(_dir.File("f.npz"));

        features.Silent.ShouldBe([false, true, false]);
        FeatureSet.Load(_dir.File("f.npz")).Silent.ShouldBe([false, true, false]);
    }
}
