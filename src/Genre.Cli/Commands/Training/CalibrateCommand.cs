using System.CommandLine;
using System.Globalization;
using Genre.Cli.Terminal;
using Genre.Evaluation;
using Genre.Model;

namespace Genre.Cli.Commands;

/// <summary>
/// <c>genre calibrate --model DIR --data DIR --out DIR [--fit-clips FILE|MODEL]</c>: fits the genre calibration of
/// any kind of model on labelled clips and writes the calibrated model folder.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model folder to calibrate.", Required = true };
        var data = new Option<string>("--data") { Description = "Labelled audio: a folder of genre folders (GTZAN's layout included).", Required = true };
        var output = new Option<string>("--out") { Description = "Model folder to write (may be --model itself).", Required = true };
        var fitClips = new Option<string?>("--fit-clips")
        {
            Description = "The clips to fit on: a text file of clip names (one per line), or a model folder whose card lists its fitted clips (to hold out the same clips as that model). Default: four in five clips of each genre.",
        };
        var command = new Command("calibrate", "Fit a model's genre calibration (temperature, and a per-genre bias if cross-validation says it pays) on labelled clips; report before and after on the others.")
        {
            model, data, output, fitClips,
        };
        command.SetAction(parse => CommandRunner.Run(cancel =>
        {
            var clips = parse.GetValue(fitClips) is { } source ? ReadClipNames(source) : null;
            var result = Progress.Run("scoring", report =>
                ModelCalibration.Run(parse.GetValue(model)!, parse.GetValue(data)!, parse.GetValue(output)!, clips, new ClipProgress(report), cancel));
            Print(result, parse.GetValue(output)!);
            return CommandRunner.Ok;
        }));
        return command;
    }

    private static HashSet<string> ReadClipNames(string source)
    {
        if (Directory.Exists(source))
        {
            var card = ModelFolder.Read(source).Card;
            return card.FittedClips is { Count: > 0 } fitted
                ? [.. fitted]
                : throw new ModelFileException(source, "the model card lists no fitted clips to fit on");
        }

        if (!File.Exists(source))
        {
            throw new DatasetException(source, "--fit-clips: no such file or model folder");
        }

        return [.. File.ReadLines(source).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }

    private static void Print(ModelCalibrationResult result, string output)
    {
        foreach (var skipped in result.Skipped)
        {
            Console.Error.WriteLine($"skipped: {skipped.Path}: {skipped.Reason}");
        }

        var c = result.Calibration;
        var bias = c.Bias is null ? string.Empty : $", bias [{string.Join(", ", c.Bias.Select(b => b.ToString("0.00", CultureInfo.InvariantCulture)))}]";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fitted {c.Method} on {result.FittedClips} clips: T = {c.Temperature:0.000}{bias}"));
        Console.WriteLine($"chosen by {c.Selection}");
        if (result.Before is { } before && result.After is { } after)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"held out ({before.Clips} clips): accuracy {100 * before.Accuracy:0.0} % -> {100 * after.Accuracy:0.0} %, macro F1 {before.MacroF1:0.000} -> {after.MacroF1:0.000}, ECE {100 * before.Ece:0.0} % -> {100 * after.Ece:0.0} %"));
        }

        Console.WriteLine($"model: {output}");
    }
}
