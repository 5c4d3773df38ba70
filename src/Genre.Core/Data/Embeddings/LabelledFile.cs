namespace Genre.Data.Embeddings;

/// <summary>One audio file of a <see cref="LabelledAudioFolder"/>: its path, its path relative to the dataset root ('/'-separated), and its label.</summary>
/// <param name="Path">The audio file.</param>
/// <param name="RelativePath">The file relative to the dataset root, '/'-separated: how embedding files name it.</param>
/// <param name="Label">Its label: the first folder under the root.</param>
public sealed record LabelledFile(string Path, string RelativePath, string Label);
