using Crosscheck.Training;

namespace Crosscheck.Extraction.Tests;

/// <summary>
/// The English word clusters' text (Crosscheck.Training, referenced here as by the page-type trainer's tests): the
/// similarity evaluation's articles are read only when asked for.
/// </summary>
public class ClusterTextSourcesTests
{
    [Fact]
    public void The_similarity_articles_join_the_cluster_text_only_when_asked()
    {
        var root = Directory.CreateTempSubdirectory("cluster-text-");
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(root.FullName, "similarity-semeval2022"));
            File.WriteAllText(Path.Combine(folder.FullName, "articles.jsonl"),
                """{"url":"https://example.org/1","text":"The harbour of the town was closed by the storm and the boats stayed in the bay for a week."}""" + "\n");
            var log = new StringWriter();

            var with = TrainingSources.UnlabelledSentences(root.FullName, log, similarityText: true).ToList();
            var without = TrainingSources.UnlabelledSentences(root.FullName, log, similarityText: false).ToList();

            Assert.Contains(with, sentence => sentence.Contains("harbour"));
            Assert.DoesNotContain(without, sentence => sentence.Contains("harbour"));
            Assert.Contains("similarity set's articles left out", log.ToString());
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
