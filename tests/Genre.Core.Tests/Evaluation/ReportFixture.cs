using Genre.Evaluation;

namespace Genre.Core.Tests.Evaluation;

/// <summary>A GTZAN-shaped evaluation set (10 genres, 3 clips each, 10 segments a clip) and a short training history.</summary>
internal static class ReportFixture
{
    public static readonly string[] Genres =
        ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"];

    public static EvaluationInput Input(int seed = 17)
    {
        const int ClipsPerGenre = 3, SegmentsPerClip = 10;
        var random = new Random(seed);
        var rows = Genres.Length * ClipsPerGenre * SegmentsPerClip;
        var logits = new float[rows * Genres.Length];
        var labels = new long[rows];
        var tracks = new string[rows];
        for (var r = 0; r < rows; r++)
        {
            var genre = r / (ClipsPerGenre * SegmentsPerClip);
            labels[r] = genre;
            tracks[r] = $"{Genres[genre]}.{r / SegmentsPerClip % ClipsPerGenre:00000}";
            for (var c = 0; c < Genres.Length; c++)
            {
                // Over-confident and mostly right, with neighbouring genres getting some mass: realistic confusions.
                logits[(r * Genres.Length) + c] = (float)((random.NextDouble() * 6) + (c == genre ? 4 : 0) + (c == (genre + 1) % 10 ? 2 : 0));
            }
        }

        return new EvaluationInput(Genres, logits, labels, tracks);
    }

    public static TrainingHistory History()
    {
        var history = new TrainingHistory { BestEpoch = 4 };
        for (var epoch = 1; epoch <= 5; epoch++)
        {
            history.Epochs.Add(new EpochRecord(
                epoch, 2.0 / epoch, 0.2 * epoch - 0.05, 2.1 / epoch + 0.1, 0.18 * epoch, TimeSpan.FromSeconds(12.3456789 * epoch)));
        }

        return history;
    }
}
