namespace Genre.Data.Embeddings;

/// <summary>One audio file of a <see cref="LabelledAudioFolder"/>: its path, its path relative to the dataset root ('/'-separated), and its label.</summary>
public sealed record LabelledFile(string Path, string RelativePath, string Label);
