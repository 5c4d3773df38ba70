using System.IO.Compression;
using Genre.Audio;

namespace Genre.Core.Tests.TestSupport;

/// <summary>
/// A small zip in the Kaggle GTZAN layout: two one-second clips in each of three genres, the archive's known-corrupt
/// <c>jazz.00054.wav</c>, a features CSV and a spectrogram image (which an install leaves out).
/// </summary>
internal static class GtzanTestArchive
{
    public static readonly string[] Genres = ["blues", "classical", "jazz"];
    public const int ClipsPerGenre = 2;
    public const int SampleRate = 22050;
    public const string KnownCorrupt = "jazz.00054.wav";
    public const string FeaturesCsv = "filename,length,label\nblues.00000.wav,661794,blues\n";

    public static TimeSpan ClipDuration => TimeSpan.FromSeconds(1);

    private static readonly Lazy<byte[]> s_kaggle = new(() => Build("Data/"));

    /// <summary>The archive as Kaggle serves it (entries under <c>Data/</c>); built once.</summary>
    public static byte[] Kaggle => s_kaggle.Value;

    /// <summary>Builds an archive with entries under <paramref name="prefix"/>, plus raw extra entries (names as given).</summary>
    public static byte[] Build(string prefix, params (string Name, byte[] Content)[] extra)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (genre, g) in Genres.Select((genre, g) => (genre, g)))
            {
                for (var n = 0; n < ClipsPerGenre; n++)
                {
                    Add(zip, $"{prefix}genres_original/{genre}/{genre}.{n:00000}.wav", Clip(220.0 * (g + 1) + n));
                }
            }

            Add(zip, $"{prefix}genres_original/jazz/{KnownCorrupt}", new byte[4096]);
            Add(zip, $"{prefix}features_30_sec.csv", System.Text.Encoding.UTF8.GetBytes(FeaturesCsv));
            Add(zip, $"{prefix}images_original/blues/blues00000.png", [0x89, 0x50, 0x4E, 0x47]);
            foreach (var (name, content) in extra)
            {
                Add(zip, name, content);
            }
        }

        return output.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(content);
    }

    /// <summary>A sine tone as a 16-bit wav file, written by libsndfile like the real clips.</summary>
    private static byte[] Clip(double frequency)
    {
        var samples = new float[(int)(ClipDuration.TotalSeconds * SampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(0.5 * Math.Sin(2 * Math.PI * frequency * i / SampleRate));
        }

        var path = Path.Combine(Path.GetTempPath(), $"genre-test-{Guid.NewGuid():N}.wav");
        try
        {
            AudioFileWriter.Write(path, samples, SampleRate, 1, AudioFileFormat.WavPcm16);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
