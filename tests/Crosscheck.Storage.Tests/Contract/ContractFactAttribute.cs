using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Crosscheck.Storage.Tests.Contract;

/// <summary>
/// Put on a store test class: its contract tests are skipped, with <see cref="Reason"/>, when the
/// environment variable is absent (e.g. no PostgreSQL server was started for this run).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SkipUnlessEnvironmentAttribute(string variable, string reason) : Attribute
{
    public string Variable { get; } = variable;

    public string Reason { get; } = reason;
}

/// <summary>
/// A contract test: like <see cref="FactAttribute"/>, but skipped for a backend whose test class
/// says it cannot run here (<see cref="SkipUnlessEnvironmentAttribute"/>). In xunit 2 a test that
/// returns early counts as passed, which would hide that a backend was never tested.
/// </summary>
[XunitTestCaseDiscoverer("Crosscheck.Storage.Tests.Contract.ContractFactDiscoverer", "Crosscheck.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute;

/// <summary>The <see cref="TheoryAttribute"/> counterpart of <see cref="ContractFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("Crosscheck.Storage.Tests.Contract.ContractTheoryDiscoverer", "Crosscheck.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractTheoryAttribute : TheoryAttribute;

public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ContractSkip.Reason(testMethod) is { } reason
            ? [ContractSkip.Case(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class ContractTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ContractSkip.Reason(testMethod) is { } reason
            ? [ContractSkip.Case(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

internal static class ContractSkip
{
    /// <summary>Why the concrete test class cannot run here, or null when it can.</summary>
    public static string? Reason(ITestMethod testMethod)
    {
        foreach (var attribute in testMethod.TestClass.Class.GetCustomAttributes(typeof(SkipUnlessEnvironmentAttribute).AssemblyQualifiedName))
        {
            var arguments = attribute.GetConstructorArguments().ToArray();
            if (arguments is [string variable, string reason] && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
                return reason;
        }
        return null;
    }

    public static IXunitTestCase Case(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, string reason) =>
        new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason);
}
