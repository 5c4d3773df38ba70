using Genre.Audio;

namespace Genre.Cli.Tests.TestSupport;

/// <summary>
/// A generated music library for batch runs: mono 22,050 Hz wavs (chords of a different root each, so the rows differ),
/// some corrupt files (random bytes, an empty file) and one path that does not exist, listed in a manifest.
/// </summary>
internal static class TrackLibrary
{
    public const int Rate = 22_050;

    /// <summary>Writes <paramref name="tracks"/> wavs of <paramref name="seconds"/> each plus the bad inputs into <paramref name="folder"/>; returns the manifest's path (relative paths, ids "t000"...).</summary>
    public static string Write(string folder, int tracks, double seconds, string manifestName = "tracks.csv")
    {
        Directory.CreateDirectory(Path.Combine(folder, "audio"));
        var lines = new List<string> { "id,path" };
        for (var i = 0; i < tracks; i++)
        {
            var name = $"audio/t{i:D3}.wav";
            AudioFileWriter.Write(Path.Combine(folder, name), Chord(i, (int)(seconds * Rate)), Rate, 1, AudioFileFormat.WavPcm16);
            lines.Add($"t{i:D3},{name}");
            if (i == 2)
            {
                File.WriteAllBytes(Path.Combine(folder, "audio/corrupt-empty.wav"), []);
                lines.Add("bad-empty,audio/corrupt-empty.wav");
            }
            else if (i == tracks - 2)
            {
                var random = new byte[20_000];
                new Random(i).NextBytes(random);
                random[0] = 0;
                File.WriteAllBytes(Path.Combine(folder, "audio/corrupt-random.wav"), random);
                lines.Add("bad-random,audio/corrupt-random.wav");
                lines.Add("gone,audio/missing.wav");
            }
        }

        var manifest = Path.Combine(folder, manifestName);
        File.WriteAllLines(manifest, lines);
        return manifest;
    }

    /// <summary>Rows of <see cref="Write"/>'s manifest for 5 tracks or more: the tracks plus three bad ones.</summary>
    public static int Rows(int tracks) => tracks + 3;

    private static short[] Chord(int seed, int samples)
    {
        var root = 110.0 * Math.Pow(2, seed % 24 / 12.0);
        var pcm = new short[samples];
        var noise = new Random(seed);
        for (var n = 0; n < samples; n++)
        {
            var t = (double)n / Rate;
            var beat = (n / (Rate / 4)) % 2 == 0 ? 1.0 : 0.6;
            var value = beat * ((0.3 * Math.Sin(2 * Math.PI * root * t)) + (0.2 * Math.Sin(2 * Math.PI * root * 1.25 * t)) + (0.2 * Math.Sin(2 * Math.PI * root * 1.5 * t)));
            pcm[n] = (short)(8000 * (value + (0.05 * (noise.NextDouble() - 0.5))));
        }

        return pcm;
    }
}
