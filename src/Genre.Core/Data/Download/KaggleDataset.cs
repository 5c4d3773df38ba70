namespace Genre.Data.Download;

/// <summary>A dataset on Kaggle, named the way its URL names it: <c>owner/name</c>.</summary>
/// <param name="Owner">The Kaggle user or organisation that publishes it.</param>
/// <param name="Name">The dataset's slug; the downloaded zip is named after it.</param>
public sealed record KaggleDataset(string Owner, string Name)
{
    /// <summary>GTZAN as published on Kaggle: 1,000 30-second wav clips in 10 genres, plus feature CSVs and spectrograms.</summary>
    public static KaggleDataset Gtzan { get; } = new("andradaolteanu", "gtzan-dataset-music-genre-classification");

    /// <summary>The page where a signed-in user accepts the dataset's terms, or downloads it by hand.</summary>
    public Uri WebPage => new($"https://www.kaggle.com/datasets/{Owner}/{Name}");

    /// <summary><c>owner/name</c>, as Kaggle's URLs and the kaggle tool name it.</summary>
    public override string ToString() => $"{Owner}/{Name}";
}
