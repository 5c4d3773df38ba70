namespace Genre;

/// <summary>
/// Base of every error caused by something outside the program: a user's file, folder, model or request.
/// Hosts print <see cref="Exception.Message"/> (it names the file and the cause) instead of a stack trace.
/// </summary>
public abstract class GenreException : Exception
{
    protected GenreException(string message, string? path, Exception? inner = null)
        : base(message, inner) => Path = path;

    /// <summary>The file or folder the error is about, when there is one.</summary>
    public string? Path { get; }
}
