using Genre.Features;
using Genre.Model;

namespace Genre.Core.Tests.TestSupport;

/// <summary>A model folder made from the seeded PyTorch reference weights with a 10-genre GTZAN card.</summary>
internal static class ReferenceModel
{
    public static readonly string[] Genres = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"];

    public static string Weights => Path.Combine(TestPaths.PytorchSeedCnn, ModelFolder.WeightsFileName);

    /// <summary>Writes the folder at <paramref name="directory"/> and returns it.</summary>
    public static string WriteFolder(string directory)
    {
        Directory.CreateDirectory(directory);
        File.Copy(Weights, Path.Combine(directory, ModelFolder.WeightsFileName));
        var card = new ModelCard { Genres = Genres, Features = FeatureParameters.From(MfccSettings.Gtzan) };
        File.WriteAllText(Path.Combine(directory, ModelFolder.CardFileName), card.ToJson());
        return directory;
    }

    /// <summary><paramref name="count"/> segments of seeded values in the range real MFCCs have.</summary>
    public static float[] RandomSegments(int count, int seed)
    {
        var random = new Random(seed);
        var data = new float[count * CnnLayout.Frames * CnnLayout.Coefficients];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)((random.NextDouble() * 2) - 1) * 100;
        }

        return data;
    }
}
