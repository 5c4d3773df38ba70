using System.CommandLine;
using System.Globalization;
using Genre.Web;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Genre.Cli.Commands;

/// <summary><c>genre serve</c>: the upload page and JSON API on http://127.0.0.1:8000 until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (ignored with --urls).", DefaultValueFactory = _ => 8000 };
        var model = new Option<string?>("--model") { Description = "Model folder (default: the shipped model)." };
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on, separated by ';' (e.g. http://0.0.0.0:8000)." };
        var maxUpload = new Option<int>("--max-upload-mb") { Description = "Largest upload accepted, in MB.", DefaultValueFactory = _ => 50 };
        var concurrency = new Option<int>("--max-concurrency") { Description = "Uploads classified at once (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                r.AddError("--port must be between 0 and 65535.");
            }
        });
        maxUpload.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--max-upload-mb must be at least 1.");
            }
        });
        concurrency.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--max-concurrency must be at least 1.");
            }
        });

        var command = new Command("serve", "Serve the upload page and the JSON API (POST /predict, GET /health, GET /genres).") { port, model, urls, maxUpload, concurrency };
        command.SetAction(parse => CommandRunner.Run(cancel => Execute(new GenreWebOptions
        {
            ModelDirectory = parse.GetValue(model),
            Urls = parse.GetValue(urls) is { } list
                ? list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{parse.GetValue(port)}")],
            MaxUploadBytes = parse.GetValue(maxUpload) * 1024L * 1024,
            MaxConcurrency = parse.GetValue(concurrency),
        }, cancel)));
        return command;
    }

    private static int Execute(GenreWebOptions options, CancellationToken cancel)
    {
        using var app = GenreWebApp.Build(options);
        app.StartAsync(cancel).GetAwaiter().GetResult();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.Out.WriteLine($"genre: serving on {string.Join(", ", addresses)} (Ctrl+C to stop)");
        app.WaitForShutdownAsync(cancel).GetAwaiter().GetResult();
        return CommandRunner.Ok;
    }
}
