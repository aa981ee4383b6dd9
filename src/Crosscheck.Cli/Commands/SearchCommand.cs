using System.CommandLine;

namespace Crosscheck.Cli.Commands;

public static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string[]>("query") { Description = "Words to look for in article titles and bodies.", Arity = ArgumentArity.OneOrMore };
        var db = CommonOptions.Database();
        var limit = new Option<int>("--limit") { Description = "How many articles to show, best first.", DefaultValueFactory = _ => 20, HelpName = "N" };
        var command = new Command("search", "Full-text search over the stored articles: titles weigh more than bodies, best first. Every word must match;\n" +
            "when no article has them all, articles with any of them are shown.\n\nExample:  crosscheck search ceasefire talks") { query, db, limit };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var location = result.GetValue(db)!;
            using var store = StoriesCommand.OpenExisting(location);
            var hits = store.Search(string.Join(' ', result.GetValue(query)!), result.GetValue(limit));
            if (hits.Count == 0) Console.WriteLine("no matching articles");
            foreach (var hit in hits)
            {
                Console.WriteLine($"{StoriesCommand.ShortId(hit.ArticleId)}  {hit.Title}");
                Console.WriteLine($"    {hit.Snippet.ReplaceLineEndings(" ")}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
