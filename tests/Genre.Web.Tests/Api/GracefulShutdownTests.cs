using System.Net;
using System.Net.Http.Headers;
using Genre.Web.Api;
using Genre.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Genre.Web.Tests.Api;

/// <summary>Stopping the server lets a request already in flight finish with its answer.</summary>
public sealed class GracefulShutdownTests(TestModel model)
{
    [Fact]
    public async Task A_request_in_flight_when_shutdown_starts_still_gets_its_result()
    {
        await using var server = await LoopbackServer.StartAsync(new GenreWebOptions { ModelDirectory = model.Directory });
        using var client = new HttpClient { BaseAddress = server.Address };
        var upload = new GatedContent(TestModel.Clip("rock.00000"));
        using var form = new MultipartFormDataContent { { upload, "file", "rock.wav" } };

        var request = client.PostAsync("/predict", form, TestContext.Current.CancellationToken);
        await upload.HalfSent.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        // Half the bytes sent is not yet a request the server handles: wait until the endpoint holds its slot.
        var gate = server.App.Services.GetRequiredService<ClassificationGate>();
        for (var waited = 0; gate.InUse == 0; waited += 10)
        {
            waited.ShouldBeLessThan(30_000, "the upload never reached the endpoint");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        // Shutdown begins (an event, not a delay) while the request is in flight: its upload is held half-sent.
        var stoppingStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStopping = server.App.Lifetime.ApplicationStopping.Register(stoppingStarted.SetResult);
        var stopping = server.App.StopAsync(CancellationToken.None);
        await stoppingStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        gate.InUse.ShouldBe(1, "the request is still being handled when shutdown starts");
        upload.SendRest();
        using var response = await request;
        await stopping;

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("\"genre\"");
    }

    /// <summary>An upload body that sends its first half, then waits to be told to send the rest.</summary>
    private sealed class GatedContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly TaskCompletionSource _halfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _rest = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public GatedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        }

        public Task HalfSent => _halfSent.Task;

        public void SendRest() => _rest.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = _bytes.Length / 2;
            await stream.WriteAsync(_bytes.AsMemory(0, half));
            await stream.FlushAsync();
            _halfSent.TrySetResult();
            await _rest.Task;
            await stream.WriteAsync(_bytes.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
