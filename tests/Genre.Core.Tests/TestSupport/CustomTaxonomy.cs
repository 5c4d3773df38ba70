using Genre.Audio;

namespace Genre.Core.Tests.TestSupport;

/// <summary>
/// A labelled folder whose labels are not GTZAN genres: <c>strings</c> (the sample's classical clips), <c>drums</c>
/// (generated kicks, snares and hi-hats at seeded tempos) and <c>speech</c> (espeak-ng sentences); eight files of each
/// in <c>train/&lt;label&gt;/</c>, two more in <c>held-out/&lt;label&gt;/</c> that training never sees.
/// </summary>
public static class CustomTaxonomy
{
    public static IReadOnlyList<string> Labels { get; } = ["drums", "speech", "strings"];

    public const int TrainPerLabel = 8;

    public const int HeldOutPerLabel = 2;

    private static readonly string[] Sentences =
    [
        "The committee will meet again on Thursday to discuss the budget for next year.",
        "Please remember to switch off your phones before the lecture begins.",
        "Traffic is heavy on the northern bypass after an accident near the bridge.",
        "Our guest this morning has written three books about the history of bread.",
        "The library will be closed on Monday for the public holiday.",
        "Passengers for the eleven fifteen service should wait on platform four.",
        "He explained the rules of the game slowly, one step at a time.",
        "Tomorrow will be cloudy in the west with some rain later in the day.",
        "The results of the survey will be published at the end of the month.",
        "She asked whether anyone had seen a small brown dog in the park.",
    ];

    /// <summary>Writes the folder under <paramref name="root"/> (train/ and held-out/) from the sample in <paramref name="sharedDirectory"/>.</summary>
    public static void Write(string root, string sharedDirectory)
    {
        var classical = Path.Combine(sharedDirectory, "data", "gtzan-sample", "genres_original", "classical");
        for (var i = 0; i < TrainPerLabel + HeldOutPerLabel; i++)
        {
            var part = i < TrainPerLabel ? "train" : "held-out";
            string Target(string label, string name)
            {
                var folder = Directory.CreateDirectory(Path.Combine(root, part, label)).FullName;
                return Path.Combine(folder, name);
            }

            File.Copy(Path.Combine(classical, $"classical.{i:D5}.wav"), Target("strings", $"strings-{i:D2}.wav"));
            Drums(Target("drums", $"drums-{i:D2}.wav"), i);
            Speech.Write(Target("speech", $"speech-{i:D2}.wav"), Sentences[i]);
        }
    }

    /// <summary>10 s of a drum pattern: a decaying 55-70 Hz kick on the beats, noise-burst snares on the off-beats, hi-hats on the eighths.</summary>
    private static void Drums(string path, int seed)
    {
        const int rate = 32_000;
        var random = new Random(seed);
        var samples = new float[10 * rate];
        var beat = (int)(rate * 60.0 / (90 + random.Next(60)));
        var kick = 55 + random.Next(15);
        for (var start = 0; start < samples.Length; start += beat)
        {
            for (var t = 0; t < rate / 4 && start + t < samples.Length; t++)
            {
                samples[start + t] += 0.8f * MathF.Sin(2 * MathF.PI * kick * t / rate) * MathF.Exp(-t / (0.06f * rate));
            }

            var snare = start + (beat / 2);
            for (var t = 0; t < rate / 8 && snare + t < samples.Length; t++)
            {
                samples[snare + t] += 0.5f * ((2 * random.NextSingle()) - 1) * MathF.Exp(-t / (0.03f * rate));
            }

            foreach (var hat in new[] { start + (beat / 4), start + (3 * beat / 4) })
            {
                for (var t = 0; t < rate / 40 && hat + t < samples.Length; t++)
                {
                    samples[hat + t] += 0.2f * ((2 * random.NextSingle()) - 1) * MathF.Exp(-t / (0.004f * rate));
                }
            }
        }

        AudioFileWriter.Write(path, samples, rate, 1, AudioFileFormat.WavPcm16);
    }
}
