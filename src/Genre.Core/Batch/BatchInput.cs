namespace Genre.Batch;

/// <summary>One file for the batch pipeline: the caller's <paramref name="Id"/> for it, and where it is.</summary>
/// <param name="Id">The caller's name for the file, carried through to its result unchanged.</param>
/// <param name="Path">The audio file to classify.</param>
public sealed record BatchInput(string Id, string Path);
