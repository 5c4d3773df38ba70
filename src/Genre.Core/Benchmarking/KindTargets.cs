using Genre.Kinds;

namespace Genre.Benchmarking;

/// <summary>
/// What each kind of model is held to in <c>genre bench</c>, from its issue: the MFCC CNN must beat the original
/// system tenfold, the larger AudioSet network (alone or under a head, which adds microseconds) the reference PyTorch network's 118 ms for three windows.
/// </summary>
internal sealed record KindTargets(string Warm, string WarmOriginal, string Cold)
{
    public static KindTargets Of(string kind) => kind is ModelKinds.AudioSet or ModelKinds.AudioSetHead
        ? new("<= 60 ms", "118 ms (PyTorch network only)", "<= 600 ms")
        : new("<= 10 ms", "108 ms", "<= 600 ms");
}
