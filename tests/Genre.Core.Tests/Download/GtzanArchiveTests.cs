using Genre.Core.Tests.TestSupport;
using Genre.Data.Download;
using Shouldly;

namespace Genre.Core.Tests.Download;

public class GtzanArchiveTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Dest => _temp.Combine("gtzan");

    private string WriteZip(byte[] content, string name = "gtzan.zip")
    {
        var path = _temp.Combine(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Theory]
    [InlineData("Data/")]
    [InlineData("")]
    public void Installs_clips_and_feature_tables_and_nothing_else(string prefix)
    {
        var zip = WriteZip(GtzanTestArchive.Build(prefix));

        var installed = GtzanArchive.Install(zip, Dest, force: false);

        installed.ClipFiles.ShouldBe(GtzanTestArchive.Genres.Length * GtzanTestArchive.ClipsPerGenre + 1);
        installed.FeatureTables.ShouldBe(["features_30_sec.csv"]);
        File.ReadAllText(Path.Combine(Dest, "features_30_sec.csv")).ShouldBe(GtzanTestArchive.FeaturesCsv);
        File.Exists(Path.Combine(Dest, "genres_original", "blues", "blues.00001.wav")).ShouldBeTrue();
        Directory.GetFileSystemEntries(Dest).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["features_30_sec.csv", "genres_original"]);
        File.Exists(zip).ShouldBeTrue();
    }

    [Fact]
    public void Reports_progress_up_to_the_last_file()
    {
        var zip = WriteZip(GtzanTestArchive.Kaggle);
        var reports = new List<ArchiveProgress>();

        GtzanArchive.Install(zip, Dest, force: false, progress: new SynchronousProgress<ArchiveProgress>(reports.Add));

        reports[^1].Done.ShouldBe(reports[^1].Total);
        reports.Count.ShouldBe(reports[^1].Total);
    }

    [Fact]
    public void An_existing_dataset_is_refused_without_force()
    {
        Directory.CreateDirectory(Path.Combine(Dest, "genres_original", "old"));
        var zip = WriteZip(GtzanTestArchive.Kaggle);

        var error = Should.Throw<OutputException>(() => GtzanArchive.Install(zip, Dest, force: false));

        error.Message.ShouldContain("--force");
        Directory.Exists(Path.Combine(Dest, "genres_original", "old")).ShouldBeTrue();
    }

    [Fact]
    public void Force_replaces_an_existing_dataset()
    {
        Directory.CreateDirectory(Path.Combine(Dest, "genres_original", "old"));
        var zip = WriteZip(GtzanTestArchive.Kaggle);

        var installed = GtzanArchive.Install(zip, Dest, force: true);

        installed.Replaced.ShouldBeTrue();
        Directory.GetDirectories(Path.Combine(Dest, "genres_original")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(GtzanTestArchive.Genres);
        Directory.GetDirectories(Dest).Select(Path.GetFileName).ShouldBe(["genres_original"]);
    }

    [Fact]
    public void A_truncated_download_is_deleted_and_the_error_says_to_download_again()
    {
        var whole = GtzanTestArchive.Kaggle;
        var zip = WriteZip(whole[..(whole.Length / 2)]);

        var error = Should.Throw<ArchiveException>(() => GtzanArchive.Install(zip, Dest, force: false, deleteIfCorrupt: true));

        error.Message.ShouldContain("truncated or not a zip file");
        error.Message.ShouldContain("genre download again");
        File.Exists(zip).ShouldBeFalse();
        Directory.Exists(Path.Combine(Dest, "genres_original")).ShouldBeFalse();
    }

    [Fact]
    public void A_users_non_zip_file_is_kept_and_the_error_says_to_delete_and_download_it_again()
    {
        var zip = WriteZip("<html>Please sign in</html>"u8.ToArray(), "page.zip");

        var error = Should.Throw<ArchiveException>(() => GtzanArchive.Install(zip, Dest, force: false));

        error.Message.ShouldStartWith(zip);
        error.Message.ShouldContain("delete it and download it again");
        File.Exists(zip).ShouldBeTrue();
    }

    [Theory]
    [InlineData("../../evil.txt")]
    [InlineData("Data/genres_original/../../../evil.txt")]
    [InlineData("/tmp/evil.txt")]
    [InlineData("..\\evil.txt")]
    public void Zip_slip_entries_refuse_the_whole_archive(string entry)
    {
        var zip = WriteZip(GtzanTestArchive.Build("Data/", (entry, "pwned"u8.ToArray())));

        var error = Should.Throw<ArchiveException>(() => GtzanArchive.Install(zip, Dest, force: false));

        error.Message.ShouldContain($"unsafe entry '{entry}'");
        Directory.Exists(Path.Combine(Dest, "genres_original")).ShouldBeFalse();
        Directory.EnumerateFiles(_temp.Path, "evil.txt", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public void An_archive_without_clips_is_not_taken_for_GTZAN()
    {
        var zip = WriteZip(GtzanTestArchive.Build("Other/"));

        Should.Throw<ArchiveException>(() => GtzanArchive.Install(zip, Dest, force: false)).Message.ShouldContain("holds no Data/genres_original");
    }

    [Fact]
    public void A_missing_zip_is_named()
    {
        var error = Should.Throw<ArchiveException>(() => GtzanArchive.Install(_temp.Combine("absent.zip"), Dest, force: false));

        error.Message.ShouldBe($"{_temp.Combine("absent.zip")}: file not found");
    }
}
