namespace Genre;

/// <summary>Kaggle API credentials are missing, malformed, or stored in a file other users can read.</summary>
public sealed class KaggleCredentialsException : GenreException
{
    public KaggleCredentialsException(string? path, string message, Exception? inner = null)
        : base(message, path, inner)
    {
    }
}
