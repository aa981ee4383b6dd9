using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Consolidation;

public class RobustnessTests
{
    [Fact]
    public void An_empty_story_gives_an_empty_dossier()
    {
        var dossier = new DossierBuilder().Build(new Story { Id = "s", Title = "t", ArticleIds = [] }, []);

        Assert.Empty(dossier.Articles);
        Assert.Empty(dossier.Claims);
    }

    [Fact]
    public void Documents_without_layers_give_articles_and_nothing_else()
    {
        var doc = Docs.Of("Plain text with 1,000 words and no annotation.", "a");

        var dossier = new DossierBuilder().Build(StoryOf.Documents(doc), [doc]);

        Assert.Single(dossier.Articles);
        Assert.Empty(dossier.Entities);
        Assert.Empty(dossier.Timeline);
    }

    [Fact]
    public void Spans_outside_the_text_and_bad_indices_are_ignored_with_a_diagnostic()
    {
        var doc = Docs.Of("Short text about Lena Hartmann.", "a");
        doc.Mentions = [new Mention(new TextSpan(17, 13), EntityType.Person), new Mention(new TextSpan(25, 400), EntityType.Person), new Mention(new TextSpan(-4, 2), EntityType.Org)];
        doc.Quantities = [new Quantity(new TextSpan(500, 3), QuantityKind.Count, 3, CountedHead: "troops"), new Quantity(new TextSpan(0, 5), QuantityKind.Count, double.NaN, CountedHead: "troops")];
        doc.Quotes = [new Quote(new TextSpan(0, 10), true, SpeakerMention: 99), new Quote(new TextSpan(10, 999), true)];
        doc.Citations = [new Citation(new TextSpan(900, 4), "Agence Nord", true)];
        doc.TimeExpressions = [new TimeExpression(new TextSpan(1000, 4), "2024", TimeGranularity.Year)];
        doc.Sentences = [new Sentence(new TextSpan(0, 999))];

        var dossier = new DossierBuilder().Build(StoryOf.Documents(doc), [doc]);

        var person = Assert.Single(dossier.Entities);
        Assert.Equal("Lena Hartmann", person.Name);
        Assert.Empty(dossier.Claims);
        Assert.Empty(dossier.Citations);
        Assert.Contains(doc.Diagnostics, d => d.Stage == "consolidate" && d.Message.Contains("mentions", StringComparison.Ordinal));
        Assert.Equal("unknown speaker", Assert.Single(dossier.Quotes).Speaker);
    }

    [Fact]
    public void Articles_follow_the_story_order_and_duplicates_appear_once()
    {
        var a = Docs.Of("First.", "a");
        var b = Docs.Of("Second.", "b");
        var story = new Story { Id = "s", Title = "t", ArticleIds = ["b", "a"] };

        var dossier = new DossierBuilder().Build(story, [a, b, a]);

        Assert.Equal(["b", "a"], dossier.Articles.Select(x => x.Id));
    }
}
