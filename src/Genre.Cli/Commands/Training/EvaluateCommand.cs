using System.CommandLine;
using System.Globalization;
using Genre.Cli.Terminal;
using Genre.Evaluation;
using Genre.Inference;

namespace Genre.Cli.Commands;

/// <summary>
/// <c>genre evaluate --model DIR --features FILE.npz</c> (the MFCC CNN on its features, with report files) or
/// <c>genre evaluate --model DIR --data DIR [--held-out]</c> (any kind on labelled audio, exactly as predict hears it).
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "Model folder (default: the shipped model)." };
        var features = new Option<string?>("--features") { Description = "Feature file from 'genre extract' (.npz); MFCC CNN models only." };
        var data = new Option<string?>("--data") { Description = "Labelled audio: a folder of genre folders (GTZAN's layout included); any kind of model." };
        var output = new Option<string?>("--out") { Description = "Folder for the report files with --features (default: MODEL/evaluation)." };
        var split = new Option<string>("--split")
        {
            Description = "With --features: all: every segment of the file; test: the test part of the split the model card records (same feature file only).",
            DefaultValueFactory = _ => "all",
        };
        split.AcceptOnlyFromAmong("all", "test");
        var heldOut = new Option<bool>("--held-out") { Description = "With --data: leave out the clips the model card lists as fitted on (trained, validated or calibrated)." };
        var window = WindowOption.Create();
        var threads = new Option<int?>("--threads") { Description = "With --data: files classified in parallel (default: all cores; 1 for a time per song)." };
        var command = new Command("evaluate", "Score a model: on a feature file (accuracy per segment and clip, F1, calibration, report files) or on labelled audio (per clip, as predict hears it).")
        {
            model, features, data, output, split, heldOut, window, threads,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(features) is null) == (r.GetValue(data) is null))
            {
                r.AddError("give either --features FILE.npz or --data DIR");
            }
        });
        command.SetAction(parse => CommandRunner.Run(cancel =>
        {
            var directory = parse.GetValue(model) ?? GenreClassifier.DefaultModelDirectory;
            if (parse.GetValue(data) is { } audio)
            {
                using var classifier = GenreClassifier.Load(directory);
                var result = Progress.Run("evaluating", report => AudioEvaluation.Run(classifier, audio, parse.GetValue(heldOut), parse.GetValue(window),
                    parse.GetValue(threads), new ClipProgress(report), cancel));
                Print(result, classifier);
                return CommandRunner.Ok;
            }

            var report = ModelEvaluation.Run(directory, parse.GetValue(features)!, parse.GetValue(output) ?? Path.Combine(directory, "evaluation"),
                parse.GetValue(split) == "test" ? EvaluationSplit.Test : EvaluationSplit.All, cancel);
            Print(report);
            return CommandRunner.Ok;
        }));
        return command;
    }

    private static void Print(AudioEvaluationResult result, GenreClassifier classifier)
    {
        foreach (var skipped in result.Scores.Skipped)
        {
            Console.Error.WriteLine($"skipped: {skipped.Path}: {skipped.Reason}");
        }

        var excluded = result.ExcludedFitted > 0 ? $", {result.ExcludedFitted} fitted-on clips left out" : string.Empty;
        var window = PredictionWindows.Name(classifier.DefaultWindow);
        Console.WriteLine($"evaluated {classifier.Kind} model {classifier.Name} on {result.Raw.Clips} clips{excluded}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"clip accuracy {Percent(result.Calibrated.Accuracy)} (one clip is {100.0 / result.Raw.Clips:0.0} points), macro F1 {result.Calibrated.MacroF1:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"raw:        accuracy {Percent(result.Raw.Accuracy)}, macro F1 {result.Raw.MacroF1:0.000}, ECE {Percent(result.Raw.Ece)}, log-loss {result.Raw.LogLoss:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"calibrated: accuracy {Percent(result.Calibrated.Accuracy)}, macro F1 {result.Calibrated.MacroF1:0.000}, ECE {Percent(result.Calibrated.Ece)}, log-loss {result.Calibrated.LogLoss:0.000} (T = {classifier.Card.Temperature:0.000}{(classifier.Card.GenreBias is null ? "" : ", per-genre bias")})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time per clip {result.MillisecondsPerClip:0.0} ms (decode included; default window {window})"));
    }

    private static void Print(ModelEvaluationResult result)
    {
        var s = result.Summary;
        Console.WriteLine($"evaluated {result.Segments}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"segment accuracy {100 * s.SegmentAccuracy:0.0} % ({s.SegmentCount} segments), clip accuracy {100 * s.ClipAccuracy:0.0} % ({s.ClipCount} clips), macro F1 {s.MacroF1:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ECE {100 * s.EceBefore:0.0} % before, {100 * s.EceAfter:0.0} % after temperature scaling (T = {s.Temperature:0.000})"));
        Console.WriteLine($"report: {result.ReportDirectory}");
    }

    private static string Percent(double p) => Text.Percent(p);
}
