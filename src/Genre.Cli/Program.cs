using Genre.Cli;

return GenreCli.Run(args);
