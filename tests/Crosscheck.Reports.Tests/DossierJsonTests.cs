using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using Xunit;

namespace Crosscheck.Reports.Tests;

public class DossierJsonTests
{
    private static JsonElement Json()
    {
        var (story, documents) = SampleStory.Build();
        var dossier = new DossierBuilder().Build(story, documents);
        return JsonDocument.Parse(DossierJson.ToJson(dossier)).RootElement;
    }

    private static void HasFields(JsonElement element, params string[] names)
    {
        foreach (var name in names) Assert.True(element.TryGetProperty(name, out _), $"field '{name}' missing in {element}");
    }

    [Fact]
    public void An_empty_dossier_is_written_with_its_sections_empty()
    {
        var dossier = new DossierBuilder().Build(new Story { Id = "s", Title = "t", ArticleIds = [] }, []);

        var root = JsonDocument.Parse(DossierJson.ToJson(dossier)).RootElement;

        Assert.Equal("s", root.GetProperty("story").GetProperty("id").GetString());
        Assert.Equal(0, root.GetProperty("articles").GetArrayLength());
        Assert.Equal(0, root.GetProperty("claims").GetArrayLength());
    }

    [Fact]
    public void Every_section_carries_the_contract_fields()
    {
        var root = Json();

        HasFields(root, "story", "articles", "entities", "claims", "quotes", "citations", "timeline");
        HasFields(root.GetProperty("story"), "id", "title");
        Assert.Equal("story-7", root.GetProperty("story").GetProperty("id").GetString());
        Assert.Equal(3, root.GetProperty("articles").GetArrayLength());
        foreach (var article in root.GetProperty("articles").EnumerateArray()) HasFields(article, "id", "source", "outlet", "title", "published", "language", "body");
        foreach (var entity in root.GetProperty("entities").EnumerateArray())
        {
            HasFields(entity, "id", "name", "type", "variants", "articles", "mentions");
            Assert.Contains(entity.GetProperty("type").GetString(), new[] { "PERSON", "ORG", "LOC", "MISC" });
            Assert.Equal(JsonValueKind.Number, entity.GetProperty("mentions").ValueKind);
        }
        Assert.NotEmpty(root.GetProperty("claims").EnumerateArray());
        foreach (var claim in root.GetProperty("claims").EnumerateArray())
        {
            HasFields(claim, "id", "kind", "text", "subject", "value", "unit", "normalized", "articles", "origins", "status");
            Assert.Contains(claim.GetProperty("status").GetString(), new[] { "corroborated", "single-origin", "conflicting", "unique" });
        }
        foreach (var quote in root.GetProperty("quotes").EnumerateArray()) HasFields(quote, "speaker", "speaker_entity", "text", "article");
        foreach (var citation in root.GetProperty("citations").EnumerateArray()) HasFields(citation, "article", "cites");
        foreach (var entry in root.GetProperty("timeline").EnumerateArray()) HasFields(entry, "date", "text", "articles");
    }

    [Fact]
    public void Values_are_written_in_contract_form()
    {
        var root = Json();

        var instructors = root.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "count");
        Assert.Equal(600, instructors.GetProperty("value").GetDouble());
        Assert.Equal("single-origin", instructors.GetProperty("status").GetString());
        Assert.Equal(["Associated Press"], instructors.GetProperty("origins").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(JsonValueKind.Null, instructors.GetProperty("normalized").ValueKind);

        var money = root.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "money");
        Assert.Equal("USD", money.GetProperty("normalized").GetProperty("unit").GetString());
        Assert.Equal(2e6, money.GetProperty("normalized").GetProperty("value").GetDouble());

        var person = root.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "Lena Hartmann");
        Assert.Equal("PERSON", person.GetProperty("type").GetString());
        Assert.Equal(2, person.GetProperty("mentions").GetInt32());
        var quote = root.GetProperty("quotes")[0];
        Assert.Equal(person.GetProperty("id").GetString(), quote.GetProperty("speaker_entity").GetString());
        Assert.Equal("2024-03-04", root.GetProperty("timeline")[0].GetProperty("date").GetString());
        Assert.StartsWith("2024-03-05T00:00:00", root.GetProperty("articles")[0].GetProperty("published").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Untrusted_text_round_trips_and_broken_surrogates_do_not_break_the_writer()
    {
        var (story, documents) = SampleStory.Build();
        documents[2].Article.Title = "Broken \uD800 title";
        var dossier = new DossierBuilder().Build(story, documents);

        var root = JsonDocument.Parse(DossierJson.ToJson(dossier)).RootElement;

        Assert.Contains("<script>alert('x')</script>", root.GetProperty("articles")[2].GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("Broken \uFFFD title", root.GetProperty("articles")[2].GetProperty("title").GetString());
    }
}
