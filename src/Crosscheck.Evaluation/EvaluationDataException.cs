namespace Crosscheck.Evaluation;

/// <summary>The evaluation data cannot be read as the evaluator expects; the message names the file and what is wrong.</summary>
public sealed class EvaluationDataException : Exception
{
    public EvaluationDataException(string message)
        : base(message)
    {
    }

    public EvaluationDataException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
