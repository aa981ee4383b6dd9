namespace Crosscheck.Training.Tests;

/// <summary>
/// The English word clusters' text: the similarity evaluation's articles are evaluation text and never join it, even
/// when they sit in the shared data folder.
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

    [Fact]
    public void The_more_news_text_reads_gum_news_and_never_polnear_nor_non_commercial_texts()
    {
        var root = Directory.CreateTempSubdirectory("cluster-text-");
        try
        {
            // PolNeAR is the attribution evaluation's text, its training split as much as its dev split.
            var polnear = Path.Combine(root.FullName, "attribution-polnear");
            var train = Directory.CreateDirectory(Path.Combine(polnear, "train", "text"));
            File.WriteAllText(Path.Combine(train.FullName, "a.txt"), "The lighthouse keeper waved.\n");
            var dev = Directory.CreateDirectory(Path.Combine(polnear, "dev", "text"));
            File.WriteAllText(Path.Combine(dev.FullName, "b.txt"), "The harbour was closed.\n");
            var gum = Path.Combine(root.FullName, "ner", "gum", "CONLL-format", "data-by-corpustype");
            File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(gum, "news")).FullName, "GUM_news_x.tsv"), "Storm\tevent\nwarnings\tevent\n\n");
            File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(gum, "whow")).FullName, "GUM_whow_y.tsv"), "Bake\tO\ncupcakes\tobject\n\n");

            var sentences = TrainingSources.MoreNewsSentences(root.FullName, new StringWriter()).ToList();

            Assert.Contains(sentences, sentence => sentence.SequenceEqual(["Storm", "warnings"]));
            Assert.DoesNotContain(sentences, sentence => sentence.Contains("lighthouse"));
            Assert.DoesNotContain(sentences, sentence => sentence.Contains("harbour"));
            Assert.DoesNotContain(sentences, sentence => sentence.Contains("cupcakes"));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
