namespace Genre.Evaluation;

/// <summary>What <see cref="ModelEvaluation.Run"/> scored, where it wrote the report, and the scores.</summary>
/// <param name="Summary">The scores, as <c>metrics.json</c> holds them.</param>
/// <param name="ReportDirectory">The folder the report was written to.</param>
/// <param name="Segments">Which segments were scored, in words.</param>
public sealed record ModelEvaluationResult(EvaluationSummary Summary, string ReportDirectory, string Segments);
