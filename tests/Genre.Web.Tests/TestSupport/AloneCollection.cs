namespace Genre.Web.Tests.TestSupport;

/// <summary>Tests that measure the process's memory run with nothing else beside them: other tests' allocations would be counted.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "process-wide measurements";
}
