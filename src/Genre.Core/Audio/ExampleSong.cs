namespace Genre.Audio;

/// <summary>
/// A deterministic 30 s song made from scratch (drums, bass line, chords, lead), so the repository can ship and test
/// with audio it owns. Bundled as examples/example-song.wav; <c>genre example</c> writes it again.
/// </summary>
public static class ExampleSong
{
    /// <summary>The song's sample rate, in Hz: the MFCC model's own, so the song needs no resampling.</summary>
    public const int SampleRate = 22050;

    /// <summary>The song's length, in seconds.</summary>
    public const double Seconds = 30.0;

    private const double Bpm = 120;

    /// <summary>Mono samples in [-1, 1].</summary>
    public static float[] Render(int seed = 7)
    {
        var n = (int)(Seconds * SampleRate);
        var output = new double[n];
        var beat = 60.0 / Bpm;
        var random = new Random(seed);
        double[] roots = [110.0, 87.31, 130.81, 98.0]; // A2, F2, C3, G2: a i-VI-III-VII loop
        for (var i = 0; i < n; i++)
        {
            var t = (double)i / SampleRate;
            var bar = (int)(t / (4 * beat)) % roots.Length;
            var inBeat = t % beat;
            var inEighth = t % (beat / 2);
            var beatIndex = (int)(t / beat) % 4;
            var root = roots[bar];

            var kick = inBeat < 0.15 ? Math.Sin(2 * Math.PI * (50 + (100 * Math.Exp(-inBeat * 30))) * inBeat) * Math.Exp(-inBeat * 20) : 0;
            var snare = beatIndex % 2 == 1 && inBeat < 0.12 ? ((random.NextDouble() * 2) - 1) * Math.Exp(-inBeat * 35) * 0.5 : 0;
            var hat = inEighth < 0.03 ? ((random.NextDouble() * 2) - 1) * Math.Exp(-inEighth * 150) * 0.25 : 0;
            var bass = Math.Tanh(2.5 * Math.Sin(2 * Math.PI * root * t)) * 0.35 * (0.6 + (0.4 * Math.Exp(-inEighth * 8)));
            var chord = 0.0;
            foreach (var ratio in new[] { 2.0, 2.0 * 1.2, 2.0 * 1.5 })
            {
                chord += Math.Sin(2 * Math.PI * root * ratio * t) + (0.3 * Math.Sin(4 * Math.PI * root * ratio * t));
            }

            chord *= 0.08 * (0.7 + (0.3 * Math.Sin(2 * Math.PI * 0.25 * t)));
            var melodyStep = (int)(t / (beat / 2)) % 8;
            double[] scale = [1.0, 1.122, 1.189, 1.335, 1.498, 1.335, 1.189, 1.122];
            var lead = t > 8 ? Math.Sin(2 * Math.PI * root * 4 * scale[melodyStep] * t) * 0.12 * Math.Exp(-inEighth * 4) : 0;
            output[i] = (0.9 * kick) + snare + hat + bass + chord + lead;
        }

        var peak = output.Max(Math.Abs);
        var result = new float[n];
        for (var i = 0; i < n; i++)
        {
            // A short fade in and out keeps the ends click-free.
            var fade = Math.Min(1.0, Math.Min(i, n - 1 - i) / (0.05 * SampleRate));
            result[i] = (float)(output[i] / peak * 0.89 * fade);
        }

        return result;
    }

    /// <summary>Renders the song and writes it to <paramref name="path"/> as a mono 16-bit WAV file.</summary>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <param name="seed">The seed of the drums' noise; the default one gives the bundled examples/example-song.wav.</param>
    public static void Write(string path, int seed = 7) =>
        AudioFileWriter.Write(path, Render(seed), SampleRate, 1, AudioFileFormat.WavPcm16);
}
