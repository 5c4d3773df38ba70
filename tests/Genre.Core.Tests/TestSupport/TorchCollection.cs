namespace Genre.Core.Tests.TestSupport;

/// <summary>
/// Tests that touch libtorch run one at a time: its random generator and thread count are process-wide, so a model
/// created by a parallel test between a trainer's manual_seed and its own initialisation breaks reproducibility.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "libtorch global state";
}
