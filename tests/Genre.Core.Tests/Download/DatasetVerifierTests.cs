using Genre.Core.Tests.TestSupport;
using Genre.Data.Download;
using Shouldly;

namespace Genre.Core.Tests.Download;

public class DatasetVerifierTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Counts_clips_and_duration_per_genre_and_names_the_known_corrupt_file()
    {
        var zip = _temp.Combine("gtzan.zip");
        File.WriteAllBytes(zip, GtzanTestArchive.Kaggle);
        var dest = _temp.Combine("data", "gtzan");
        GtzanArchive.Install(zip, dest, force: false);

        var verification = DatasetVerifier.Verify(dest);

        verification.Genres.Select(g => (g.Genre, g.Clips, g.Unreadable)).ShouldBe([("blues", 2, 0), ("classical", 2, 0), ("jazz", 2, 1)]);
        verification.Genres.ShouldAllBe(g => g.Duration == 2 * GtzanTestArchive.ClipDuration);
        verification.Duration.ShouldBe(6 * GtzanTestArchive.ClipDuration);
        var unreadable = verification.Unreadable.ShouldHaveSingleItem();
        unreadable.Path.ShouldBe(Path.Combine(dest, "genres_original", "jazz", GtzanTestArchive.KnownCorrupt));
        unreadable.Reason.ShouldContain("known corrupt in the Kaggle archive");
        verification.NextCommand.ShouldBe($"genre extract --data {dest} --out {Path.Combine(dest, "features.npz")}");
    }

    [Fact]
    public void An_unreadable_file_that_is_not_known_gets_only_its_reason()
    {
        var genre = Directory.CreateDirectory(_temp.Combine("genres_original", "rock")).FullName;
        File.WriteAllBytes(Path.Combine(genre, "rock.00001.wav"), []);

        var verification = DatasetVerifier.Verify(_temp.Path);

        var unreadable = verification.Unreadable.ShouldHaveSingleItem();
        unreadable.Reason.ShouldBe("the file is empty (0 bytes)");
        verification.Clips.ShouldBe(0);
    }

    [Theory]
    [InlineData("data/gtzan", "genre extract --data data/gtzan --out data/gtzan/features.npz")]
    [InlineData("my data", "genre extract --data 'my data' --out 'my data/features.npz'")]
    public void The_next_command_is_ready_to_paste(string destination, string expected)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "POSIX paths");
        DatasetVerifier.NextCommand(destination).ShouldBe(expected);
    }
}
