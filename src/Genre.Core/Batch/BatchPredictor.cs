using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Genre.Inference;

namespace Genre.Batch;

/// <summary>
/// Classifies a stream of files of any length with one loaded model: <see cref="BatchOptions.Workers"/> workers decode
/// and featurise files, network workers gather the windows of several files into one network call, and the results
/// come back <b>in input order</b>. Memory is bounded whatever the input count: the inputs are read lazily, every
/// stage is a bounded channel, and at most <see cref="BatchOptions.Capacity"/> files are in flight at once (read but
/// not yet returned, reorder buffer included), so a slow file holds back at most that many finished ones. A file that
/// fails (unreadable, corrupt, missing, too slow) is a result with an error, never an abort; anything else (a missing
/// native library, a bug) stops the batch and is thrown. Calibration and the verdict are exactly
/// <see cref="GenreClassifier.Predict(string, PredictionOptions?, CancellationToken)"/>'s.
/// </summary>
public sealed class BatchPredictor
{
    private readonly GenreClassifier _classifier;
    private readonly BatchOptions _options;

    /// <summary>
    /// Each file's decoded samples (a 30 s clip is 2.6-3.8 MB) and network inputs (1.5 MB for three AudioSet windows),
    /// and each network call's batch, reused instead of a new large-object array per file and per call: that garbage,
    /// not the files in flight, made the peak grow with the number of files.
    /// </summary>
    private readonly ArrayPool<float> _decodeBuffers;
    private readonly ArrayPool<float> _inputBuffers;
    private readonly ArrayPool<float> _batchBuffers;
    private int _inFlight;
    private int _peakInFlight;

    /// <summary>A pipeline over <paramref name="classifier"/> (not owned: the caller disposes it) with <paramref name="options"/> (the defaults when null).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Workers, capacity or batch windows below 1.</exception>
    public BatchPredictor(GenreClassifier classifier, BatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        _classifier = classifier;
        _options = options ?? new BatchOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.BatchWindows, 1);
        _decodeBuffers = ArrayPool<float>.Create(1 << 24, _options.Workers);
        _inputBuffers = ArrayPool<float>.Create(1 << 24, _options.Capacity);
        _batchBuffers = ArrayPool<float>.Create(1 << 26, _options.Workers);
    }

    /// <summary>The most files that were in flight at once so far: never more than <see cref="BatchOptions.Capacity"/>.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>The result of every input, in input order, as soon as it and all before it are done.</summary>
    public async IAsyncEnumerable<BatchResult> PredictAsync(IEnumerable<BatchInput> inputs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        using var admission = new SemaphoreSlim(_options.Capacity);
        var capacity = _options.Capacity;
        var toDecode = Channel.CreateBounded<(long Index, BatchInput Input)>(capacity);
        var toNetwork = Channel.CreateBounded<Decoded>(capacity);
        var done = Channel.CreateBounded<BatchResult>(capacity);
        Exception? fault = null;
        void Fail(Exception e)
        {
            Interlocked.CompareExchange(ref fault, e, null);
            stop.Cancel();
        }

        var producer = Stage(() => Produce(inputs, admission, toDecode.Writer, token), Fail, toDecode.Writer);
        var decoders = Stages(_options.Workers, () => Decode(toDecode.Reader, toNetwork.Writer, token), Fail, toNetwork.Writer);
        var networks = Stages(_options.Workers, () => RunNetwork(toNetwork.Reader, done.Writer, token), Fail, done.Writer);
        var pending = new Dictionary<long, BatchResult>();
        var next = 0L;
        try
        {
            while (true)
            {
                BatchResult? result;
                try
                {
                    if (!await done.Reader.WaitToReadAsync(token).ConfigureAwait(false))
                    {
                        break;
                    }

                    result = done.Reader.TryRead(out var r) ? r : null;
                }
                catch (OperationCanceledException) when (fault is not null)
                {
                    break;
                }

                if (result is null)
                {
                    continue;
                }

                // The reorder buffer: admission keeps it under the capacity, as a file is released only when returned.
                pending.Add(result.Index, result);
                while (pending.Remove(next, out var ready))
                {
                    next++;
                    Interlocked.Decrement(ref _inFlight);
                    admission.Release();
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return ready;
                }
            }
        }
        finally
        {
            stop.Cancel();
            await Task.WhenAll([producer, decoders, networks]).ConfigureAwait(false);
        }

        if (fault is not null)
        {
            ExceptionDispatchInfo.Throw(fault);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task Produce(IEnumerable<BatchInput> inputs, SemaphoreSlim admission, ChannelWriter<(long, BatchInput)> writer, CancellationToken token)
    {
        var index = 0L;
        foreach (var input in inputs)
        {
            await admission.WaitAsync(token).ConfigureAwait(false);
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _peakInFlight, now);
            await writer.WriteAsync((index++, input), token).ConfigureAwait(false);
        }
    }

    private async Task Decode(ChannelReader<(long Index, BatchInput Input)> reader, ChannelWriter<Decoded> writer, CancellationToken token)
    {
        await foreach (var (index, input) in reader.ReadAllAsync(token).ConfigureAwait(false))
        {
            await writer.WriteAsync(Prepare(index, input, token), token).ConfigureAwait(false);
        }
    }

    /// <summary>One file decoded and featurised, or its error; only the user's faults become errors (<see cref="InputFailure"/>).</summary>
    private Decoded Prepare(long index, BatchInput input, CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        using var limit = new CancellationTokenSource(_options.PerFileLimit);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(token, limit.Token);
        try
        {
            return new Decoded(index, input, _classifier.Prepare(input.Path, _options.Prediction, _decodeBuffers, _inputBuffers, either.Token), null, clock);
        }
        catch (Exception e) when (InputFailure.Is(e))
        {
            return new Decoded(index, input, null, InputFailure.Describe(e, input.Path), clock);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !token.IsCancellationRequested)
        {
            return new Decoded(index, input, null, $"{input.Path}: still decoding after {Describe(_options.PerFileLimit)} (the per-file limit); skipped", clock);
        }
    }

    private static string Describe(TimeSpan limit) => limit.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{limit.TotalMinutes:0.#} minutes")
        : string.Create(CultureInfo.InvariantCulture, $"{limit.TotalSeconds:0.###} s");

    /// <summary>
    /// Takes whatever files are ready, up to <see cref="BatchOptions.BatchWindows"/> windows (and no more than the
    /// model's network takes at once), into one network call: when
    /// the network is the bottleneck the batches fill, and when decoding is, no file waits for company.
    /// </summary>
    private async Task RunNetwork(ChannelReader<Decoded> reader, ChannelWriter<BatchResult> writer, CancellationToken token)
    {
        var batch = new List<Decoded>();
        // More than the network takes in one call would only be split again, with all of it held at once.
        var most = Math.Min(_options.BatchWindows, _classifier.NetworkWindowsPerCall);
        while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
        {
            batch.Clear();
            var windows = 0;
            while (windows < most && reader.TryRead(out var decoded))
            {
                if (decoded.Track is null)
                {
                    await writer.WriteAsync(new BatchResult(decoded.Index, decoded.Input, null, decoded.Error, decoded.Clock.Elapsed), token).ConfigureAwait(false);
                    continue;
                }

                batch.Add(decoded);
                windows += decoded.Track.Inputs.Count;
            }

            if (batch.Count == 0)
            {
                continue;
            }

            token.ThrowIfCancellationRequested();
            foreach (var result in Conclude(batch, windows))
            {
                await writer.WriteAsync(result, token).ConfigureAwait(false);
            }
        }
    }

    private List<BatchResult> Conclude(List<Decoded> batch, int windows)
    {
        var inputSize = _classifier.NetworkInputSize;
        var outputSize = _classifier.NetworkOutputSize;
        var inputs = _batchBuffers.Rent(windows * inputSize);
        try
        {
            var offset = 0;
            foreach (var decoded in batch)
            {
                var own = decoded.Track!.Inputs;
                own.Inputs.AsSpan(0, own.Count * inputSize).CopyTo(inputs.AsSpan(offset));
                offset += own.Count * inputSize;
                _inputBuffers.Return(own.Inputs);
            }

            var rows = _classifier.RunNetwork(inputs.AsSpan(0, windows * inputSize), windows);
            var results = new List<BatchResult>(batch.Count);
            var row = 0;
            foreach (var decoded in batch)
            {
                var count = decoded.Track!.Inputs.Count;
                var own = rows.AsSpan(row * outputSize, count * outputSize).ToArray();
                row += count;
                var prediction = _classifier.Conclude(decoded.Track, own, _options.Prediction.Tags);
                results.Add(new BatchResult(decoded.Index, decoded.Input, prediction, null, decoded.Clock.Elapsed));
            }

            return results;
        }
        finally
        {
            _batchBuffers.Return(inputs);
        }
    }

    private static Task Stages<T>(int count, Func<Task> body, Action<Exception> fail, ChannelWriter<T> next) =>
        Stage(() => Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(body))), fail, next);

    /// <summary>Runs a stage; when it ends the next channel is completed, and a real failure stops the whole pipeline.</summary>
    private static async Task Stage<T>(Func<Task> body, Action<Exception> fail, ChannelWriter<T> next)
    {
        try
        {
            await Task.Run(body).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped from outside or by another stage's failure: that one is reported.
        }
        catch (Exception e)
        {
            fail(e);
        }
        finally
        {
            next.TryComplete();
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>A file between its workers: prepared for the network, or failed, with its clock running.</summary>
    private sealed record Decoded(long Index, BatchInput Input, PreparedTrack? Track, string? Error, Stopwatch Clock);
}
