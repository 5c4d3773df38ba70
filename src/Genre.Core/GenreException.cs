namespace Genre;

/// <summary>
/// Base of every error caused by something outside the program: a user's file, folder, model or request.
/// Hosts print <see cref="Exception.Message"/> (it names the file and the cause) instead of a stack trace.
/// </summary>
public abstract class GenreException : Exception
{
    /// <summary>Sets the message every host shows and the file or folder it is about.</summary>
    /// <param name="message">One line naming the file and the cause.</param>
    /// <param name="path">The file or folder at fault, when there is one.</param>
    /// <param name="inner">The error that revealed it, if any.</param>
    protected GenreException(string message, string? path, Exception? inner = null)
        : base(message, inner) => Path = path;

    /// <summary>The file or folder the error is about, when there is one.</summary>
    public string? Path { get; }
}
