using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Crosscheck.Annotation.Tests.Entities;

/// <summary>
/// The seed articles through the full stack: every name listed under <c>entity_types</c> in
/// ../shared/seeds/expected.json must come out with its expected type (the majority type of its
/// mentions across the five articles, as a dossier would consolidate them). Names are read from the
/// file at test time; none is written in the code.
/// </summary>
public class SeedEntityTypeTests(ITestOutputHelper output)
{
    [SharedDataFact("seeds/expected.json")]
    public void Seed_names_come_out_with_their_expected_types()
    {
        var seeds = Path.Combine(Docs.SharedDirectory()!, "seeds");
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(seeds, "expected.json")));
        var documents = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal)
            .Select(path => Stack.Run(File.ReadAllText(path))).ToList();
        var failures = new List<string>();
        foreach (var entry in expected.RootElement.GetProperty("entity_types").EnumerateObject())
        {
            var name = Fold(entry.Name);
            var wanted = entry.Value.GetString() switch
            {
                "PERSON" => EntityType.Person,
                "ORG" => EntityType.Org,
                "LOC" => EntityType.Loc,
                _ => EntityType.Misc,
            };
            var types = documents.SelectMany(d => d.Mentions.Where(m => Fold(d[m.Span]) == name).Select(m => m.Type)).ToList();
            var majority = types.GroupBy(t => t).OrderByDescending(g => g.Count()).Select(g => (EntityType?)g.Key).FirstOrDefault();
            var line = $"{entry.Name}: expected {wanted}, got {(majority?.ToString() ?? "no mention")} ({string.Join(",", types.GroupBy(t => t).Select(g => $"{g.Key}×{g.Count()}"))})";
            output.WriteLine(line);
            if (majority != wanted) failures.Add(line);
        }
        Assert.True(failures.Count == 0, "seed names with the wrong type:\n" + string.Join('\n', failures));
    }

    private static string Fold(string text) =>
        text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"').ToLowerInvariant();
}
