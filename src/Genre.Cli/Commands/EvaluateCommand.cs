using System.CommandLine;
using System.Globalization;
using Genre.Evaluation;

namespace Genre.Cli.Commands;

/// <summary><c>genre evaluate --model DIR --features FILE.npz</c>: scores a saved model and writes the report files.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model folder from 'genre train'.", Required = true };
        var features = new Option<string>("--features") { Description = "Feature file from 'genre extract' (.npz).", Required = true };
        var output = new Option<string?>("--out") { Description = "Folder for the report files (default: MODEL/evaluation)." };
        var split = new Option<string>("--split")
        {
            Description = "all: every segment of the file; test: the test part of the split the model card records (same feature file only).",
            DefaultValueFactory = _ => "all",
        };
        split.AcceptOnlyFromAmong("all", "test");
        var command = new Command("evaluate", "Score a model on a feature file: accuracy per segment and per clip, F1, calibration, confusion; writes report files.")
        {
            model, features, output, split,
        };
        command.SetAction(parse => CommandRunner.Run(cancel =>
        {
            var directory = parse.GetValue(model)!;
            var result = ModelEvaluation.Run(directory, parse.GetValue(features)!, parse.GetValue(output) ?? Path.Combine(directory, "evaluation"),
                parse.GetValue(split) == "test" ? EvaluationSplit.Test : EvaluationSplit.All, cancel);
            Print(result);
            return CommandRunner.Ok;
        }));
        return command;
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
}
