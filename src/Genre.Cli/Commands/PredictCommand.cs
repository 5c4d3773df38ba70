using System.CommandLine;
using System.Globalization;
using Genre.Audio;
using Genre.Batch;
using Genre.Inference;
using Spectre.Console;

namespace Genre.Cli.Commands;

/// <summary><c>genre predict FILE|DIR ...</c>: the genre of each song, as a table for people or JSON Lines for scripts.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Audio files, or folders to classify every audio file in.", Arity = ArgumentArity.ZeroOrMore };
        var model = new Option<string?>("--model") { Description = "Model folder (default: the shipped model)." };
        var top = new Option<int>("--top") { Description = "Genres to show per file.", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "One JSON object per file per line (keys: file, genre, confidence, probabilities, segments; or file, error)." };
        var window = WindowOption.Create();
        var tags = new Option<int>("--tags") { Description = "Also show the K strongest other music tags (instruments, moods, styles) the model knows.", DefaultValueFactory = _ => 0 };
        var fileLimit = new Option<double>("--file-limit")
        {
            Description = "Seconds one file may take to decode and featurise; a file still going after that (a decoder stuck on a stalled disk or mount) becomes that file's error.",
            DefaultValueFactory = _ => BatchOptions.DefaultPerFileLimit.TotalSeconds,
        };
        fileLimit.Validators.Add(r =>
        {
            if (!(r.GetValueOrDefault<double>() > 0))
            {
                r.AddError("--file-limit must be a number of seconds above 0.");
            }
        });
        var manifest = ManifestOptions.Create();
        var command = new Command("predict", "Tell the genre of songs (wav, mp3, flac, ogg, m4a, ...); with --manifest, one shard of a whole library into a part file.")
        {
            inputs, model, top, json, window, tags, fileLimit,
        };
        manifest.AddTo(command);
        command.Validators.Add(r =>
        {
            var files = r.GetValue(inputs) ?? [];
            if (r.GetValue(manifest.Manifest) is null)
            {
                if (files.Length == 0)
                {
                    r.AddError("give audio files or folders, or --manifest FILE --out DIR.");
                }
                else if (manifest.Used(r))
                {
                    r.AddError("--out, --shard-index, --shard-count, --format and --overwrite go with --manifest.");
                }
            }
            else if (files.Length > 0)
            {
                r.AddError("give either audio files or --manifest, not both.");
            }
            else if (r.GetValue(manifest.Out) is null)
            {
                r.AddError("--manifest needs --out DIR, the folder of the parts.");
            }
        });
        command.SetAction(parse =>
        {
            var options = new BatchOptions
            {
                Prediction = new PredictionOptions { Window = parse.GetValue(window), Tags = parse.GetValue(tags) },
                PerFileLimit = TimeSpan.FromSeconds(parse.GetValue(fileLimit)),
            };
            return parse.GetValue(manifest.Manifest) is { } list
                ? CommandRunner.RunBatch(cancel => ManifestPrediction.Execute(list, manifest.Settings(parse), parse.GetValue(model), options, cancel))
                : CommandRunner.Run(cancel => Execute(parse.GetValue(inputs)!, parse.GetValue(model), parse.GetValue(top), parse.GetValue(json), options, cancel));
        });
        return command;
    }

    private static int Execute(string[] inputs, string? modelDirectory, int top, bool json, BatchOptions options, CancellationToken cancel)
    {
        var files = AudioFiles.Expand(inputs, skipped => Console.Error.WriteLine($"genre: warning: {skipped}"));
        using var classifier = GenreClassifier.Load(modelDirectory);
        var predictor = new BatchPredictor(classifier, options);
        var batch = files.Select(f => new BatchInput(f, f));
        var results = files.Count == 1
            ? Collect(predictor, batch, (_, _) => { }, cancel)
            : Terminal.Progress.Run("classifying", report => Collect(predictor, batch, (done, file) => report(done, files.Count, Path.GetFileName(file)), cancel));
        foreach (var result in results)
        {
            if (json)
            {
                Console.Out.WriteLine(PredictionJson.Line(result.Input.Path, result.Prediction, result.Error, classifier.Genres));
            }
            else if (result.Prediction is { } prediction)
            {
                WriteTable(result.Input.Path, prediction, top);
            }
            else
            {
                Console.Error.WriteLine($"genre: error: {result.Error}");
            }
        }

        return results.Any(r => r.Error is not null) ? CommandRunner.Failed : CommandRunner.Ok;
    }

    /// <summary>Every result in input order: the tables are printed after the progress bar, as one listing.</summary>
    private static List<BatchResult> Collect(BatchPredictor predictor, IEnumerable<BatchInput> batch, Action<int, string> report, CancellationToken cancel)
    {
        var results = new List<BatchResult>();
        foreach (var result in predictor.PredictAsync(batch, cancel).ToBlockingEnumerable(cancel))
        {
            results.Add(result);
            report(results.Count, result.Input.Path);
        }

        return results;
    }

    private static void WriteTable(string file, GenrePrediction prediction, int top)
    {
        var windows = prediction.Segments.Count == 1 ? "1 window" : $"{prediction.Segments.Count} windows";
        var title = $"[bold]{Markup.Escape(file)}[/]  [grey]({prediction.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s, {windows} of {PredictionWindows.Name(prediction.Window)})[/]";
        if (prediction.IsSilent)
        {
            AnsiConsole.MarkupLine($"{title}\n  [yellow]silence: no audible sound, so no genre[/]");
            return;
        }

        if (prediction.IsMusic == false)
        {
            var other = prediction.OtherSound is { } sound ? $"it sounds like {Markup.Escape(sound.Tag)} {Percent(sound.Probability)}, music {Percent(prediction.MusicProbability!.Value)}" : string.Empty;
            AnsiConsole.MarkupLine($"{title}\n  [yellow]this does not sound like music[/] [grey]({other}), so no genre[/]");
            return;
        }
        else
        {
            AnsiConsole.MarkupLine($"{title}\n  [green bold]{Markup.Escape(prediction.Genre!)}[/] {Percent(prediction.Confidence)}");
        }

        var table = new Table().HideHeaders().NoBorder();
        table.AddColumn("genre").AddColumn("bar").AddColumn(new TableColumn("p").RightAligned());
        foreach (var p in prediction.Top(top))
        {
            table.AddRow($"  {Markup.Escape(p.Genre)}", Bar(p.Probability), Percent(p.Probability));
        }

        AnsiConsole.Write(table);
        if (prediction.Tags.Count > 0)
        {
            AnsiConsole.MarkupLine($"  [grey]tags:[/] {string.Join(", ", prediction.Tags.Select(t => $"{Markup.Escape(t.Tag)} {Percent(t.Probability)}"))}");
        }
    }

    private static string Bar(float probability)
    {
        var width = (int)Math.Round(probability * 30);
        return $"[blue]{new string('█', width)}[/][grey]{new string('░', 30 - width)}[/]";
    }

    private static string Percent(float p) => Terminal.Text.Percent(p);
}
