namespace Genre.Evaluation;

/// <summary>Which segments of a feature file Genre.Training's <c>ModelEvaluation</c> scores.</summary>
public enum EvaluationSplit
{
    /// <summary>Every segment of the file.</summary>
    All,

    /// <summary>The test part of the split the model card records, recomputed from its kind and seed.</summary>
    Test,
}
