using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Entities;

public class EntityResolutionTests
{
    private static Dossier Build(params Document[] documents) =>
        new DossierBuilder().Build(StoryOf.Documents(documents), documents);

    private static DossierEntity EntityWith(Dossier dossier, string variant) =>
        dossier.Entities.Single(e => e.Variants.Contains(variant));

    [Fact]
    public void People_sharing_a_surname_are_kept_apart_and_a_bare_surname_follows_its_document()
    {
        var a = StoryDoc.Of("Emmanuel Dubois opened the summit. Dubois said talks would last two days.", "a")
            .Person("Emmanuel Dubois").Person("Dubois").Build();
        var b = StoryDoc.Of("Claire Dubois, the trade commissioner, stayed away. Dubois sent a deputy.", "b")
            .Person("Claire Dubois").Person("Dubois").Build();

        var dossier = Build(a, b);

        var emmanuel = EntityWith(dossier, "Emmanuel Dubois");
        var claire = EntityWith(dossier, "Claire Dubois");
        Assert.NotEqual(emmanuel.Id, claire.Id);
        Assert.Equal(2, emmanuel.Mentions);
        Assert.Equal(["a"], emmanuel.Articles);
        Assert.Equal(["b"], claire.Articles);
    }

    [Fact]
    public void A_bare_surname_shared_by_two_people_of_the_story_stays_apart_as_a_possible_match()
    {
        var a = StoryDoc.Of("Emmanuel Dubois opened the summit.", "a").Person("Emmanuel Dubois").Build();
        var b = StoryDoc.Of("Claire Dubois stayed away.", "b").Person("Claire Dubois").Build();
        var c = StoryDoc.Of("Dubois was not available for comment.", "c").Person("Dubois").Build();

        var dossier = Build(a, b, c);

        var bare = dossier.Entities.Single(e => e.Name == "Dubois");
        Assert.Equal(["c"], bare.Articles);
        var candidates = bare.PossibleMatches.Select(m => m.EntityId).ToHashSet();
        Assert.Contains(EntityWith(dossier, "Emmanuel Dubois").Id, candidates);
        Assert.Contains(EntityWith(dossier, "Claire Dubois").Id, candidates);
        Assert.All(bare.PossibleMatches, m => Assert.InRange(m.Confidence, 0.01, 0.99));
    }

    [Fact]
    public void A_bare_surname_with_one_bearer_in_the_story_joins_that_person_across_documents()
    {
        var a = StoryDoc.Of("Finnish Prime Minister Anna Virtanen arrived on Monday.", "a").Person("Finnish Prime Minister Anna Virtanen").Build();
        var b = StoryDoc.Of("Virtanen told reporters the deal was close.", "b").Person("Virtanen").Build();

        var dossier = Build(a, b);

        var person = Assert.Single(dossier.Entities);
        Assert.Equal("Anna Virtanen", person.Name);
        Assert.Equal(EntityType.Person, person.Type);
        Assert.Equal(["a", "b"], person.Articles);
        Assert.Contains("Virtanen", person.Variants);
    }

    [Fact]
    public void People_sharing_a_first_name_are_kept_apart()
    {
        var a = StoryDoc.Of("Anna Virtanen spoke first.", "a").Person("Anna Virtanen").Build();
        var b = StoryDoc.Of("Anna Korhonen spoke next.", "b").Person("Anna Korhonen").Build();

        var dossier = Build(a, b);

        Assert.Equal(2, dossier.Entities.Count);
    }

    [Theory]
    [InlineData("Dmitry Kuznetsov", "Dmitri Kouznetsov")]
    [InlineData("Aleksandr Volkov", "Alexander Volkov")]
    [InlineData("Sergey Morozov", "Sergei Morozov")]
    [InlineData("Stéphane Leclerc", "Stephane Leclerc")]
    [InlineData("Matthias Brenner", "Mathias Brenner")]
    [InlineData("Jean-François Morel", "Jean-Francois Morel")]
    public void Transliteration_and_translation_variants_are_merged(string first, string second)
    {
        var a = StoryDoc.Of($"{first} met the delegation.", "a").Person(first).Build();
        var b = StoryDoc.Of($"The delegation met {second} on Tuesday.", "b").Person(second).Build();

        var dossier = Build(a, b);

        var person = Assert.Single(dossier.Entities);
        Assert.Contains(first, person.Variants);
        Assert.Contains(second, person.Variants);
    }

    [Theory]
    [InlineData("Maria Lopez", "Mario Lopez")]
    [InlineData("Alexander Weber", "Alexandra Weber")]
    [InlineData("Ivan Petrov", "Ivana Petrova")]
    [InlineData("Ivan Petrov", "Oleg Petrov")]
    public void Similar_but_different_given_names_are_not_merged(string first, string second)
    {
        var a = StoryDoc.Of($"{first} met the delegation.", "a").Person(first).Build();
        var b = StoryDoc.Of($"The delegation met {second} on Tuesday.", "b").Person(second).Build();

        var dossier = Build(a, b);

        Assert.Equal(2, dossier.Entities.Count);
    }

    [Fact]
    public void A_middle_name_dropped_in_one_article_is_the_same_person()
    {
        var a = StoryDoc.Of("Prime Minister Kwame Mensah Owusu resigned.", "a").Person("Prime Minister Kwame Mensah Owusu").Build();
        var b = StoryDoc.Of("Kwame Owusu left office on Friday.", "b").Person("Kwame Owusu").Build();

        var dossier = Build(a, b);

        var person = Assert.Single(dossier.Entities);
        Assert.Equal("Kwame Mensah Owusu", person.Name);
    }

    [Fact]
    public void Acronym_dotted_acronym_and_expansion_are_one_organisation()
    {
        var a = StoryDoc.Of("The United Nations called for calm. A UN envoy will travel.", "a").Org("United Nations").Org("UN").Build();
        var b = StoryDoc.Of("The U.N. said aid was blocked.", "b").Org("U.N.").Build();

        var dossier = Build(a, b);

        var org = Assert.Single(dossier.Entities);
        Assert.Equal("United Nations", org.Name);
        Assert.Equal(EntityType.Org, org.Type);
        Assert.Contains("UN", org.Variants);
        Assert.Contains("U.N.", org.Variants);
        Assert.Equal(3, org.Mentions);
    }

    [Fact]
    public void An_acronym_may_take_several_letters_from_a_word_and_skip_particles()
    {
        var a = StoryDoc.Of("The Southern Alliance of Trading Nations met. SOATN leaders agreed.", "a")
            .Org("Southern Alliance of Trading Nations").Org("SOATN").Build();

        var dossier = Build(a);

        Assert.Single(dossier.Entities);
    }

    [Fact]
    public void An_acronym_that_fits_no_name_stays_apart()
    {
        var a = StoryDoc.Of("The United Nations called for calm. NATO kept silent.", "a").Org("United Nations").Org("NATO").Build();

        var dossier = Build(a);

        Assert.Equal(2, dossier.Entities.Count);
    }

    [Fact]
    public void Possessive_descriptive_and_bare_forms_join_the_designated_organisation()
    {
        var a = StoryDoc.Of("Norway's Nordvik Group won the contract.", "a").Org("Norway's Nordvik Group").Build();
        var b = StoryDoc.Of("The deal suits the Nordvik group well, analysts said.", "b").Org("the Nordvik group").Build();
        var c = StoryDoc.Of("Nordvik's shares rose. Nordvik declined to comment.", "c").Org("Nordvik's").Person("Nordvik").Build();

        var dossier = Build(a, b, c);

        var org = Assert.Single(dossier.Entities);
        Assert.Equal("Nordvik Group", org.Name);
        Assert.Equal(EntityType.Org, org.Type);
        Assert.Equal(4, org.Mentions);
        Assert.DoesNotContain(org.Variants, v => v.Contains("Norway", StringComparison.Ordinal) || v.Contains("'s", StringComparison.Ordinal));
    }

    [Fact]
    public void Different_places_with_similar_names_are_not_merged()
    {
        var a = StoryDoc.Of("Troops moved from Austria to Australia.", "a").Loc("Austria").Loc("Australia").Build();

        var dossier = Build(a);

        Assert.Equal(2, dossier.Entities.Count);
    }

    [Fact]
    public void A_garbled_surname_is_reported_as_a_possible_match_with_its_evidence_not_merged()
    {
        var a = StoryDoc.Of("Defence Minister Tomas Halvorsen visited the base.", "a")
            .Person("Tomas Halvorsen", role: "defence minister").Build();
        var b = StoryDoc.Of("The deputy minister met Halversan at the forum.", "b")
            .Person("Halversan", role: "defence minister").Build();

        var dossier = Build(a, b);

        Assert.Equal(2, dossier.Entities.Count);
        var garbled = dossier.Entities.Single(e => e.Name == "Halversan");
        var match = Assert.Single(garbled.PossibleMatches);
        Assert.Equal(EntityWith(dossier, "Tomas Halvorsen").Id, match.EntityId);
        Assert.Contains("role", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Machine_translation_glue_is_cut_from_a_name()
    {
        var a = StoryDoc.Of("Minister Lena Hartmann spoke. Lena HartmannHe said so.", "a").Person("Lena Hartmann").Person("Lena HartmannHe").Build();

        var dossier = Build(a);

        var person = Assert.Single(dossier.Entities);
        Assert.Equal("Lena Hartmann", person.Name);
        Assert.Equal(2, person.Mentions);
    }

    [Fact]
    public void Entity_ids_are_stable_across_builds_and_differ_by_type()
    {
        Document Make() => StoryDoc.Of("Jordan visited Jordan.", "a").Person("Jordan").Build();
        var first = Build(Make());
        var second = Build(Make());
        Assert.Equal(first.Entities[0].Id, second.Entities[0].Id);

        var place = Build(StoryDoc.Of("They flew to Jordan.", "a").Loc("Jordan").Build());
        Assert.NotEqual(first.Entities[0].Id, place.Entities[0].Id);
    }

    [Fact]
    public void An_acronym_written_only_inside_a_longer_name_learns_its_expansion_from_a_parallel_name()
    {
        var a = StoryDoc.Of("He spoke before the United Nations General Assembly on Friday.", "a").Org("United Nations General Assembly").Build();
        var b = StoryDoc.Of("At the UN General Assembly, UN members listened.", "b").Org("UN General Assembly").Org("UN").Build();

        var dossier = Build(a, b);

        Assert.Equal(2, dossier.Entities.Count);
        var assembly = EntityWith(dossier, "UN General Assembly");
        Assert.Equal("United Nations General Assembly", assembly.Name);
        Assert.Equal("United Nations", EntityWith(dossier, "UN").Name);
    }

    [Fact]
    public void A_capitalised_common_word_opening_a_sentence_is_not_an_entity()
    {
        var a = StoryDoc.Of("According to the ministry, talks failed. Talks resume, according to officials. Nordvik declined.", "a")
            .Person("According").Org("Nordvik").Build();

        var dossier = Build(a);

        Assert.Equal("Nordvik", Assert.Single(dossier.Entities).Name);
    }

    [Fact]
    public void Words_around_a_name_outvote_a_tagger_that_took_a_place_for_a_person()
    {
        var a = StoryDoc.Of("Troops reached the capital Valdora on Monday.", "a").Person("Valdora").Build();
        var b = StoryDoc.Of("The Valdora government denied it.", "b").Person("Valdora").Build();
        var c = StoryDoc.Of("Witnesses said Valdora was calm.", "c").Person("Valdora").Build();

        var dossier = Build(a, b, c);

        Assert.Equal(EntityType.Loc, Assert.Single(dossier.Entities).Type);
    }

    [Fact]
    public void Two_full_names_with_one_given_name_and_nearly_one_surname_are_only_a_possible_match()
    {
        var a = StoryDoc.Of("Marta Kowalczyk opened the session.", "a").Person("Marta Kowalczyk").Build();
        var b = StoryDoc.Of("Marta Kowalczyka closed the session.", "b").Person("Marta Kowalczyka").Build();

        var dossier = Build(a, b);

        Assert.Equal(2, dossier.Entities.Count);
        Assert.All(dossier.Entities, e => Assert.Single(e.PossibleMatches));
    }

    [Fact]
    public void Unrelated_names_are_not_reported_as_possible_matches()
    {
        var a = StoryDoc.Of("Tomas Berg met Halvard at the Barracks.", "a").Person("Tomas Berg").Person("Halvard").Person("Barracks").Build();

        var dossier = Build(a);

        Assert.All(dossier.Entities, e => Assert.Empty(e.PossibleMatches));
    }

    [Fact]
    public void A_portfolio_taken_into_a_name_after_a_title_is_stripped_and_the_name_is_a_person()
    {
        var a = StoryDoc.Of("The Minister of Foreign Affairs Jana Horvat flew in. Horvat met the envoy.", "a")
            .Org("Foreign Affairs Jana Horvat").Person("Horvat").Build();

        var dossier = Build(a);

        var person = Assert.Single(dossier.Entities);
        Assert.Equal("Jana Horvat", person.Name);
        Assert.Equal(EntityType.Person, person.Type);
        Assert.Equal(2, person.Mentions);
    }

    [Fact]
    public void An_organisation_named_after_a_portfolio_without_a_title_before_it_is_left_alone()
    {
        var a = StoryDoc.Of("Analysts at Foreign Affairs Review Board disagreed.", "a").Org("Foreign Affairs Review Board").Build();

        var entity = Assert.Single(Build(a).Entities);

        Assert.Equal(EntityType.Org, entity.Type);
        Assert.Equal("Foreign Affairs Review Board", entity.Name);
    }
}
