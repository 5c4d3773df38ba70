namespace Genre.Training;

/// <summary>How segments are divided into train, validation and test.</summary>
public enum SplitKind
{
    /// <summary>Stratified 60/20/20 over segments, as the original did: segments of one clip land on both sides (optimistic).</summary>
    Segment,

    /// <summary>Stratified 60/20/20 over clips per genre: no clip in two parts. The default.</summary>
    Track,

    /// <summary>Sturm's fault-filtered lists (train.txt, valid.txt, test.txt).</summary>
    FaultFiltered,

    /// <summary>Three artist-filtered folds (clip,genre,fold csv): train on two, test on the third, three times.</summary>
    Artist3Fold,

    /// <summary>Five stratified folds over clips: each fold in turn is the test set, five models.</summary>
    Track5Fold,
}
