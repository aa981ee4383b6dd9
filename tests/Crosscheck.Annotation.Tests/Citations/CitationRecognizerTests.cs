using Crosscheck.Annotation.Citations;
using Crosscheck.Annotation.Tests.Claims;
using Crosscheck.Core.Model;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Annotation.Tests.Citations;

public class CitationRecognizerTests
{
    private static Citation[] Run(string text)
    {
        var document = ClaimDocs.Plain(text);
        new CitationRecognizer().Process(document);
        LayerAssert.SpansWellFormed(document);
        return document.Citations;
    }

    [Theory]
    [InlineData("The army has taken the town, according to Reuters.", "Reuters")]
    [InlineData("A senior official told AFP that the border was closed.", "Agence France-Presse")]
    [InlineData("The Associated Press reported the deal on Friday.", "Associated Press")]
    [InlineData("But the BBC maintains its reporting was accurate.", "BBC")]
    [InlineData("The minister said in a statement to Xinhua that talks would resume.", "Xinhua")]
    [InlineData("NAIROBI (Reuters) - Kenya's parliament voted on Tuesday.", "Reuters")]
    [InlineData("The Russian news agency TASS carried the statement.", "TASS")]
    public void Finds_cited_outlets(string text, string outlet)
    {
        var citation = Assert.Single(Run(text));
        Assert.Equal(outlet, citation.Source);
        Assert.True(citation.IsOutlet);
    }

    [Theory]
    [InlineData("The newspaper said, citing diplomatic sources, that troops had left.", "diplomatic sources")]
    [InlineData("The figures were reported by the Russian agencies on Monday.", "Russian agencies")]
    [InlineData("Casualties rose sharply, according to the United Nations.", "United Nations")]
    public void Keeps_non_outlet_sources(string text, string source)
    {
        var citation = Assert.Single(Run(text));
        Assert.Equal(source, citation.Source);
        Assert.False(citation.IsOutlet);
    }

    [Theory]
    [InlineData("Reuters is a news agency founded in London.")]
    [InlineData("He watched the Guardian Angels parade.")]
    public void Ignores_outlet_names_that_are_not_cited(string text)
    {
        Assert.Empty(Run(text));
    }
}
