using System.CommandLine;
using Genre.Inference;
using Genre.Training;
using Genre.Training.Head;

namespace Genre.Cli.Commands;

/// <summary>The options of <c>genre train --kind audioset-head</c> beyond the CNN's, and the request they make.</summary>
internal sealed class HeadTrainOptions
{
    private static readonly HeadTrainingOptions s_defaults = new();

    public HeadTrainOptions() => Head.AcceptOnlyFromAmong("logistic", "mlp");

    public Option<string> Head { get; } = new("--head")
    {
        Description = "audioset-head: logistic (softmax regression) or mlp (one hidden ReLU layer).",
        DefaultValueFactory = _ => s_defaults.Head,
    };

    public Option<int> Hidden { get; } = new("--hidden") { Description = "audioset-head mlp: hidden units.", DefaultValueFactory = _ => s_defaults.HiddenUnits };

    public Option<double> WeightDecay { get; } = new("--weight-decay") { Description = "audioset-head: L2 penalty on the weights.", DefaultValueFactory = _ => s_defaults.WeightDecay };

    public Option<string?> BaseModel { get; } = new("--base-model")
    {
        Description = "audioset-head: the AudioSet model folder the embeddings came from (default: the shipped model); its network is copied into the new folder.",
    };

    public IEnumerable<Option> All => [Head, Hidden, WeightDecay, BaseModel];

    /// <summary>
    /// The head's request; epochs and learning rate are the CNN's options, with the head's own defaults (100 epochs,
    /// lr 0.001) when the user did not give them.
    /// </summary>
    public HeadTrainingRequest Request(ParseResult parse, TrainingRequest cnn, Option<int> epochs)
    {
        var options = new HeadTrainingOptions
        {
            Head = parse.GetValue(Head)!,
            HiddenUnits = parse.GetValue(Hidden),
            WeightDecay = parse.GetValue(WeightDecay),
            Epochs = parse.GetResult(epochs) is { Implicit: false } ? cnn.Options.Epochs : s_defaults.Epochs,
            BatchSize = cnn.Options.BatchSize,
            LearningRate = cnn.Options.LearningRate,
            Seed = cnn.Options.Seed,
            Threads = cnn.Options.Threads,
            Patience = cnn.Options.Patience,
        };
        return new HeadTrainingRequest(cnn.FeaturesPath, cnn.OutputDirectory, cnn.Split, options, parse.GetValue(BaseModel) ?? GenreClassifier.DefaultModelDirectory,
            cnn.SplitLists, cnn.Notes);
    }
}
