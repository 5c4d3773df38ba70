namespace Genre.Batch;

/// <summary>
/// POSIX shell quoting for generated scripts: a word comes back to the program exactly as given, whatever it holds
/// (spaces, quotes, <c>$</c>, backquotes, newlines), because single quotes turn off every expansion.
/// </summary>
internal static class ShellWords
{
    /// <summary>The word as is when it holds only characters no shell treats specially; otherwise single-quoted.</summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A shell word cannot hold a NUL character.", nameof(word));
        }

        if (word.Length > 0 && word.All(IsPlain))
        {
            return word;
        }

        // Inside single quotes nothing is special but the quote itself: close, add an escaped quote, reopen.
        return "'" + word.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>The words quoted and joined by spaces, one command line.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    // '~' and '=' are left out: a leading tilde expands, and '=' starts an assignment in the first word.
    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ':' or ',' or '+' or '@' or '%';
}
