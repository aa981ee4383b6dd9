using Crosscheck.Training;

namespace Crosscheck.Extraction.Tests;

/// <summary>
/// The English word clusters' text (Crosscheck.Training, referenced here as by the page-type trainer's tests): the
/// similarity evaluation's articles are evaluation text and never join it, even when they sit in the shared data folder.
/// </summary>
public class ClusterTextSourcesTests
{
    [Fact]
    public void The_similarity_articles_never_join_the_cluster_text()
    {
        var root = Directory.CreateTempSubdirectory("cluster-text-");
        try
        {
            var similarity = Directory.CreateDirectory(Path.Combine(root.FullName, "similarity-semeval2022"));
            File.WriteAllText(Path.Combine(similarity.FullName, "articles.jsonl"),
                """{"url":"https://example.org/1","text":"The harbour of the town was closed by the storm and the boats stayed in the bay for a week."}""" + "\n");
            // A source that is read, so the test fails if the reader reads nothing at all.
            var wikigold = Directory.CreateDirectory(Path.Combine(root.FullName, "ner", "wikigold", "CONLL-format", "data"));
            File.WriteAllText(Path.Combine(wikigold.FullName, "wikigold.conll.txt"), "The O\nlighthouse O\nkeeper O\nwaved O\n\n");

            var sentences = TrainingSources.UnlabelledSentences(root.FullName, new StringWriter()).ToList();

            Assert.Contains(sentences, sentence => sentence.Contains("lighthouse"));
            Assert.DoesNotContain(sentences, sentence => sentence.Contains("harbour"));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
