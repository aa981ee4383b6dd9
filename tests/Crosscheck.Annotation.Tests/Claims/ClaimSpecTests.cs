using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Annotation.Tests.Claims;

/// <summary>Runs the golden spec files in Claims/Specs through the full annotation pipeline.</summary>
public class ClaimSpecTests
{
    public static IEnumerable<object[]> Quantities => ClaimSpecs.Rows("quantities.spec.md");

    public static IEnumerable<object[]> Times => ClaimSpecs.Rows("time.spec.md");

    public static IEnumerable<object[]> QuoteCases => ClaimSpecs.Rows("quotes.spec.md");

    public static IEnumerable<object[]> CitationCases => ClaimSpecs.Rows("citations.spec.md");

    [Theory]
    [MemberData(nameof(Quantities))]
    public void Quantity_spec_case_holds(string file, int index) => Run(file, index, "quantities");

    [Theory]
    [MemberData(nameof(Times))]
    public void Time_spec_case_holds(string file, int index) => Run(file, index, "time");

    [Theory]
    [MemberData(nameof(QuoteCases))]
    public void Quote_spec_case_holds(string file, int index) => Run(file, index, "quotes");

    [Theory]
    [MemberData(nameof(CitationCases))]
    public void Citation_spec_case_holds(string file, int index) => Run(file, index, "citations");

    [Fact]
    public void Spec_files_hold_at_least_150_cases()
    {
        var total = new[] { "quantities.spec.md", "time.spec.md", "quotes.spec.md", "citations.spec.md" }.Sum(f => ClaimSpecs.Read(f).Count);
        Assert.True(total >= 150, $"only {total} golden cases");
    }

    private static void Run(string file, int index, string layer)
    {
        var spec = ClaimSpecs.Read(file)[index];
        var document = ClaimPipeline.Annotate(spec.Text, spec.Published);
        LayerAssert.SpansWellFormed(document);
        var failures = spec.Expectations.Select(e => ClaimSpecs.Check(document, layer, e)).Where(f => f is not null).ToList();
        Assert.True(failures.Count == 0, $"{file}:{spec.Line}: {spec.Text}\n" + string.Join("\n", failures));
    }
}
