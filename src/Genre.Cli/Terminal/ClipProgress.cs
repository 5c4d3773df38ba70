using Genre.Data;

namespace Genre.Cli.Terminal;

/// <summary>Per-clip progress from the library (<see cref="ExtractionProgress"/>) to a <see cref="Progress"/> bar.</summary>
internal sealed class ClipProgress(Action<int, int, string> report) : IProgress<ExtractionProgress>
{
    public void Report(ExtractionProgress value) => report(value.Done, value.Total, value.Track);
}
