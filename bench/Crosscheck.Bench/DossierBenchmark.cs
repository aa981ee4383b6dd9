using System.Diagnostics;
using System.Globalization;
using System.Text;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Stories.Statements;

namespace Crosscheck.Bench;

/// <summary>
/// Times the dossier of a large story built from synthetic but realistic annotated documents:
/// 200 articles of ~25 sentences with people under several spellings, organisations with acronyms,
/// places, counts and money in two currencies, quotes, dates and outlet citations. Single-threaded,
/// as the builder is; reports the median of several builds after a warm-up.
/// </summary>
public static class DossierBenchmark
{
    public static TimeSpan Run(TextWriter output, int articles = 200, int runs = 5, int seed = 7)
    {
        ArgumentNullException.ThrowIfNull(output);
        var documents = SyntheticStory.Documents(articles, seed);
        var story = new Story { Id = "bench", Title = "Synthetic story", ArticleIds = documents.Select(d => d.Id).ToList() };
        var builder = new DossierBuilder(copyOf: id => id.EndsWith("-copy", StringComparison.Ordinal) ? id[..^5] : null);

        var warmup = Stopwatch.StartNew();
        var dossier = builder.Build(story, documents);
        warmup.Stop();
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            dossier = builder.Build(story, documents);
            times.Add(watch.Elapsed);
        }
        times.Sort();
        var median = times[times.Count / 2];
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"dossier of {documents.Count} articles ({documents.Sum(d => d.Text.Length) / 1024} KiB, " +
            $"{documents.Sum(d => d.Mentions.Length)} mentions, {documents.Sum(d => d.Quantities.Length)} quantities, {documents.Sum(d => d.Quotes.Length)} quotes)"));
        output.WriteLine(string.Create(inv, $"  first build (JIT, word lists): {warmup.Elapsed.TotalMilliseconds:0} ms"));
        output.WriteLine(string.Create(inv, $"  median of {runs} builds: {median.TotalMilliseconds:0} ms (min {times[0].TotalMilliseconds:0}, max {times[^1].TotalMilliseconds:0})"));
        output.WriteLine(string.Create(inv, $"  → {dossier.Entities.Count} entities, {dossier.Claims.Count} claims, {dossier.Statements.Count} statements, {dossier.Quotes.Count} quotes, {dossier.Timeline.Count} timeline entries"));
        var statements = new StatementStage(documents);
        var statementTimes = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            statements.Build();
            statementTimes.Add(watch.Elapsed);
        }
        statementTimes.Sort();
        output.WriteLine(string.Create(inv, $"  of which the statement stage (median): {statementTimes[statementTimes.Count / 2].TotalMilliseconds:0} ms"));
        return median;
    }

    /// <summary>The benchmark's synthetic annotated articles, for measuring what is built on dossiers (e.g. the web story page).</summary>
    public static List<Document> SyntheticDocuments(int count = 200, int seed = 7) => SyntheticStory.Documents(count, seed);

    /// <summary>Generates annotated documents, recording each layer's span as the text is written.</summary>
    internal static class SyntheticStory
    {
        private static readonly string[] Given = ["Anna", "Pavel", "Marta", "Jonas", "Elif", "Kwame", "Sofia", "Tomas", "Ines", "Rashid", "Lena", "Olek", "Nadia", "Bruno", "Hana", "Iker"];
        private static readonly string[] Surnames = ["Virtanen", "Kowalski", "Haddad", "Mensah", "Lindqvist", "Moreau", "Novak", "Costa", "Brenner", "Okafor", "Silva", "Petrenko", "Halvorsen", "Duarte", "Yilmaz", "Castell"];
        private static readonly string[] Organisations = ["Northern Trade Council", "Nordvik Group", "Atlantic Energy Company", "Coastal Relief Agency", "Union of Port Workers", "Baltic Shipping Group"];
        private static readonly string[] Places = ["Valdora", "Port Mirel", "Kessa", "Lunden", "Ostra", "Marisco", "Tellin", "Brava", "Sundholm", "Corran"];
        private static readonly string[] Outlets = ["Harbour Times", "Daily Ledger", "Morning Post", "Evening Star", "Valley News", "Coastal Herald"];
        private static readonly string[] Cited = ["Associated Press", "Agence Nord", "AP"];
        private static readonly string[] Heads = ["troops", "soldiers", "workers", "refugees", "vehicles", "ships"];
        private static readonly string[] Roles = ["minister", "spokeswoman", "mayor", "director"];

        public static List<Document> Documents(int count, int seed)
        {
            var random = new Random(seed);
            var documents = new List<Document>(count);
            for (var i = 0; i < count; i++)
            {
                var id = i % 10 == 9 ? $"a{i - 1:000}-copy" : $"a{i:000}";
                documents.Add(Article(id, random));
            }
            return documents;
        }

        private static Document Article(string id, Random random)
        {
            var w = new Writer();
            for (var paragraph = 0; paragraph < 8; paragraph++)
            {
                for (var sentence = 0; sentence < 3; sentence++) Sentence(w, random);
                w.Text.Append("\n\n");
            }
            var article = new Article
            {
                Id = id,
                Source = id + ".txt",
                Outlet = Outlets[random.Next(Outlets.Length)],
                Title = "Synthetic article " + id,
                Body = w.Text.ToString().TrimEnd(),
                Published = new Found<DateTimeOffset>(new DateTimeOffset(2024, 3, 1 + random.Next(20), 0, 0, 0, TimeSpan.Zero), "synthetic"),
            };
            var document = new Document(article)
            {
                Sentences = [.. w.Sentences.Where(s => s.Span.End <= article.Body.Length)],
                Mentions = [.. w.Mentions],
                Quantities = [.. w.Quantities],
                TimeExpressions = [.. w.Times],
                Quotes = [.. w.Quotes],
                Citations = [.. w.Citations],
            };
            return document;
        }

        private static void Sentence(Writer w, Random random)
        {
            var start = w.Text.Length;
            var person = random.Next(Given.Length);
            var full = random.Next(3) > 0;
            var name = full ? $"{Variant(Given[person], random)} {Surnames[person]}" : Surnames[person];
            switch (random.Next(5))
            {
                case 0:
                    w.Mention(name, EntityType.Person, Roles[random.Next(Roles.Length)]);
                    w.Text.Append(" said ");
                    var value = (random.Next(9) + 1) * 500;
                    w.Quantity($"about {value:N0} {Heads[random.Next(Heads.Length)]}", value, Qualifier.About);
                    w.Text.Append(" would reach ");
                    w.Mention(Places[random.Next(Places.Length)], EntityType.Loc);
                    w.Text.Append(" by ");
                    w.Time($"{random.Next(1, 28)} March 2024", "2024-03-" + random.Next(1, 28).ToString("00", CultureInfo.InvariantCulture));
                    w.Text.Append(", according to ");
                    w.Citation(Cited[random.Next(Cited.Length)]);
                    w.Text.Append('.');
                    break;
                case 1:
                    w.Text.Append("The ");
                    var org = random.Next(Organisations.Length);
                    w.Mention(random.Next(2) == 0 ? Organisations[org] : Acronym(Organisations[org]), EntityType.Org);
                    w.Text.Append(" will be paid ");
                    var millions = random.Next(2, 12);
                    w.Money($"${millions} million", millions * 1e6, "USD", millions * 1e6);
                    w.Text.Append(" (");
                    w.Money($"{millions * 0.92:0.0} million euros", millions * 0.92e6, "EUR", millions * 1e6);
                    w.Text.Append(") a month.");
                    break;
                case 2:
                    w.Text.Append('"');
                    var quote = w.Text.Length;
                    w.Text.Append("We will not accept a deal that leaves ").Append(Places[random.Next(Places.Length)]).Append(" undefended this spring");
                    var quoteSpan = new TextSpan(quote, w.Text.Length - quote);
                    w.Text.Append(",\" ");
                    var speaker = w.Mention(name, EntityType.Person, null);
                    w.Quotes.Add(new Quote(quoteSpan, true, "said", w.Mentions[speaker].Span, speaker));
                    w.Text.Append(" said.");
                    break;
                case 3:
                    w.Text.Append("Talks in ");
                    w.Mention(Places[random.Next(Places.Length)], EntityType.Loc);
                    w.Text.Append(" stalled in ");
                    w.Time("January 2023", "2023-01");
                    w.Text.Append(" after the port was closed to shipping.");
                    break;
                default:
                    w.Text.Append("Officials from ");
                    w.Mention(Places[random.Next(Places.Length)], EntityType.Loc);
                    w.Text.Append(" and ");
                    w.Mention(Places[random.Next(Places.Length)], EntityType.Loc);
                    w.Text.Append(" met again on Tuesday to discuss the harbour, the fishing rights and the road to the north.");
                    break;
            }
            w.Sentences.Add(new Sentence(TextSpan.FromBounds(start, w.Text.Length)));
            w.Text.Append(' ');
        }

        /// <summary>Spelling variants a story's outlets produce (transliteration, accents).</summary>
        private static string Variant(string given, Random random) => random.Next(4) switch
        {
            0 when given.EndsWith('a') => given,
            0 => given + "e",
            1 => given.Replace("k", "c", StringComparison.Ordinal),
            _ => given,
        };

        private static string Acronym(string name) => string.Concat(name.Split(' ').Where(w => w.Length > 2 && char.IsUpper(w[0])).Select(w => w[0]));

        private sealed class Writer
        {
            public StringBuilder Text { get; } = new();

            public List<Sentence> Sentences { get; } = [];

            public List<Mention> Mentions { get; } = [];

            public List<Quantity> Quantities { get; } = [];

            public List<TimeExpression> Times { get; } = [];

            public List<Quote> Quotes { get; } = [];

            public List<Citation> Citations { get; } = [];

            public int Mention(string text, EntityType type, string? role)
            {
                Mentions.Add(new Mention(Append(text), type, role));
                return Mentions.Count - 1;
            }

            public void Mention(string text, EntityType type) => Mention(text, type, null);

            public void Quantity(string text, double value, Qualifier qualifier)
            {
                var head = text[(text.LastIndexOf(' ') + 1)..];
                Quantities.Add(new Quantity(Append(text), QuantityKind.Count, value, Qualifier: qualifier, CountedHead: head));
            }

            public void Money(string text, double value, string currency, double usd) =>
                Quantities.Add(new Quantity(Append(text), QuantityKind.Money, value, Unit: currency, Period: "per month", Normalized: new NormalizedValue(usd, "USD")));

            public void Time(string text, string value) => Times.Add(new TimeExpression(Append(text), value, TimeGranularity.Day));

            public void Citation(string outlet) => Citations.Add(new Citation(Append(outlet), outlet, true));

            private TextSpan Append(string text)
            {
                var start = Text.Length;
                Text.Append(text);
                return new TextSpan(start, text.Length);
            }
        }
    }
}
