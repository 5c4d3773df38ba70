using Genre.Web.Tests.TestSupport;
using Microsoft.Playwright;
using Shouldly;

namespace Genre.Web.Tests.Page;

/// <summary>
/// The page in a real browser (Debian's Chromium driven by Playwright) against the real Kestrel server on a free
/// loopback port: choose a clip, see the verdict, the ten bars and the timeline; choose a text file, see the error.
/// Screenshots land in TestResults/ beside the test assembly.
/// </summary>
public sealed class UploadPageBrowserTests(TestModel model) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string s_artifacts = Path.Combine(AppContext.BaseDirectory, "TestResults");

    private LoopbackServer _server = null!;
    private LoopbackServer _audioSet = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        Assert.SkipUnless(File.Exists(Chromium), $"{Chromium} is not installed (apt-get install chromium)");
        Directory.CreateDirectory(s_artifacts);
        _server = await LoopbackServer.StartAsync(new GenreWebOptions { ModelDirectory = model.Directory });
        _audioSet = await LoopbackServer.StartAsync(new GenreWebOptions { ModelDirectory = Api.AudioSetPredictTests.DefaultModel });
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_audioSet is not null)
        {
            await _audioSet.DisposeAsync();
        }
    }

    [Fact]
    public async Task Choosing_a_clip_shows_its_genre_ten_bars_a_timeline_and_a_player()
    {
        var page = await NewPageAsync(1280, 900);
        await page.GotoAsync(_server.Address.ToString());

        (await page.Locator("label[for=file]").CountAsync()).ShouldBe(1);
        await page.SetInputFilesAsync("#file", TestModel.ClipPath("rock.00000"));

        await Assertions.Expect(page.Locator("#result")).ToBeVisibleAsync();
        (await page.Locator("#genre").TextContentAsync())!.ShouldBeOneOf([.. TestModel.Genres]);
        (await page.Locator("#confidence").TextContentAsync())!.ShouldContain("% confident");
        var meters = page.GetByRole(AriaRole.Meter);
        (await meters.CountAsync()).ShouldBe(10);
        (await meters.First.GetAttributeAsync("aria-valuetext"))!.ShouldContain("%");
        (await page.Locator("#timeline li").CountAsync()).ShouldBe(10);
        (await page.Locator("#timeline li").First.GetAttributeAsync("title"))!.ShouldStartWith("0:00–0:03: ");
        (await page.Locator("#player").GetAttributeAsync("src"))!.ShouldStartWith("blob:");
        (await page.Locator("#main").GetAttributeAsync("aria-busy")).ShouldBe("false");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(s_artifacts, "web-page.png"), FullPage = true });

        var phone = await NewPageAsync(390, 844);
        await phone.GotoAsync(_server.Address.ToString());
        await phone.SetInputFilesAsync("#file", TestModel.ClipPath("classical.00000"));
        await Assertions.Expect(phone.Locator("#result")).ToBeVisibleAsync();
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(s_artifacts, "web-page-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task With_the_audioset_default_a_song_shows_its_tags_and_10_s_windows_and_speech_is_not_music()
    {
        var page = await NewPageAsync(1280, 900);
        await page.GotoAsync(_audioSet.Address.ToString());

        await page.SetInputFilesAsync("#file", TestModel.ClipPath("reggae.00000"));

        await Assertions.Expect(page.Locator("#result")).ToBeVisibleAsync();
        (await page.Locator("#genre").TextContentAsync())!.ShouldBeOneOf([.. TestModel.Genres]);
        await Assertions.Expect(page.Locator("#tags-section")).ToBeVisibleAsync();
        (await page.Locator("#tags li").CountAsync()).ShouldBe(5);
        (await page.Locator("#timeline li").CountAsync()).ShouldBe(3);
        (await page.Locator("#timeline li").First.GetAttributeAsync("title"))!.ShouldStartWith("0:00–0:10: ");
        (await page.Locator("#window-length").TextContentAsync()).ShouldBe("10");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(s_artifacts, "web-page-audioset.png"), FullPage = true });

        using var folder = new Core.Tests.TestSupport.TempDirectory();
        var speech = folder.File("speech.wav");
        Core.Tests.TestSupport.Speech.Write(speech, "Welcome to the evening news. Here are the headlines for tonight, starting with the weather.");
        await page.SetInputFilesAsync("#file", speech);

        await Assertions.Expect(page.Locator("#genre")).ToHaveTextAsync("Not music");
        (await page.Locator("#confidence").TextContentAsync())!.ShouldStartWith("This does not sound like music (it sounds like ");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(s_artifacts, "web-page-not-music.png"), FullPage = true });
    }

    [Fact]
    public async Task Choosing_a_text_file_shows_a_plain_error_and_no_result()
    {
        using var folder = new Core.Tests.TestSupport.TempDirectory();
        var notes = folder.File("notes.wav");
        await File.WriteAllTextAsync(notes, "These are my notes about music, not music.\n", TestContext.Current.CancellationToken);
        var page = await NewPageAsync(1280, 900);
        await page.GotoAsync(_server.Address.ToString());

        await page.SetInputFilesAsync("#file", notes);

        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToBeVisibleAsync();
        (await alert.TextContentAsync())!.ShouldContain("not an audio file we can read");
        (await page.Locator("#result").IsHiddenAsync()).ShouldBeTrue();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(s_artifacts, "web-page-error.png"), FullPage = true });
    }

    [Fact]
    public async Task The_file_input_is_reachable_by_keyboard_and_shows_its_focus()
    {
        var page = await NewPageAsync(1280, 900);
        await page.GotoAsync(_server.Address.ToString());

        await page.Keyboard.PressAsync("Tab");

        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("file");
        var outline = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.file-label')).outlineStyle");
        outline.ShouldBe("solid");
    }

    private async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        return await context.NewPageAsync();
    }
}
