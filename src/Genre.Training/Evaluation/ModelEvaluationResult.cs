namespace Genre.Evaluation;

/// <summary>What <see cref="ModelEvaluation.Run"/> scored, where it wrote the report, and the scores.</summary>
public sealed record ModelEvaluationResult(EvaluationSummary Summary, string ReportDirectory, string Segments);
