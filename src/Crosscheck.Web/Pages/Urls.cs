namespace Crosscheck.Web.Pages;

/// <summary>Addresses of the UI's pages, with every id escaped.</summary>
public static class Urls
{
    public static string Story(string id) => "/stories/" + Uri.EscapeDataString(id);

    public static string Article(string id) => "/articles/" + Uri.EscapeDataString(id);

    public static string Entity(string id, string? story) =>
        "/entities/" + Uri.EscapeDataString(id) + (story is null ? "" : "?story=" + Uri.EscapeDataString(story));

    public static string Search(string query) => "/search?q=" + Uri.EscapeDataString(query);
}
