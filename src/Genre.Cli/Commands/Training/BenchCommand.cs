using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Genre.Audio;
using Genre.Benchmarking;
using Genre.Data;
using Genre.Inference;
using Spectre.Console;

namespace Genre.Cli.Commands;

/// <summary><c>genre bench</c>: measures extraction, training, inference and a cold predict on this machine.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "Model folder (default: the shipped model)." };
        var clip = new Option<string?>("--clip") { Description = "A 30 s audio file to measure with (default: the example song, written to a temporary file)." };
        var skipTraining = new Option<bool>("--skip-training") { Description = "Leave out the training measurement (about a minute)." };
        var files = new Option<int>("--files") { Description = "Inputs for the batch pipeline's throughput (cycled over 200 generated 30 s wavs).", DefaultValueFactory = _ => 200 };
        var batchOnly = new Option<bool>("--batch-only") { Description = "Measure only the batch pipeline: files per second and peak memory." };
        var aot = new Option<string?>("--aot") { Description = "The predict-only tool's Native AOT `genre` (see the README's Install): its cold predict is measured beside this build's." };
        var command = new Command("bench", "Measure extraction per clip, training and inference throughput, the batch pipeline, and prediction latency (cold and warm) with peak memory.")
        {
            model, clip, skipTraining, files, batchOnly, aot,
        };
        files.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--files must be at least 1.");
            }
        });
        command.SetAction(parse => CommandRunner.Run(_ => Execute(parse.GetValue(model), parse.GetValue(clip), parse.GetValue(skipTraining), parse.GetValue(files), parse.GetValue(batchOnly), parse.GetValue(aot))));
        return command;
    }

    /// <summary>Distinct files the batch measurement reads: the issue's "folder of at least 200 generated 30 s wavs".</summary>
    private const int BatchFolderFiles = 200;

    private static int Execute(string? modelDirectory, string? clip, bool skipTraining, int batchFiles, bool batchOnly, string? aot)
    {
        if (aot is not null && !File.Exists(aot))
        {
            return CommandRunner.Fail($"{aot}: no such file; give --aot the predict-only tool's genre executable");
        }

        var temp = clip is null ? Path.Combine(Path.GetTempPath(), $"genre-bench-{Guid.NewGuid():N}.wav") : null;
        var longSong = Path.Combine(Path.GetTempPath(), $"genre-bench-long-{Guid.NewGuid():N}.wav");
        try
        {
            if (temp is not null)
            {
                ExampleSong.Write(temp);
            }

            var file = clip ?? temp!;
            var results = new List<BenchResult>();
            void Measure(string what, Func<BenchResult> run)
            {
                Console.Error.WriteLine($"measuring {what} ...");
                results.Add(run());
            }

            if (batchOnly)
            {
                MeasureBatch(modelDirectory, file, batchFiles, aot, results);
                return Print(results);
            }

            Measure("extraction", () => PerformanceBench.Extraction(file));
            string kind;
            MeasureBatch(modelDirectory, file, batchFiles, aot, results);
            using (var classifier = GenreClassifier.Load(modelDirectory))
            {
                kind = classifier.Kind;
                Measure("warm prediction", () => PerformanceBench.WarmPrediction(classifier, file));
                Measure("a 4-minute song", () => PerformanceBench.LongSongPrediction(classifier, LongSong(file, longSong), TimeSpan.FromMinutes(4)));
                Measure("inference throughput", () => PerformanceBench.InferenceThroughput(classifier, file));
            }

            Console.Error.WriteLine("measuring cold prediction ...");
            var (wall, memory) = PerformanceBench.ColdPrediction(PredictProcess(Self(), file, modelDirectory), kind);
            results.Add(wall);
            results.Add(memory);
            if (aot is not null)
            {
                Console.Error.WriteLine("measuring cold prediction, Native AOT ...");
                (wall, memory) = PerformanceBench.ColdPrediction(PredictProcess(new ProcessStartInfo(aot), file, modelDirectory), kind, "Native AOT");
                results.Add(wall);
                results.Add(memory);
            }

            if (!skipTraining)
            {
                Measure("training", () => TrainingBench.Run());
            }

            return Print(results);
        }
        finally
        {
            if (temp is not null)
            {
                AtomicFile.TryDelete(temp);
            }

            AtomicFile.TryDelete(longSong);
        }
    }

    /// <summary>
    /// The batch pipeline over a temporary folder of <see cref="BatchFolderFiles"/> copies of the clip: in this process
    /// with a fresh classifier, and, given the Native AOT tool, as a whole <c>genre predict FOLDER</c> process of it.
    /// </summary>
    private static void MeasureBatch(string? modelDirectory, string clip, int count, string? aot, List<BenchResult> results)
    {
        var folder = Directory.CreateTempSubdirectory("genre-bench-batch-").FullName;
        try
        {
            var files = Enumerable.Range(0, BatchFolderFiles).Select(i => Path.Combine(folder, $"{i:D4}.wav")).ToList();
            foreach (var f in files)
            {
                File.Copy(clip, f);
            }

            string kind;
            using (var classifier = GenreClassifier.Load(modelDirectory))
            {
                kind = classifier.Kind;
                Console.Error.WriteLine($"measuring the batch pipeline over {count} files ...");
                var (throughput, cpu, memory) = PerformanceBench.BatchThroughput(classifier, files, count);
                results.AddRange([throughput, cpu, memory]);
            }

            if (aot is not null)
            {
                Console.Error.WriteLine($"measuring genre predict over the {BatchFolderFiles}-file folder, Native AOT ...");
                var (wall, peak) = PerformanceBench.BatchProcess(PredictProcess(new ProcessStartInfo(aot), folder, modelDirectory), BatchFolderFiles, kind, "Native AOT");
                results.AddRange([wall, peak]);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Print(List<BenchResult> results)
    {
        var table = new Table().Title($"genre bench — {Environment.ProcessorCount} cores, {RuntimeDescription()}");
        table.AddColumns("measure", "here", "original", "target", "note");
        foreach (var r in results)
        {
            table.AddRow(Markup.Escape(r.Name), $"[bold]{r.Value.ToString(r.Value >= 100 ? "N0" : "0.00", CultureInfo.InvariantCulture)} {Markup.Escape(r.Unit)}[/]",
                Markup.Escape(r.Original ?? ""), Markup.Escape(r.Target ?? ""), Markup.Escape(r.Note ?? ""));
        }

        AnsiConsole.Write(table);
        return CommandRunner.Ok;
    }

    /// <summary>The measured clip repeated to 4 minutes, written as a 16-bit wav at its own rate.</summary>
    private static string LongSong(string clip, string path)
    {
        var signal = AudioLoader.Load(clip, new AudioLoadOptions { SampleRate = 22050 });
        var song = new float[22050 * 240];
        for (var i = 0; i < song.Length; i++)
        {
            song[i] = signal.Samples[i % signal.Samples.Length];
        }

        AudioFileWriter.Write(path, song, 22050, 1, AudioFileFormat.WavPcm16);
        return path;
    }

    /// <summary>This very program (through dotnet when started as genre.dll).</summary>
    private static ProcessStartInfo Self()
    {
        var self = Environment.ProcessPath ?? "genre";
        var start = new ProcessStartInfo(self);
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        return start;
    }

    /// <summary><paramref name="start"/> run as <c>genre predict FILE --json</c> (a folder: every file in it).</summary>
    private static ProcessStartInfo PredictProcess(ProcessStartInfo start, string file, string? modelDirectory)
    {
        start.UseShellExecute = false;
        foreach (var arg in new[] { "predict", file, "--json" })
        {
            start.ArgumentList.Add(arg);
        }

        if (modelDirectory is not null)
        {
            start.ArgumentList.Add("--model");
            start.ArgumentList.Add(modelDirectory);
        }

        return start;
    }

    private static string RuntimeDescription() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
}
