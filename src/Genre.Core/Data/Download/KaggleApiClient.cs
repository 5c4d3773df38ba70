using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Genre.Data.Download;

/// <summary>
/// Downloads datasets through Kaggle's public REST API (<c>GET {base}/datasets/download/{owner}/{name}</c>, HTTP basic
/// auth). The bytes go to <c>&lt;name&gt;.zip.part</c> and are renamed to <c>&lt;name&gt;.zip</c> when complete; a part
/// left by a dropped connection or an earlier run is resumed with <c>Range</c>.
/// </summary>
public sealed class KaggleApiClient : IDisposable
{
    /// <summary>Kaggle's public API, used unless <see cref="BaseUrlVariable"/> says otherwise.</summary>
    public const string DefaultBaseUrl = "https://www.kaggle.com/api/v1";

    /// <summary>The environment variable the kaggle tool reads its API's address from; honoured here too.</summary>
    public const string BaseUrlVariable = "KAGGLE_API_ENDPOINT";

    private readonly HttpClient _http;
    private readonly KaggleCredentials _credentials;
    private readonly AuthenticationHeaderValue _authorization;

    /// <summary>A client that authenticates as <paramref name="credentials"/> against <paramref name="baseUrl"/>.</summary>
    /// <param name="credentials">The user's Kaggle name and API key (<see cref="KaggleCredentials.Load"/>).</param>
    /// <param name="baseUrl">The API's base URL; null for <see cref="ResolveBaseUrl"/>'s.</param>
    public KaggleApiClient(KaggleCredentials credentials, Uri? baseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _credentials = credentials;
        _authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Key}")));
        BaseUrl = baseUrl ?? ResolveBaseUrl();

        // Kaggle answers with a redirect to a signed storage URL. HttpClient follows it and drops Authorization on the
        // way, which is what a signed URL wants (the storage host must not see the key).
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            Timeout = TimeSpan.FromMinutes(2), // until the response headers; the body has ReadTimeout per read
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("genre", "0.1"));
    }

    /// <summary>The API's base URL, ending in <c>/api/v1</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Attempts in a row that may fail without a single new byte before the download gives up.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Wait before the first retry; doubles with each failure in a row.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one read of the body may wait for data before the connection counts as dropped.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>KAGGLE_API_ENDPOINT</c> when set (as the kaggle tool honours it), else Kaggle's public API.</summary>
    /// <param name="environment">Reads an environment variable; null for the process's environment.</param>
    /// <exception cref="DownloadException">The variable is set but is not an http(s) URL.</exception>
    public static Uri ResolveBaseUrl(Func<string, string?>? environment = null)
    {
        var value = (environment ?? Environment.GetEnvironmentVariable)(BaseUrlVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return new Uri(DefaultBaseUrl);
        }

        // The kaggle tool's variable holds the host (https://www.kaggle.com); accept that and a full .../api/v1.
        var trimmed = value.Trim().TrimEnd('/');
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new DownloadException(new Uri(DefaultBaseUrl), null, $"{BaseUrlVariable}='{value}' is not an http(s) URL; unset it to use {DefaultBaseUrl}");
        }

        return url.AbsolutePath.TrimEnd('/').EndsWith("/api/v1", StringComparison.Ordinal) ? url : new Uri(trimmed + "/api/v1");
    }

    /// <summary>The API URL that <paramref name="dataset"/>'s zip is downloaded from (it redirects to a signed storage URL).</summary>
    public Uri DownloadUrl(KaggleDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new Uri($"{BaseUrl.AbsoluteUri.TrimEnd('/')}/datasets/download/{Uri.EscapeDataString(dataset.Owner)}/{Uri.EscapeDataString(dataset.Name)}");
    }

    /// <summary>
    /// Downloads <paramref name="dataset"/>'s zip into <paramref name="folder"/> and returns its path. A complete zip
    /// already there (an earlier run failed after the download) is returned as is.
    /// </summary>
    /// <param name="dataset">The dataset, such as <see cref="KaggleDataset.Gtzan"/>.</param>
    /// <param name="folder">Where the zip goes, created if needed.</param>
    /// <param name="progress">Told as bytes arrive.</param>
    /// <param name="cancellationToken">Stops the download; the part downloaded so far is kept for the next run.</param>
    /// <returns>The path of the complete zip.</returns>
    /// <exception cref="DownloadException">The server refused the request (bad credentials, terms not accepted, no such dataset), or the network kept failing.</exception>
    /// <exception cref="OutputException">The folder cannot be written or is full.</exception>
    public async Task<string> DownloadAsync(KaggleDataset dataset, string folder, IProgress<DownloadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(folder);
        var url = DownloadUrl(dataset);
        var complete = Path.Combine(folder, dataset.Name + ".zip");
        var part = complete + ".part";
        if (File.Exists(complete))
        {
            return complete;
        }

        CreateFolder(folder);
        var failures = 0;
        while (true)
        {
            var before = LengthOf(part);
            try
            {
                await DownloadOnceAsync(dataset, url, part, folder, progress, cancellationToken);
                break;
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                // A connection that dropped after delivering bytes is not a dead network: the count starts again.
                failures = LengthOf(part) > before ? 1 : failures + 1;
                if (failures >= MaxAttempts)
                {
                    throw new DownloadException(url, (e as RetryableStatusException)?.StatusCode,
                        $"could not download {url} after {MaxAttempts} attempts: {Describe(e)}. Check the network connection and run genre download " +
                        $"again (the {ByteSize.Format(LengthOf(part))} already downloaded are kept and resumed), or download the zip in a browser " +
                        $"from {dataset.WebPage} and run: genre download --from-zip FILE", e);
                }

                await Task.Delay(RetryDelay * (1 << Math.Min(failures - 1, 5)), cancellationToken);
            }
        }

        try
        {
            File.Move(part, complete, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(complete, e.Message, e);
        }

        return complete;
    }

    /// <summary>Closes the HTTP connections.</summary>
    public void Dispose() => _http.Dispose();

    private async Task DownloadOnceAsync(KaggleDataset dataset, Uri url, string part, string folder, IProgress<DownloadProgress>? progress,
        CancellationToken cancellationToken)
    {
        var offset = LengthOf(part);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = _authorization;
        if (offset > 0)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var status = (int)response.StatusCode;
        var range = response.Content.Headers.ContentRange;
        switch (response.StatusCode)
        {
            case HttpStatusCode.PartialContent when offset > 0 && range?.From == offset:
                break;
            case HttpStatusCode.PartialContent:
                DeletePart(part);
                throw new RetryableStatusException(status, $"the server resumed at byte {range?.From} instead of {offset}; starting again");
            case HttpStatusCode.OK:
                offset = 0; // the server ignored Range (or there was no part): the body is the whole file
                break;
            case HttpStatusCode.RequestedRangeNotSatisfiable when range?.Length == offset:
                progress?.Report(new DownloadProgress(offset, offset, 0));
                return; // the part is already the whole file
            case HttpStatusCode.RequestedRangeNotSatisfiable:
                DeletePart(part);
                throw new RetryableStatusException(status, $"the partial download ({offset} bytes) does not fit the file on the server; starting again");
            case HttpStatusCode.Unauthorized:
            case HttpStatusCode.Forbidden:
                throw new DownloadException(url, status,
                    $"Kaggle refused the download (HTTP {status} at {url}) with the credentials from {_credentials.Source}. Either the dataset's " +
                    $"terms are not accepted yet: sign in at {dataset.WebPage}, accept them (click Download once) and run genre download again; " +
                    $"or the API key is wrong or expired: create a new one at {KaggleCredentials.TokenPage} -> API -> Create New Token " +
                    "and save it to ~/.kaggle/kaggle.json");
            case HttpStatusCode.NotFound:
                throw new DownloadException(url, status,
                    $"not found (HTTP 404 at {url}): there is no dataset {dataset} at this address; check that {dataset.WebPage} exists" +
                    (BaseUrl.AbsoluteUri.TrimEnd('/') == DefaultBaseUrl ? string.Empty : $" and that {BaseUrlVariable} ({BaseUrl}) is right"));
            case HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests:
            case >= HttpStatusCode.InternalServerError:
                throw new RetryableStatusException(status, $"the server answered HTTP {status} {response.ReasonPhrase}");
            default:
                throw new DownloadException(url, status, $"unexpected answer HTTP {status} {response.ReasonPhrase} from {url}");
        }

        var total = range?.Length ?? (response.Content.Headers.ContentLength is { } length ? offset + length : null);
        if (total is { } size)
        {
            DiskSpace.EnsureAvailable(folder, size - offset);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var file = OpenPart(part, offset, folder);
        await CopyAsync(body, file, offset, total, folder, progress, cancellationToken);
        if (total is { } expected && file.Length != expected)
        {
            throw new IOException($"the connection closed after {file.Length} of {expected} bytes");
        }
    }

    private async Task CopyAsync(Stream body, FileStream file, long offset, long? total, string folder, IProgress<DownloadProgress>? progress,
        CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.FromSeconds(-1);
        var received = offset;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            idle.CancelAfter(ReadTimeout);
            int read;
            try
            {
                read = await body.ReadAsync(buffer, idle.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no data for {ReadTimeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s");
            }

            if (read == 0)
            {
                break;
            }

            await WriteAsync(file, buffer.AsMemory(0, read), total is { } size ? size - received : read, folder, cancellationToken);
            received += read;
            if (clock.Elapsed - lastReport >= TimeSpan.FromMilliseconds(100))
            {
                lastReport = clock.Elapsed;
                progress?.Report(new DownloadProgress(received, total, (received - offset) / Math.Max(clock.Elapsed.TotalSeconds, 1e-3)));
            }
        }

        await WriteAsync(file, ReadOnlyMemory<byte>.Empty, 0, folder, cancellationToken);
        progress?.Report(new DownloadProgress(received, total, (received - offset) / Math.Max(clock.Elapsed.TotalSeconds, 1e-3)));
    }

    /// <summary>Writes and flushes; a local disk error is never mistaken for a dropped connection (and retried).</summary>
    private static async Task WriteAsync(FileStream file, ReadOnlyMemory<byte> data, long bytesStillNeeded, string folder, CancellationToken cancellationToken)
    {
        try
        {
            await file.WriteAsync(data, cancellationToken);
            if (data.IsEmpty)
            {
                await file.FlushAsync(cancellationToken);
            }
        }
        catch (IOException e)
        {
            throw DiskSpace.IsFull(e) ? DiskSpace.Full(folder, Math.Max(bytesStillNeeded, 1), inner: e) : new OutputException(file.Name, e.Message, e);
        }
    }

    private static FileStream OpenPart(string part, long offset, string folder)
    {
        try
        {
            var file = new FileStream(part, offset > 0 ? FileMode.Open : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            file.SetLength(offset); // drops anything past the resume point
            file.Seek(offset, SeekOrigin.Begin);
            return file;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(folder, e.Message, e);
        }
    }

    private static void CreateFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(folder, e.Message, e);
        }
    }

    private static long LengthOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private static void DeletePart(string part) => File.Delete(part);

    /// <summary>Network trouble worth another attempt; never a cancellation by the user, never a local disk error.</summary>
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is HttpRequestException or TimeoutException or RetryableStatusException
            or TaskCanceledException or (IOException and not FileNotFoundException and not DirectoryNotFoundException);

    private static string Describe(Exception e) => e switch
    {
        TaskCanceledException => "no answer from the server in time",
        HttpRequestException { InnerException: { } inner } when !string.IsNullOrEmpty(inner.Message) => $"{e.Message} ({inner.Message})",
        _ => e.Message,
    };

    /// <summary>An answer that may be different next time: 5xx, 408, 429, or a resume the server could not honour.</summary>
    private sealed class RetryableStatusException(int statusCode, string message) : Exception(message)
    {
        public int StatusCode { get; } = statusCode;
    }
}
