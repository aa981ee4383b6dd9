using Crosscheck.Core.Model;

namespace Crosscheck.Testing;

/// <summary>Builds documents by hand for unit tests: no extraction, no models.</summary>
public static class Docs
{
    public static Document Of(string body, string id = "doc", string? outlet = null, DateTimeOffset? published = null, string? title = null)
    {
        var article = new Article { Id = id, Source = id, Body = body, Outlet = outlet, Title = title };
        if (published is { } date) article.Published = new Found<DateTimeOffset>(date, "test");
        return new Document(article);
    }

    /// <summary>Adds every occurrence of <paramref name="name"/> to the document's entity layer, as a mention of that type (throws when absent).</summary>
    public static Document Naming(this Document document, string name, EntityType type, float confidence = 1f)
    {
        var mentions = document.Has(Layer.Mentions) ? document.Mentions.ToList() : [];
        var found = mentions.Count;
        for (var at = document.Text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = document.Text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
        {
            mentions.Add(new Mention(new TextSpan(at, name.Length), type, Confidence: confidence));
        }
        if (mentions.Count == found) throw new ArgumentException($"'{name}' is not in the document text");
        document.Mentions = [.. mentions];
        return document;
    }

    /// <summary>The span of the first occurrence of <paramref name="part"/> in the text (throws when absent).</summary>
    public static TextSpan Find(this Document document, string part, int from = 0)
    {
        var index = document.Text.IndexOf(part, from, StringComparison.Ordinal);
        if (index < 0) throw new ArgumentException($"'{part}' is not in the document text");
        return new TextSpan(index, part.Length);
    }

    /// <summary>The directory ../shared beside the repository, or null when this checkout has none.</summary>
    public static string? SharedDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "seeds"))) return candidate;
        }
        return null;
    }

    /// <summary>The repository root (the folder holding Crosscheck.slnx).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Crosscheck.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Crosscheck.slnx not found above " + AppContext.BaseDirectory);
    }
}
