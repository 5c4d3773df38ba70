namespace Genre.Core.Tests.TestSupport;

/// <summary>
/// A thread that runs full garbage collections and finalisers back to back until disposed: the worst case for code
/// that hands a finalisable object's raw pointer to native code without keeping the object alive.
/// </summary>
public sealed class CollectingThread : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;

    public CollectingThread()
    {
        _thread = new Thread(() =>
        {
            while (!_stop)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                Interlocked.Increment(ref _collections);
            }
        }) { IsBackground = true, Name = "collecting" };
        _thread.Start();
    }

    private int _collections;

    /// <summary>How many collections have run so far.</summary>
    public int Collections => Volatile.Read(ref _collections);

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }
}
