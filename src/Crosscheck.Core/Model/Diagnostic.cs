namespace Crosscheck.Core.Model;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// Something a stage could not do, or did only partly. Stages record these on the article or
/// document instead of throwing work away silently.
/// </summary>
public sealed record Diagnostic(string Stage, DiagnosticSeverity Severity, string Message)
{
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} [{Stage}] {Message}";
}
