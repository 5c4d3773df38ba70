using System.Net;
using System.Net.Http.Headers;
using CsCheck;
using Genre.Core.Tests.TestSupport;
using Genre.Web.Tests.TestSupport;
using Shouldly;

namespace Genre.Web.Tests.Api;

/// <summary>
/// Hostile uploads on the real pipeline: random bytes, every reference format truncated at random points, a 0-byte
/// file, two files in one form, a wrong content type, a client that gives up mid-upload. Never a 500, never a
/// temporary file left behind, managed memory back near its baseline, and the server still answers a real clip afterwards.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class UploadFuzzTests(TestModel model) : IAsyncLifetime
{
    private InMemoryServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await InMemoryServer.StartAsync(new GenreWebOptions { ModelDirectory = model.Directory });

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static string[] TemporaryFiles() => Directory.GetFiles(Path.GetTempPath(), "genre-*.audio");

    [Fact]
    public async Task Random_bytes_and_truncated_files_of_every_format_are_never_a_500_and_leave_no_file()
    {
        var before = TemporaryFiles();
        await StillWorksAsync(); // warm: first-use allocations (JIT, pools) are not a leak
        var baseline = ManagedBytesAfterCollection();
        var formats = Directory.GetFiles(Path.Combine(TestPaths.Formats)).Where(f => !f.EndsWith(".npy", StringComparison.Ordinal)).ToArray();
        var uploads = Gen.OneOf(
            Gen.Byte.Array[0, 4096],
            Gen.Select(Gen.Int[0, formats.Length - 1], Gen.Double[0, 1]).Select((f, cut) =>
            {
                var bytes = File.ReadAllBytes(formats[f]);
                return bytes[..(int)(bytes.Length * cut)];
            }));

        var statuses = new List<HttpStatusCode>();
        await uploads.SampleAsync(async bytes =>
        {
            using var response = await _server.Client.PostAsync("/predict", Uploads.File(bytes, "x.bin"));
            lock (statuses)
            {
                statuses.Add(response.StatusCode);
            }

            ((int)response.StatusCode).ShouldBeLessThan(500, await response.Content.ReadAsStringAsync());
        }, iter: 200, threads: 2);

        statuses.ShouldContain(HttpStatusCode.UnsupportedMediaType);
        TemporaryFiles().ShouldBe(before);
        await StillWorksAsync();

        // 200 uploads of up to 1.3 MB each went through: what they held must be collectable again (a leak of the
        // uploads alone would be tens of MB; the class runs alone, so no other test's allocations are counted).
        (ManagedBytesAfterCollection() - baseline).ShouldBeLessThan(64L << 20);
    }

    private static long ManagedBytesAfterCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    [Fact]
    public async Task Two_files_in_one_form_a_wrong_content_type_and_an_empty_file_are_4xx()
    {
        using var two = new MultipartFormDataContent
        {
            { new ByteArrayContent(TestModel.Clip("rock.00000")), "file", "a.wav" },
            { new ByteArrayContent(TestModel.Clip("jazz.00000")), "file", "b.wav" },
        };
        using var twoFiles = await _server.Client.PostAsync("/predict", two);
        ((int)twoFiles.StatusCode).ShouldBeLessThan(500);

        using var json = new StringContent("{\"file\": \"song.mp3\"}", new MediaTypeHeaderValue("application/json"));
        using var wrongType = await _server.Client.PostAsync("/predict", json);
        wrongType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var empty = await _server.Client.PostAsync("/predict", Uploads.File([], "empty.wav"));
        ((int)empty.StatusCode).ShouldBeInRange(400, 499);
        await StillWorksAsync();
    }

    [Fact]
    public async Task A_client_that_gives_up_mid_upload_leaves_the_server_well()
    {
        var before = TemporaryFiles();
        using var cancel = new CancellationTokenSource();
        var endless = new StreamContent(new EndlessStream(cancel));
        endless.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { endless, "file", "endless.wav" } };

        await Should.ThrowAsync<OperationCanceledException>(() => _server.Client.PostAsync("/predict", form, cancel.Token));

        TemporaryFiles().ShouldBe(before);
        await StillWorksAsync();
    }

    private async Task StillWorksAsync()
    {
        using var response = await _server.Client.PostAsync("/predict", Uploads.File(TestModel.Clip("rock.00000"), "rock.wav"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A body that sends 64 KB of a WAV-looking prefix, then cancels the request: the client giving up.</summary>
    private sealed class EndlessStream(CancellationTokenSource cancel) : Stream
    {
        private long _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _sent; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent >= 1 << 16)
            {
                cancel.Cancel();
                cancel.Token.ThrowIfCancellationRequested();
            }

            var n = Math.Min(count, 4096);
            buffer.AsSpan(offset, n).Fill((byte)'R');
            _sent += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
