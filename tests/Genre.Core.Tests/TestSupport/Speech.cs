using System.Diagnostics;

namespace Genre.Core.Tests.TestSupport;

/// <summary>Real synthetic speech from espeak-ng (installed by eng/setup.sh): audio that is certainly not music.</summary>
public static class Speech
{
    public static void Write(string path, string text)
    {
        var start = new ProcessStartInfo("espeak-ng") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-w");
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(text);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start espeak-ng");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(path))
        {
            throw new InvalidOperationException($"espeak-ng failed (exit {process.ExitCode}): {error}");
        }
    }
}
