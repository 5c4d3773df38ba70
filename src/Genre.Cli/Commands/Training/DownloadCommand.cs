using System.CommandLine;
using Genre.Data.Download;
using Spectre.Console;
using Progress = Genre.Cli.Terminal.Progress;

namespace Genre.Cli.Commands;

/// <summary>
/// <c>genre download [--dest data/gtzan] [--from-zip FILE] [--force]</c>: GTZAN from Kaggle (or a zip downloaded by
/// hand), installed in the layout <c>genre extract</c> reads, and verified file by file.
/// </summary>
internal static class DownloadCommand
{
    // Inside the destination, so the part file is on the disk that will hold the dataset and a rerun finds it.
    private const string DownloadFolderName = ".download";

    public static Command Create()
    {
        var destination = new Option<string>("--dest") { Description = "Folder to install the dataset into.", DefaultValueFactory = _ => "data/gtzan" };
        var fromZip = new Option<string?>("--from-zip")
        {
            Description = $"Install from this zip (downloaded by hand from {KaggleDataset.Gtzan.WebPage}) instead of the Kaggle API.",
        };
        var force = new Option<bool>("--force") { Description = "Replace a dataset already in --dest." };
        var command = new Command("download", "Download GTZAN from Kaggle (needs an API token in ~/.kaggle/kaggle.json), install it and verify every clip.")
        {
            destination, fromZip, force,
        };
        command.SetAction(parse => CommandRunner.Run(cancel =>
            Execute(parse.GetValue(destination)!, parse.GetValue(fromZip), parse.GetValue(force), cancel)));
        return command;
    }

    private static int Execute(string destination, string? fromZip, bool force, CancellationToken cancel)
    {
        // Before the download: finding the dataset already there after 1.2 GB would waste the user's time.
        GtzanArchive.EnsureCanInstallInto(destination, force);
        var downloadFolder = Path.Combine(destination, DownloadFolderName);
        var zip = fromZip ?? Download(downloadFolder, cancel);

        var installed = Progress.Run("extracting", report =>
            GtzanArchive.Install(zip, destination, force, deleteIfCorrupt: fromZip is null, new ArchiveReporter(report), cancel));
        Console.Error.WriteLine($"installed {installed.ClipFiles} audio files into {installed.ClipsFolder}" +
            (installed.FeatureTables.Count > 0 ? $" and {string.Join(", ", installed.FeatureTables)} beside it" : string.Empty) +
            (installed.Replaced ? " (replacing the previous dataset)" : string.Empty));
        if (fromZip is null)
        {
            Directory.Delete(downloadFolder, recursive: true); // the zip is as large as the dataset; a rerun needs --force anyway
        }

        Print(DatasetVerifier.Verify(destination, cancel));
        return CommandRunner.Ok;
    }

    private static string Download(string folder, CancellationToken cancel)
    {
        var credentials = KaggleCredentials.Load();
        using var client = new KaggleApiClient(credentials);
        var dataset = KaggleDataset.Gtzan;
        Console.Error.WriteLine($"downloading {dataset} as {credentials.Username} from {client.DownloadUrl(dataset)} into {folder}");
        return Progress.RunBytes("downloading", progress => client.DownloadAsync(dataset, folder, progress, cancel).GetAwaiter().GetResult());
    }

    private static void Print(DatasetVerification verification)
    {
        var table = new Table().Title(CommandRunner.Safe(verification.Root))
            .AddColumn("Genre").AddColumn(new TableColumn("Clips").RightAligned())
            .AddColumn(new TableColumn("Unreadable").RightAligned()).AddColumn(new TableColumn("Duration").RightAligned());
        foreach (var genre in verification.Genres)
        {
            table.AddRow(CommandRunner.Safe(genre.Genre), $"{genre.Clips}", $"{genre.Unreadable}", Duration(genre.Duration));
        }

        table.AddRow("[bold]total[/]", $"[bold]{verification.Clips}[/]", $"[bold]{verification.Unreadable.Count}[/]", $"[bold]{Duration(verification.Duration)}[/]");
        AnsiConsole.Write(table);
        foreach (var file in verification.Unreadable)
        {
            Console.WriteLine($"unreadable: {file.Path}: {file.Reason}"); // one line each, never wrapped: paths get copied
        }

        Console.WriteLine($"next: {verification.NextCommand}");
    }

    private static string Duration(TimeSpan duration) => $"{(int)duration.TotalHours}:{duration:mm\\:ss}";

    private sealed class ArchiveReporter(Action<int, int, string> report) : IProgress<ArchiveProgress>
    {
        public void Report(ArchiveProgress value) => report(value.Done, value.Total, value.Entry);
    }
}
