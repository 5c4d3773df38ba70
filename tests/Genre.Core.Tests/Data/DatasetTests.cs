using Genre.Audio;
using Genre.Core.Tests.TestSupport;
using Genre.Data;
using Shouldly;

namespace Genre.Core.Tests.Data;

public sealed class DatasetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Sample_dataset_has_10_genres_sorted_by_name_and_103_clips()
    {
        var dataset = GtzanDataset.Open(TestPaths.GtzanSample);

        dataset.Genres.ShouldBe(["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"]);
        dataset.Clips.Count.ShouldBe(103);
        dataset.Clips[0].Track.ShouldBe("blues.00000");
        dataset.Clips.ShouldAllBe(c => c.Genre == dataset.Genres[c.Label]);
    }

    [Fact]
    public void Original_layout_of_au_files_is_read()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.Path, "genres", "jazz")).FullName;
        AudioFileWriter.Write(Path.Combine(folder, "jazz.00000.au"), BadInputs.Tone(66150 * 10, 22050), 22050, 1, AudioFileFormat.AuPcm16);

        var dataset = GtzanDataset.Open(_dir.Path);
        var result = DatasetExtractor.Extract(dataset);

        dataset.Genres.ShouldBe(["jazz"]);
        result.Features.Count.ShouldBe(10);
        result.Skipped.ShouldBeEmpty();
    }

    [Fact]
    public void A_folder_without_genre_folders_is_a_clear_error()
    {
        File.WriteAllText(_dir.File("readme.txt"), "nothing here");

        var error = Should.Throw<DatasetException>(() => GtzanDataset.Open(_dir.Path));

        error.Path.ShouldBe(_dir.Path);
        error.Message.ShouldContain("no genre folders");
    }

    [Fact]
    public void A_missing_dataset_folder_is_a_clear_error() =>
        Should.Throw<DatasetException>(() => GtzanDataset.Open(_dir.File("nope"))).Message.ShouldContain("not found");

    [Fact]
    public void Unreadable_and_short_clips_are_skipped_named_and_counted_never_fatal()
    {
        var blues = Directory.CreateDirectory(Path.Combine(_dir.Path, "genres_original", "blues")).FullName;
        var rock = Directory.CreateDirectory(Path.Combine(_dir.Path, "genres_original", "rock")).FullName;
        AudioFileWriter.Write(Path.Combine(blues, "blues.00000.wav"), BadInputs.Tone(661_794, 22050), 22050, 1, AudioFileFormat.WavPcm16);
        File.WriteAllBytes(Path.Combine(blues, "blues.00001.wav"), [.. "RIFF"u8, 1, 2, 3]);
        AudioFileWriter.Write(Path.Combine(rock, "rock.00000.wav"), BadInputs.Tone(22050, 22050), 22050, 1, AudioFileFormat.WavPcm16);
        AudioFileWriter.Write(Path.Combine(rock, "rock.00001.wav"), BadInputs.Tone(661_794, 44100), 44100, 1, AudioFileFormat.WavPcm16);

        var result = DatasetExtractor.Extract(GtzanDataset.Open(_dir.Path));

        result.Clips.ShouldBe(4);
        result.Skipped.Select(s => Path.GetFileName(s.Path)).ShouldBe(["blues.00001.wav", "rock.00000.wav"]);
        result.Skipped[1].Reason.ShouldContain("shorter than one 3 s segment");
        // The 44.1 kHz clip is 15 s once resampled: 5 segments.
        result.Features.Count.ShouldBe(10 + 5);
        result.Features.Tracks.Distinct().ShouldBe(["blues.00000", "rock.00001"]);
        result.Features.Labels.ShouldBe([.. Enumerable.Repeat(0L, 10), .. Enumerable.Repeat(1L, 5)]);
        result.Features.Segments.ShouldBe([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4]);
    }
}
