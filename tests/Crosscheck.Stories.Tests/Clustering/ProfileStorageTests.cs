using Crosscheck.Stories.Clustering;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Clustering;

/// <summary>
/// A story's profile as the story state stores it: read back, it must compare as the one in memory did,
/// languages included (they decide whether two stories are compared across languages).
/// </summary>
public sealed class ProfileStorageTests
{
    private static Profile ProfileOf(string body, string? language)
    {
        var document = Docs.Of(body, published: new DateTimeOffset(2024, 5, 2, 9, 0, 0, TimeSpan.Zero));
        document.Article.Language = language;
        var features = DocumentFeatures.Extract(document, ClusteringOptions.Default);
        return Profile.FromDocument(features, document.Article.Published?.Value, arrival: 7);
    }

    private static Profile RoundTrip(Profile profile)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) profile.Write(writer);
        buffer.Position = 0;
        using var reader = new BinaryReader(buffer);
        return Profile.Read(reader, format: 3);
    }

    [Fact]
    public void A_stored_profile_keeps_its_languages_so_stories_in_two_languages_still_meet_as_such()
    {
        var french = ProfileOf("Le conseil municipal de Lyon a voté mardi un budget de 12 millions d'euros pour le tramway.", "fr");
        var english = ProfileOf("The city council of Lyon voted on Tuesday for a 12 million euro budget for the tramway.", "en");

        var stored = RoundTrip(french);

        Assert.Equal(["fr"], stored.Languages);
        Assert.True(stored.OtherLanguageThan(english));
        Assert.False(stored.OtherLanguageThan(french));
        Assert.Equal(french.Vectors.Select(v => v.OrderBy(p => p.Key).ToList()), stored.Vectors.Select(v => v.OrderBy(p => p.Key).ToList()));
        Assert.Equal((french.First, french.Last, french.Arrival), (stored.First, stored.Last, stored.Arrival));
    }

    [Fact]
    public void A_profile_without_a_language_reads_back_without_one()
    {
        var unknown = ProfileOf("A short note about a harbour with no language identified for it.", null);

        var stored = RoundTrip(unknown);

        Assert.Empty(stored.Languages);
        Assert.False(stored.OtherLanguageThan(ProfileOf("Un court texte.", "fr")));
    }

    [Fact]
    public void A_stored_profile_keeps_the_share_of_its_country_keys_so_a_reader_compares_as_the_writer_did()
    {
        var document = Docs.Of("Olaf Scholz met Emmanuel Macron and Pedro Sanchez in Germany on Tuesday.", published: new DateTimeOffset(2024, 5, 2, 9, 0, 0, TimeSpan.Zero));
        document.Article.Language = "en";
        var profile = Profile.FromDocument(DocumentFeatures.Extract(document, ClusteringOptions.Default with { CountryKeys = true }), document.Article.Published?.Value, arrival: 7);
        var entities = profile.Vectors[StoryClusterer.EntityChannel];
        Assert.Contains(entities.Keys, CountryNames.IsKeyFeature);
        var space = new FeatureSpace();
        foreach (var id in entities.Keys) space.CountDocument(id, 0);

        var withoutKeys = profile.NormWithoutCountryKeys(space, 10);
        Assert.True(withoutKeys < profile.Norm(StoryClusterer.EntityChannel, space, 10, countryKeys: true));

        var stored = RoundTrip(profile);
        var refreshed = new List<Profile>();
        Assert.Equal(withoutKeys, stored.NormWithoutCountryKeys(space, 10, refreshed));
        Assert.Empty(refreshed);
    }
}
