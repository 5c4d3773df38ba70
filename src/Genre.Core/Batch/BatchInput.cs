namespace Genre.Batch;

/// <summary>One file for the batch pipeline: the caller's <paramref name="Id"/> for it, and where it is.</summary>
public sealed record BatchInput(string Id, string Path);
