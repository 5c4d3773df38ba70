using Genre.Audio;

namespace Genre.Core.Tests.TestSupport;

/// <summary>The bad inputs the foundation issue names, each made fresh in a folder: file name -> what to expect in the error.</summary>
internal static class BadInputs
{
    public const string Empty = "empty.wav";
    public const string TruncatedHeader = "truncated-header.wav";
    public const string RandomBytes = "random-bytes.wav";
    public const string TextAsMp3 = "notes.mp3";
    public const string ZeroLength = "zero-length.wav";
    public const string OneSecond = "one-second.wav";
    public const string UnknownExtension = "song.xyz";

    /// <summary>Writes every bad input into <paramref name="folder"/>.</summary>
    public static void WriteAll(string folder)
    {
        File.WriteAllBytes(Path.Combine(folder, Empty), []);

        var valid = Path.Combine(folder, "valid.tmp.wav");
        AudioFileWriter.Write(valid, Tone(22050, 22050), 22050, 1, AudioFileFormat.WavPcm16);
        File.WriteAllBytes(Path.Combine(folder, TruncatedHeader), File.ReadAllBytes(valid)[..20]);
        File.Delete(valid);

        var random = new byte[50_000];
        new Random(3).NextBytes(random);
        random[0] = 0x00; // never an accidental MPEG sync word
        File.WriteAllBytes(Path.Combine(folder, RandomBytes), random);
        File.WriteAllText(Path.Combine(folder, TextAsMp3), "These are my notes about music, not music.\nLine two.\n");
        AudioFileWriter.Write(Path.Combine(folder, ZeroLength), ReadOnlySpan<short>.Empty, 22050, 1, AudioFileFormat.WavPcm16);
        AudioFileWriter.Write(Path.Combine(folder, OneSecond), Tone(22050, 22050), 22050, 1, AudioFileFormat.WavPcm16);
        AudioFileWriter.Write(Path.Combine(folder, UnknownExtension), Tone(66150 * 2, 22050), 22050, 1, AudioFileFormat.WavPcm16);
    }

    public static short[] Tone(int samples, int rate, double hz = 440)
    {
        var tone = new short[samples];
        for (var i = 0; i < samples; i++)
        {
            tone[i] = (short)(8000 * Math.Sin(2 * Math.PI * hz * i / rate));
        }

        return tone;
    }
}
