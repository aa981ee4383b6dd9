using System.Text;
using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Cli.Tests.Multilingual;

/// <summary>An article written for a test, through the flow ingest runs (extraction with language identification, annotation).</summary>
internal static class IngestedArticles
{
    public static Document Process(string outlet, string page, string title, string text, string published)
    {
        var json = JsonSerializer.Serialize(new { url = $"https://{outlet}.example/{page}", title, text, published, outlet });
        var bytes = Encoding.UTF8.GetBytes(json);
        return Engine.Processor.Process(new RawInput { Id = ContentHash.Of(bytes), Source = outlet, Kind = RawKind.Json, Content = bytes });
    }
}
