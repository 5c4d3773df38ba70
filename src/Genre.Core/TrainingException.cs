namespace Genre;

/// <summary>A training request that cannot be carried out as asked (an unavailable device, impossible options).</summary>
public sealed class TrainingException : GenreException
{
    /// <summary>A training-request error.</summary>
    /// <param name="message">What cannot be done as asked, and what to ask instead.</param>
    /// <param name="inner">The error that revealed it, if any.</param>
    public TrainingException(string message, Exception? inner = null)
        : base(message, null, inner)
    {
    }
}
