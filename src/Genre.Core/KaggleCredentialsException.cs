namespace Genre;

/// <summary>Kaggle API credentials are missing, malformed, or stored in a file other users can read.</summary>
public sealed class KaggleCredentialsException : GenreException
{
    /// <summary>A credentials error.</summary>
    /// <param name="path">The credentials file concerned (<c>kaggle.json</c>), when there is one.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="inner">The JSON or I/O error that revealed it, if any.</param>
    public KaggleCredentialsException(string? path, string message, Exception? inner = null)
        : base(message, path, inner)
    {
    }
}
