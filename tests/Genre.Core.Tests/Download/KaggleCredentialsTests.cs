using Genre.Core.Tests.TestSupport;
using Genre.Data.Download;
using Shouldly;

namespace Genre.Core.Tests.Download;

public class KaggleCredentialsTests : IDisposable
{
    private readonly TempDirectory _home = new();

    public void Dispose() => _home.Dispose();

    private string WriteToken(string folder, string json, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "kaggle.json");
        File.WriteAllText(path, json);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }

        return path;
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Reads_kaggle_json_in_the_home_folder()
    {
        var path = WriteToken(_home.Combine(".kaggle"), """{"username": "alice", "key": "k1"}""");

        var credentials = KaggleCredentials.Load(Environment(), _home.Path);

        credentials.ShouldBe(new KaggleCredentials("alice", "k1") { Source = path });
    }

    [Fact]
    public void KAGGLE_CONFIG_DIR_moves_the_file()
    {
        WriteToken(_home.Combine(".kaggle"), """{"username": "home", "key": "k1"}""");
        WriteToken(_home.Combine("elsewhere"), """{"username": "configured", "key": "k2"}""");

        var credentials = KaggleCredentials.Load(Environment(("KAGGLE_CONFIG_DIR", _home.Combine("elsewhere"))), _home.Path);

        credentials.Username.ShouldBe("configured");
    }

    [Fact]
    public void Environment_variables_win_over_the_file()
    {
        WriteToken(_home.Combine(".kaggle"), """{"username": "file", "key": "file-key"}""");

        var credentials = KaggleCredentials.Load(Environment(("KAGGLE_USERNAME", "env"), ("KAGGLE_KEY", "env-key")), _home.Path);

        credentials.ShouldBe(new KaggleCredentials("env", "env-key"));
    }

    [Fact]
    public void Environment_credentials_need_no_file()
    {
        var credentials = KaggleCredentials.Load(Environment(("KAGGLE_USERNAME", "env"), ("KAGGLE_KEY", "env-key")), _home.Path);

        credentials.Key.ShouldBe("env-key");
    }

    [Fact]
    public void Missing_credentials_say_where_to_create_them()
    {
        var error = Should.Throw<KaggleCredentialsException>(() => KaggleCredentials.Load(Environment(), _home.Path));

        error.Message.ShouldContain("https://www.kaggle.com/settings -> API -> Create New Token");
        error.Message.ShouldContain("~/.kaggle/kaggle.json");
        error.Message.ShouldContain("KAGGLE_USERNAME");
        error.Path.ShouldBe(_home.Combine(".kaggle", "kaggle.json"));
    }

    [Fact]
    public void A_token_other_users_can_read_is_refused_with_the_fix()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        WriteToken(_home.Combine(".kaggle"), """{"username": "alice", "key": "k1"}""",
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var error = Should.Throw<KaggleCredentialsException>(() => KaggleCredentials.Load(Environment(), _home.Path));

        error.Message.ShouldContain("chmod 600 ~/.kaggle/kaggle.json");
        error.Message.ShouldNotContain("k1");
    }

    [Fact]
    public void A_token_the_group_can_read_is_refused_too()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        WriteToken(_home.Combine(".kaggle"), """{"username": "alice", "key": "k1"}""", UnixFileMode.UserRead | UnixFileMode.GroupRead);

        Should.Throw<KaggleCredentialsException>(() => KaggleCredentials.Load(Environment(), _home.Path)).Message.ShouldContain("chmod 600");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""["alice", "k1"]""")]
    [InlineData("""{"username": "alice"}""")]
    public void A_malformed_token_file_names_the_expected_shape(string json)
    {
        var path = WriteToken(_home.Combine(".kaggle"), json);

        var error = Should.Throw<KaggleCredentialsException>(() => KaggleCredentials.Load(Environment(), _home.Path));

        error.Message.ShouldStartWith(path);
        error.Message.ShouldContain("\"username\"");
    }

    [Fact]
    public void ToString_never_shows_the_key() =>
        new KaggleCredentials("alice", "secret").ToString().ShouldNotContain("secret");
}
