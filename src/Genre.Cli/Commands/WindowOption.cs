using System.CommandLine;
using Genre.Inference;

namespace Genre.Cli.Commands;

/// <summary>The <c>--window first30|full|spread</c> option, shared by the commands that classify audio.</summary>
internal static class WindowOption
{
    public static Option<PredictionWindow?> Create()
    {
        var window = new Option<PredictionWindow?>("--window")
        {
            Description = "first30: the first 30 s; full: every window of the track (a timeline); spread: 30 s worth of windows spread over the track. Default: the model's choice.",
            CustomParser = r =>
            {
                if (PredictionWindows.TryParse(r.Tokens.Single().Value, out var parsed))
                {
                    return parsed;
                }

                r.AddError($"'{r.Tokens.Single().Value}' is not a window: use {PredictionWindows.Names}.");
                return null;
            },
        };
        window.AcceptOnlyFromAmong("first30", "full", "spread");
        return window;
    }
}
