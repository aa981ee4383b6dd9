namespace Crosscheck.Evaluation;

/// <summary>The F1 every evaluation reports beside its precision and recall.</summary>
public static class PrecisionRecall
{
    /// <summary>The harmonic mean of precision and recall; 0 when both are 0.</summary>
    public static double F1(double precision, double recall) =>
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
}

/// <summary>
/// A one-to-one matching of found items against gold ones (quantities, attributions): how many were found, how many
/// are gold, how many found ones matched; precision and recall are 0 where nothing was found or there is no gold.
/// </summary>
public sealed record MatchScore(int Found, int Gold, int Matched)
{
    public double Precision => Found == 0 ? 0 : (double)Matched / Found;

    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    public double F1 => PrecisionRecall.F1(Precision, Recall);
}
