using Crosscheck.Core.Model;

namespace Crosscheck.Ingest.Inputs;

/// <summary>One thing found while reading inputs: an article to ingest, a bad input, or a file skipped on purpose.</summary>
public abstract record InputItem(string Source);

public sealed record RawItem(RawInput Raw) : InputItem(Raw.Source);

/// <summary>An input that cannot be ingested; the message says what is wrong and how to fix it.</summary>
public sealed record BadInput(string Source, string Problem) : InputItem(Source)
{
    public override string ToString() => $"{Source}: {Problem}";
}

/// <summary>A file that is not an article format (e.g. a README beside the articles); not an error.</summary>
public sealed record SkippedInput(string Source, string Reason) : InputItem(Source);
