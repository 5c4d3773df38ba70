using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Genre.Core.Tests.TestSupport;

/// <summary>
/// A real HTTP server on a loopback port that behaves like Kaggle's download API: basic auth on
/// <c>/api/v1/datasets/download/{owner}/{name}</c>, then a redirect to a "signed storage URL" that serves the zip with
/// Range support. It can drop connections half-way, ignore Range, or answer an error status on demand.
/// </summary>
internal sealed class KaggleTestServer : IDisposable
{
    public const string Username = "test-user";
    public const string Key = "0123456789abcdef";
    private const string StoragePath = "/storage/gtzan.zip";

    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly byte[] _archive;
    private int _drops;

    public KaggleTestServer(byte[] archive)
    {
        _archive = archive;
        (_listener, Port) = Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/api/v1");

    /// <summary>When set, the API answers with this status instead of the redirect (after a successful auth check).</summary>
    public HttpStatusCode? ApiStatus { get; set; }

    /// <summary>How many more storage responses to cut off after half of their body.</summary>
    public int DropsRemaining { get => Volatile.Read(ref _drops); set => Volatile.Write(ref _drops, value); }

    /// <summary>Answer 200 with the whole file to a Range request, as some servers do.</summary>
    public bool IgnoreRange { get; set; }

    /// <summary>The Range header of each storage request, in order ("" when there was none).</summary>
    public ConcurrentQueue<string> StorageRanges { get; } = new();

    /// <summary>The Authorization header of each API request ("" when there was none).</summary>
    public ConcurrentQueue<string> ApiAuthorizations { get; } = new();

    public static string ValidAuthorization => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Key}"));

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener's ObjectDisposedException or HttpListenerException.
        }
    }

    private static (HttpListener, int) Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close(); // another process took the port between the probe and the start
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var path = request.Url!.AbsolutePath;
            if (path == "/api/v1/datasets/download/andradaolteanu/gtzan-dataset-music-genre-classification")
            {
                var authorization = request.Headers["Authorization"] ?? string.Empty;
                ApiAuthorizations.Enqueue(authorization);
                if (authorization != ValidAuthorization)
                {
                    response.StatusCode = 401;
                    response.AddHeader("WWW-Authenticate", "Basic realm=\"kaggle\"");
                }
                else if (ApiStatus is { } status)
                {
                    response.StatusCode = (int)status;
                }
                else
                {
                    response.StatusCode = 302;
                    response.RedirectLocation = $"http://127.0.0.1:{Port}{StoragePath}?signature=abc";
                }

                response.Close();
            }
            else if (path == StoragePath)
            {
                await ServeArchiveAsync(request, response);
            }
            else
            {
                response.StatusCode = 404;
                response.Close();
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away; nothing to answer.
        }
    }

    private async Task ServeArchiveAsync(HttpListenerRequest request, HttpListenerResponse response)
    {
        var range = request.Headers["Range"] ?? string.Empty;
        StorageRanges.Enqueue(range);
        long start = 0;
        if (!IgnoreRange && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
        {
            start = long.Parse(range["bytes=".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
            if (start >= _archive.Length)
            {
                response.StatusCode = 416;
                response.AddHeader("Content-Range", $"bytes */{_archive.Length}");
                response.Close();
                return;
            }

            response.StatusCode = 206;
            response.AddHeader("Content-Range", $"bytes {start}-{_archive.Length - 1}/{_archive.Length}");
        }

        response.ContentType = "application/zip";
        response.ContentLength64 = _archive.Length - start;
        var body = _archive.AsMemory((int)start);
        if (Interlocked.Decrement(ref _drops) >= 0)
        {
            await response.OutputStream.WriteAsync(body[..(body.Length / 2)]);
            await response.OutputStream.FlushAsync();
            response.Abort(); // the connection drops with half the body sent
            return;
        }

        Interlocked.Exchange(ref _drops, 0);
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }
}
