namespace Genre.Web;

/// <summary>What <c>genre serve</c> can be told; the defaults are safe for a laptop on loopback.</summary>
public sealed record GenreWebOptions
{
    /// <summary>Where the app listens by default: port 8000 on loopback, so nothing outside the machine can reach it.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8000";

    /// <summary>Model folder; null for the shipped default model.</summary>
    public string? ModelDirectory { get; init; }

    /// <summary>Where Kestrel listens; loopback only unless asked otherwise.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>The largest audio file an upload may carry (50 MiB by default); a larger one is answered 413.</summary>
    public long MaxUploadBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Uploads read and classified at once; each holds a whole file and its features in memory.</summary>
    public int MaxConcurrency { get; init; } = Environment.ProcessorCount;

    /// <summary>How long a request waits for a free slot before it is told 503 and when to retry.</summary>
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest decode and classification of one upload before 504.</summary>
    public TimeSpan ClassifyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a stop waits for requests in flight to finish.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
