using System.IO.Compression;
using System.Text;

namespace Crosscheck.Training.Tests;

/// <summary>
/// More prose for the word clusters (<c>--cluster-text</c>): which files of a folder are read and how, a repeated
/// paragraph read once, and a path that does not exist named.
/// </summary>
public class ClusterTextTests
{
    [Fact]
    public void Html_text_fortunes_and_gzipped_files_are_read_and_other_files_skipped()
    {
        var root = Directory.CreateTempSubdirectory("cluster-prose-");
        try
        {
            var help = Directory.CreateDirectory(Path.Combine(root.FullName, "help"));
            File.WriteAllText(Path.Combine(help.FullName, "page.html"),
                "<html><head><title>Ventana</title><script>var pulsador = 1;</script></head><body>"
                + "<p>El <b>botón</b> abre la ventana.</p><p>La tabla se &quot;copia&quot; aquí.</p></body></html>");
            File.WriteAllText(Path.Combine(root.FullName, "refranes"), "Quien madruga encuentra el camino.\n%\nEl río suena.\n%\n");
            using (var gz = new GZipStream(File.Create(Path.Combine(root.FullName, "notas.txt.gz")), CompressionLevel.Fastest))
                gz.Write(Encoding.UTF8.GetBytes("Una nota comprimida.\n"));
            File.WriteAllText(Path.Combine(help.FullName, "code.js"), "var escondido = 'palabra';");
            File.WriteAllBytes(Path.Combine(root.FullName, "refranes.dat"), [1, 0, 2, 0, 65]);

            var sentences = ClusterText.Sentences([root.FullName], new StringWriter()).Select(s => string.Join(' ', s)).ToList();

            Assert.Contains("El botón abre la ventana .", sentences);
            Assert.Contains("La tabla se \" copia \" aquí .", sentences);
            Assert.Contains("Quien madruga encuentra el camino .", sentences);
            Assert.Contains("El río suena .", sentences);
            Assert.Contains("Una nota comprimida .", sentences);
            // No script, no JavaScript file, no binary index; the fortune separator is no word.
            Assert.DoesNotContain(sentences, s => s.Contains("pulsador") || s.Contains("escondido") || s.Contains('%'));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_paragraph_repeated_across_pages_is_read_once()
    {
        var root = Directory.CreateTempSubdirectory("cluster-prose-");
        try
        {
            for (var page = 0; page < 3; page++)
                File.WriteAllText(Path.Combine(root.FullName, $"p{page}.html"), $"<div>Ayuda del programa</div><p>Página número {page} del manual.</p>");

            var sentences = ClusterText.Sentences([root.FullName], new StringWriter()).Select(s => string.Join(' ', s)).ToList();

            Assert.Single(sentences, s => s == "Ayuda del programa");
            Assert.Equal(4, sentences.Count);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_path_that_does_not_exist_is_named_before_anything_is_read()
    {
        var missing = Path.Combine(Path.GetTempPath(), "cluster-prose-missing-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<FileNotFoundException>(() => ClusterText.Sentences([missing], new StringWriter()).ToList());

        Assert.Contains(missing, error.Message);
    }
}

/// <summary>The capitalisation prior (the clusters' last level) counts only the sentences marked for it.</summary>
public class ClusterPriorTests
{
    private static readonly ClusterOptions Small = new() { MinCount = 1, Levels = [2, 3, 4], FitWords = 50, ContextWords = 20 };

    [Fact]
    public void Prose_left_out_of_the_prior_still_shapes_the_clusters_but_not_the_case_of_its_words()
    {
        // In the corpus "banco" is a common word; in the help prose it is a button's name, capitalised mid-sentence.
        var corpus = Enumerable.Repeat(new[] { "el", "banco", "abre", "hoy", "temprano" }, 20).Select(s => (Tokens: s, Prior: true));
        var prose = Enumerable.Repeat(new[] { "pulse", "Banco", "para", "abrir", "la", "ventana" }, 60);
        var banco = Crosscheck.Annotation.Entities.FeatureHash.OfLower("banco");
        var ventana = Crosscheck.Annotation.Entities.FeatureHash.OfLower("ventana");

        var counted = ClusterBuilder.Build(corpus.Concat(prose.Select(s => (Tokens: s, Prior: true))), Small, new StringWriter());
        var apart = ClusterBuilder.Build(corpus.Concat(prose.Select(s => (Tokens: s, Prior: false))), Small, new StringWriter());

        const int prior = 3;
        Assert.Equal(1, apart.Lookup(banco, prior)); // never capitalised where counted
        Assert.NotEqual(1, counted.Lookup(banco, prior));
        // A word of the prose alone is clustered either way, with no prior when left out of it.
        Assert.True(apart.Row(ventana) >= 0);
        Assert.Equal(0, apart.Lookup(ventana, prior));
    }
}
