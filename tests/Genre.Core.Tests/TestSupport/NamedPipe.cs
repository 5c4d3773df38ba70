using System.Diagnostics;
using Shouldly;

namespace Genre.Core.Tests.TestSupport;

/// <summary>FIFOs for the tests of inputs that are not regular files: made with coreutils' mkfifo.</summary>
internal static class NamedPipe
{
    /// <summary>Creates a named pipe at <paramref name="path"/> with no writer.</summary>
    public static void Create(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        mkfifo.ExitCode.ShouldBe(0);
    }
}
