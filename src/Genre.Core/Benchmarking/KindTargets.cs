using Genre.Kinds;

namespace Genre.Benchmarking;

/// <summary>
/// What each kind of model is held to in <c>genre bench</c>, from its issue: the MFCC CNN must beat the original
/// system tenfold, the larger AudioSet network (alone or under a head, which adds microseconds) the reference PyTorch
/// network's 118 ms for three windows; a cold predict (a whole process) 0.15 s and 0.3 s; the batch pipeline 150 files
/// per second with the MFCC CNN (the AudioSet network has no such line: its figure is reported, not held).
/// </summary>
internal sealed record KindTargets(string Warm, string WarmOriginal, string Cold, string? Batch)
{
    /// <summary>Peak memory of a cold predict, every kind (the original: 418 MB).</summary>
    public const string ColdPeak = "<= 120 MB";

    // Cold targets are the predict-only tool's (Native AOT); the JIT build is measured beside it against the same line.
    public static KindTargets Of(string kind) => kind switch
    {
        ModelKinds.AudioSet or ModelKinds.AudioSetHead => new("<= 60 ms", "118 ms (PyTorch network only)", "<= 300 ms", null),
        ModelKinds.MfccCnn => new("<= 10 ms", "108 ms", "<= 150 ms", ">= 150 files/s"),
        _ => new("<= 10 ms", "108 ms", "<= 150 ms", null),
    };
}
