namespace Genre;

/// <summary>Which shard to run cannot be told: an index outside the count, a count without an index, a bad environment variable.</summary>
public sealed class ShardException : GenreException
{
    public ShardException(string message)
        : base(message, null)
    {
    }
}
