namespace Genre;

/// <summary>
/// Which exceptions are one input's fault rather than the program's: a <see cref="GenreException"/>, or an I/O or
/// permission error raised while that input was being read (a file deleted after listing, a dangling link, a file
/// without read permission). Batch work turns these into that input's error and carries on; anything else (a missing
/// native library, a bug) stops the batch. One rule for every batch loop: predict, extract, evaluate.
/// </summary>
internal static class InputFailure
{
    public static bool Is(Exception exception) => exception is GenreException or IOException or UnauthorizedAccessException;

    /// <summary>What to tell the user about <paramref name="path"/>: the message, naming the file once.</summary>
    public static string Describe(Exception exception, string path)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            GenreException g => g.Message,
            UnauthorizedAccessException => $"{path}: permission denied",
            _ when exception.Message.Contains(path, StringComparison.Ordinal) => exception.Message,
            _ => $"{path}: {exception.Message}",
        };
    }

    /// <summary>The reason alone, for lists that already name the file.</summary>
    public static string Reason(Exception exception, string path) => exception switch
    {
        AudioDecodeException d => d.Reason,
        UnsupportedAudioException u => u.Reason,
        _ => Describe(exception, path),
    };
}
