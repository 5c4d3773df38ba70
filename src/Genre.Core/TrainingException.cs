namespace Genre;

/// <summary>A training request that cannot be carried out as asked (an unavailable device, impossible options).</summary>
public sealed class TrainingException : GenreException
{
    public TrainingException(string message, Exception? inner = null)
        : base(message, null, inner)
    {
    }
}
