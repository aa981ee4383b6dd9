using Crosscheck.Stories.Clustering;
using Xunit;

namespace Crosscheck.Stories.Tests.Multilingual;

public class ShortSideProbe
{
    [Fact]
    public void Probe()
    {
        var report = typeof(ShortSideTests).GetField("Report", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null) as string;
        var teaser = typeof(ShortSideTests).GetField("Teaser", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null) as string;
        var lines = new List<string>();
        foreach (var t in new[] { 0.22, 0.2, 0.18, 0.16, 0.14, 0.12, 0.10, 0.08, 0.06 })
        {
            var o = ClusteringOptions.Default with { UseSyndication = false, AnalysedAssignThreshold = t };
            var a = ClosestMemberShareTests.Cluster([.. ShortSideTests.Background, teaser!, report!], "es", o).Stories[^2..];
            var b = ClosestMemberShareTests.Cluster([.. ShortSideTests.Background, report!, teaser!], "es", o).Stories[^2..];
            lines.Add($"{t}: teaser first joined {a[0] == a[1]}, report first joined {b[0] == b[1]}");
        }
        Assert.Fail(string.Join("\n", lines));
    }
}
