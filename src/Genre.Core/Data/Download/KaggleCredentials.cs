using System.Text.Json;

namespace Genre.Data.Download;

/// <summary>
/// A Kaggle API token, found where the official <c>kaggle</c> tool looks: <c>KAGGLE_USERNAME</c> and
/// <c>KAGGLE_KEY</c> (they win), else <c>kaggle.json</c> in <c>KAGGLE_CONFIG_DIR</c> or <c>~/.kaggle</c>.
/// </summary>
/// <param name="Username">The Kaggle user name.</param>
/// <param name="Key">The API key: a password, never printed (<see cref="ToString"/> leaves it out).</param>
public sealed record KaggleCredentials(string Username, string Key)
{
    /// <summary>The page where a signed-in user creates an API token (API, Create New Token).</summary>
    public const string TokenPage = "https://www.kaggle.com/settings";

    /// <summary>Where the credentials came from (a file path, or the environment), for messages.</summary>
    public string Source { get; init; } = "KAGGLE_USERNAME and KAGGLE_KEY";

    /// <summary>
    /// Finds the credentials. <paramref name="environment"/> reads variables (the process's by default) and
    /// <paramref name="homeDirectory"/> replaces the user's home folder: both exist so tests need not change the process.
    /// </summary>
    /// <exception cref="KaggleCredentialsException">There are none, or the file cannot be read, is malformed, lacks a field, or is readable by other users.</exception>
    public static KaggleCredentials Load(Func<string, string?>? environment = null, string? homeDirectory = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var username = NonEmpty(environment("KAGGLE_USERNAME"));
        var key = NonEmpty(environment("KAGGLE_KEY"));
        var path = ConfigFilePath(environment, homeDirectory);
        if (username is not null && key is not null)
        {
            return new KaggleCredentials(username, key);
        }

        if (!File.Exists(path))
        {
            throw new KaggleCredentialsException(path,
                $"no Kaggle API credentials: {Display(path, homeDirectory)} does not exist and KAGGLE_USERNAME/KAGGLE_KEY are not set. " +
                $"Create a token at {TokenPage} -> API -> Create New Token, save the downloaded kaggle.json to {Display(path, homeDirectory)} " +
                $"and run: chmod 600 {Display(path, homeDirectory)}. Or download the zip in a browser and run: genre download --from-zip FILE");
        }

        RefuseIfOthersCanRead(path, homeDirectory);
        var file = ReadFile(path);
        username ??= NonEmpty(file.Username);
        key ??= NonEmpty(file.Key);
        if (username is null || key is null)
        {
            throw new KaggleCredentialsException(path,
                $"{path}: missing \"{(username is null ? "username" : "key")}\"; expected {{\"username\": \"...\", \"key\": \"...\"}} " +
                $"(download a fresh one at {TokenPage} -> API -> Create New Token)");
        }

        return new KaggleCredentials(username, key) { Source = path };
    }

    /// <summary><c>$KAGGLE_CONFIG_DIR/kaggle.json</c>, else <c>~/.kaggle/kaggle.json</c>.</summary>
    public static string ConfigFilePath(Func<string, string?>? environment = null, string? homeDirectory = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var folder = NonEmpty(environment("KAGGLE_CONFIG_DIR")) ?? Path.Combine(Home(homeDirectory), ".kaggle");
        return Path.Combine(folder, "kaggle.json");
    }

    /// <summary>The user name and where it came from; never the key, which is a password.</summary>
    public override string ToString() => $"{Username} (from {Source})";

    private static void RefuseIfOthersCanRead(string path, string? homeDirectory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // The kaggle tool warns about the same two bits: a token readable by the group or by anyone.
        const UnixFileMode shared = UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        if ((File.GetUnixFileMode(path) & shared) != 0)
        {
            var shown = Display(path, homeDirectory);
            throw new KaggleCredentialsException(path,
                $"{shown} is readable by other users, and it holds your Kaggle API key; make it private with: chmod 600 {shown}");
        }
    }

    private static (string? Username, string? Key) ReadFile(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? (StringProperty(root, "username"), StringProperty(root, "key"))
                : throw new JsonException("the top level is not an object");
        }
        catch (JsonException e)
        {
            throw new KaggleCredentialsException(path,
                $"{path}: not valid JSON ({e.Message}); expected {{\"username\": \"...\", \"key\": \"...\"}} as downloaded from {TokenPage} -> API -> Create New Token", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KaggleCredentialsException(path, $"{path}: cannot read: {e.Message}", e);
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Home(string? homeDirectory) => homeDirectory ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify);

    /// <summary>The path with the home folder written as <c>~</c>, the way users type it.</summary>
    private static string Display(string path, string? homeDirectory)
    {
        var home = Path.TrimEndingDirectorySeparator(Home(homeDirectory));
        return home.Length > 0 && path.StartsWith(home + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? "~" + path[home.Length..]
            : path;
    }
}
