namespace Genre.Web.Api;

/// <summary>
/// Bounds the uploads held and classified at once, so memory stays bounded under load: a request waits up to the
/// queue timeout for a slot, then is turned away (503) rather than queued without end.
/// </summary>
internal sealed class ClassificationGate(int slots, TimeSpan queueTimeout) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(slots, slots);

    public TimeSpan QueueTimeout { get; } = queueTimeout;

    /// <summary>Requests holding a slot right now.</summary>
    public int InUse => slots - _slots.CurrentCount;

    /// <summary>A slot to dispose when done, or null when none came free in time.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken) =>
        await _slots.WaitAsync(QueueTimeout, cancellationToken) ? new Slot(_slots) : null;

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
