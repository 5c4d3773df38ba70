namespace Genre.Web.Api;

/// <summary>Decoding and classifying one upload took longer than the server allows (504).</summary>
internal sealed class ClassifyTimeoutException(TimeSpan limit, Exception inner)
    : Exception($"decoding and classifying the file took longer than the limit of {limit.TotalSeconds:0.###} s", inner);
