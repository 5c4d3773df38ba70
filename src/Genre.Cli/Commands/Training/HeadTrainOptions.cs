using System.CommandLine;
using Genre.Inference;
using Genre.Model;
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

    public Option<bool> FineTune { get; } = new("--fine-tune")
    {
        Description = "audioset-head: after the head, fine-tune the network's last blocks with it on the audio (needs --data, the folder the embeddings came from); kept only if it lowers the validation loss.",
    };

    public Option<int> FineTuneBlocks { get; } = new("--fine-tune-blocks")
    {
        Description = "audioset-head --fine-tune: how many of the network's last feature blocks to train (2: features.15 and features.16).",
        DefaultValueFactory = _ => HeadTrainingOptions.DefaultFineTuneBlocks,
    };

    public Option<int> FineTuneEpochs { get; } = new("--fine-tune-epochs")
    {
        Description = "audioset-head --fine-tune: epochs at most.",
        DefaultValueFactory = _ => s_defaults.FineTuneEpochs,
    };

    public Option<double> FineTuneLearningRate { get; } = new("--fine-tune-lr")
    {
        Description = "audioset-head --fine-tune: Adam's learning rate.",
        DefaultValueFactory = _ => s_defaults.FineTuneLearningRate,
    };

    public IEnumerable<Option> All => [Head, Hidden, WeightDecay, BaseModel, FineTune, FineTuneBlocks, FineTuneEpochs, FineTuneLearningRate];


    /// <summary>
    /// The head's request; epochs and learning rate are the CNN's options, with the head's own defaults (100 epochs,
    /// lr 0.001) when the user did not give them.
    /// </summary>
    public HeadTrainingRequest Request(ParseResult parse, TrainingRequest cnn, Option<int> epochs)
    {
        var fineTune = parse.GetValue(FineTune);
        if (fineTune && parse.GetValue(FineTuneBlocks) < 1)
        {
            throw new TrainingException($"--fine-tune-blocks must be at least 1 (got {parse.GetValue(FineTuneBlocks)})");
        }

        if (cnn.Options.Augmentation is { } augmentation && !augmentation.Transforms.SequenceEqual([AugmentationSettings.Mixup]))
        {
            throw new TrainingException(
                $"--augment for --kind audioset-head takes {AugmentationSettings.Mixup} only, with --fine-tune: fine-tuning starts each epoch from the network's activations of the clips as they are, so waveform transforms and SpecAugment cannot apply");
        }

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
            FineTuneBlocks = fineTune ? parse.GetValue(FineTuneBlocks) : 0,
            FineTuneEpochs = parse.GetValue(FineTuneEpochs),
            FineTuneLearningRate = parse.GetValue(FineTuneLearningRate),
            FineTuneMixupAlpha = cnn.Options.Augmentation?.MixupAlpha,
        };
        return new HeadTrainingRequest(cnn.FeaturesPath, cnn.OutputDirectory, cnn.Split, options, parse.GetValue(BaseModel) ?? GenreClassifier.DefaultModelDirectory,
            cnn.SplitLists, cnn.Notes)
        {
            DataDirectory = cnn.AudioDirectory,
        };
    }
}
