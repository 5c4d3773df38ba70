namespace Genre.Model;

/// <summary>
/// For a head trained on the AudioSet network's embeddings (kind <c>audioset-head</c>): what the head is, what it
/// was trained with, which network gave the embeddings, and whether "not music" answers apply to its labels.
/// </summary>
public sealed record HeadParameters
{
    /// <summary><c>logistic</c> (softmax regression) or <c>mlp</c> (one hidden ReLU layer).</summary>
    public required string Type { get; init; }

    /// <summary>Hidden units of an MLP; 0 for logistic regression.</summary>
    public required int HiddenUnits { get; init; }

    /// <summary>The L2 penalty on the weights (not the biases) added to the training loss.</summary>
    public required double WeightDecay { get; init; }

    /// <summary>The network the embeddings come from: its architecture and the SHA-256 of its weights file.</summary>
    public required string Network { get; init; }

    /// <summary>
    /// Whether input the AudioSet network does not hear as music is answered "not music" with no label. Off when a
    /// label's own training clips are mostly not music (a "speech" label, say): the user's taxonomy decides then.
    /// </summary>
    public required bool MusicGate { get; init; }

    /// <summary>Why the music gate is on or off, in words.</summary>
    public string? MusicGateReason { get; init; }

    /// <summary>How the network's last blocks were fine-tuned with the head (<c>--fine-tune</c>); null when they were not.</summary>
    public FineTuneRecord? FineTune { get; init; }
}
