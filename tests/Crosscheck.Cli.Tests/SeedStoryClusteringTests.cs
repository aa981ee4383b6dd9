using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Evaluation.Clustering;
using Crosscheck.Stories.Clustering;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Cli.Tests;

/// <summary>
/// Acceptance 2 of the stories issue, through the flow users run (extraction, annotation, online
/// clustering): the five seed articles form one story and no ECB+ article joins it, whichever
/// arrives first.
/// </summary>
public sealed class SeedStoryClusteringTests
{
    [SharedDataTheory("seeds", "data/clustering-ecbplus-dev/documents.jsonl")]
    [InlineData(true)]
    [InlineData(false)]
    public void Seed_articles_form_one_story_that_no_ECB_article_joins(bool seedsFirst)
    {
        var shared = Docs.SharedDirectory()!;
        var seeds = Directory.GetFiles(Path.Combine(shared, "seeds"), "*.txt").Order(StringComparer.Ordinal)
            .Select(file =>
            {
                var bytes = File.ReadAllBytes(file);
                return Engine.Processor.Process(new RawInput { Id = ContentHash.Of(bytes), Source = file, Kind = RawKind.Text, Content = bytes });
            })
            .ToList();
        Assert.Equal(5, seeds.Count);
        var ecb = ClusteringEvaluator.Read(Path.Combine(shared, "data", "clustering-ecbplus-dev", "documents.jsonl"))
            .Select(line => Engine.AnnotateText(line.Input.Id, line.Input.Text, line.Input.Published, line.Input.Title))
            .ToList();

        var clusterer = (StoryClusterer)Engine.NewClusterer();
        foreach (var doc in seedsFirst ? seeds.Concat(ecb) : ecb.Concat(seeds)) clusterer.Assign(doc);
        // Ingest settles at the end of each batch (re-checks and the split of grown-together events); the story must survive it.
        clusterer.Settle();

        var seedStory = Assert.Single(seeds.Select(s => clusterer.StoryOf(s.Id)).Distinct());
        var story = clusterer.Stories.Single(s => s.Id == seedStory);
        Assert.Equal(seeds.Select(s => s.Id).Order(), story.ArticleIds.Order());
    }
}
