namespace Genre;

/// <summary>Which shard to run cannot be told: an index outside the count, a count without an index, a bad environment variable.</summary>
public sealed class ShardException : GenreException
{
    /// <summary>A shard-selection error.</summary>
    /// <param name="message">What is wrong with the index, the count or the variable, by name.</param>
    public ShardException(string message)
        : base(message, null)
    {
    }
}
