using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Genre.Web.Tests.TestSupport;
using Shouldly;

namespace Genre.Web.Tests.Api;

/// <summary>
/// A bounded load smoke of the real <c>genre serve</c> process on loopback: 8 clients post 30 s wav files for 5 s
/// (20 s with GENRE_LOAD_SECONDS=20, for figures).
/// Records requests/s, busy answers, p50/p99 latency and the server's memory; asserts that every answer is a
/// prediction or a 503 with Retry-After (never a 500, never a wrong body), that memory stays bounded and that SIGTERM stops
/// the server cleanly, for a model of each kind. The figures go to the test output and TestResults/load-KIND.txt.
/// </summary>
[Trait("Category", "Load")]
public sealed partial class LoadTests(TestModel model)
{
    private const int Clients = 8;
    /// <summary>5 s in a CI run (a smoke: correctness under load); GENRE_LOAD_SECONDS=20 for the figures the README quotes.</summary>
    private static readonly TimeSpan s_duration = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("GENRE_LOAD_SECONDS"), out var seconds) && seconds > 0 ? seconds : 5);

    [Theory]
    [InlineData("mfcc-cnn")]
    [InlineData("audioset")]
    public async Task Eight_clients_get_only_predictions_or_polite_busy_answers_and_the_server_stops_cleanly(string kind)
    {
        var cancel = TestContext.Current.CancellationToken;
        using var server = StartServer(kind == "audioset" ? AudioSetPredictTests.DefaultModel : model.Directory);
        var address = await ReadAddressAsync(server, cancel);
        var clips = new[] { "blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "rock" }
            .Select(g => TestModel.Clip($"{g}.00000")).ToArray();
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        (await http.GetAsync("/health", cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var latencies = new List<double>[Clients];
        var errors = new List<string>();
        var busy = 0;
        var peakWorkingSet = 0L;
        var clock = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                server.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, server.WorkingSet64);
                await Task.Delay(200, CancellationToken.None);
            }
        }, CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            latencies[c] = [];
            while (clock.Elapsed < s_duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("/predict", Uploads.File(clips[c], "song.wav"), cancel);
                var body = await response.Content.ReadAsStringAsync(cancel);
                latencies[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                var answer = Check(response, body);
                lock (errors)
                {
                    if (answer == Answer.Busy)
                    {
                        busy++;
                    }
                    else if (answer == Answer.Wrong)
                    {
                        errors.Add($"{(int)response.StatusCode} {body}");
                    }
                }
            }
        }, cancel)));
        var elapsed = clock.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        server.Refresh();
        var peak = server.PeakWorkingSet64;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var report = string.Create(CultureInfo.InvariantCulture,
            $"load ({kind}): {Clients} clients, {elapsed.TotalSeconds:0.0} s, {all.Length} requests, {all.Length / elapsed.TotalSeconds:0.0} req/s, " +
            $"{errors.Count} errors, {busy} busy (503), latency p50 {Percentile(all, 0.50):0} ms, p99 {Percentile(all, 0.99):0} ms, max {all[^1]:0} ms, " +
            $"server working set max sampled {peakWorkingSet / 1048576.0:0} MB, peak (VmHWM) {peak / 1048576.0:0} MB, cores {Environment.ProcessorCount}");
        TestContext.Current.TestOutputHelper!.WriteLine(report);
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults"));
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestResults", $"load-{kind}.txt"), report + "\n", cancel);

        // Correctness, not speed: every answer is a prediction or a polite "busy" (this machine may be running other
        // test assemblies beside this one); memory stays bounded. The speed figures are in the report above.
        errors.ShouldBeEmpty(string.Join("\n", errors.Take(5)));
        (all.Length - busy).ShouldBeGreaterThan(Clients);
        peak.ShouldBeLessThan(1L << 30);

        // Graceful shutdown: SIGTERM, as a service manager sends it, ends the process with exit code 0.
        using (var kill = Process.Start("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancel);
        }

        using var exit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        exit.CancelAfter(TimeSpan.FromSeconds(30));
        await server.WaitForExitAsync(exit.Token);
        server.ExitCode.ShouldBe(0);
    }

    private enum Answer
    {
        Prediction,
        Busy,
        Wrong,
    }

    /// <summary>200 with a prediction's JSON, or 503 with Retry-After and a Problem Details body; anything else is wrong.</summary>
    private static Answer Check(HttpResponseMessage response, string body)
    {
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            return response.Headers.RetryAfter is not null && body.Contains("\"detail\"", StringComparison.Ordinal) ? Answer.Busy : Answer.Wrong;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            return Answer.Wrong;
        }

        using var json = System.Text.Json.JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("genre", out _) && json.RootElement.GetProperty("probabilities").EnumerateObject().Count() == 10
            ? Answer.Prediction
            : Answer.Wrong;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static Process StartServer(string modelDirectory)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "genre.dll"), "serve", "--model", modelDirectory, "--port", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static async Task<Uri> ReadAddressAsync(Process server, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Serving().Match(line) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"genre serve stopped before listening: {await server.StandardError.ReadToEndAsync(cancel)}");
    }

    [GeneratedRegex(@"serving on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Serving();
}
