using System.Diagnostics;
using System.Text.Json;
using Crosscheck.Annotation.Events;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;
using Crosscheck.Stories.Statements;

namespace Crosscheck.Evaluation.Events;

/// <summary>One gold event mention of the corpus: character offsets into its document's text and its gold cluster.</summary>
public sealed record GoldEventMention(string Id, int Start, int End, string Text, string Cluster);

/// <summary>One document of an ECB+-style event file (<c>{id, topic, subtopic, text, mentions}</c>).</summary>
public sealed record EventDocument(string Id, int Topic, string Text, IReadOnlyList<GoldEventMention> Mentions);

/// <summary>Mention detection against the gold mentions: a detected mention matches a gold one whose span it overlaps (one to one).</summary>
public sealed record MentionScores(int Gold, int Detected, int Matched)
{
    public double Precision => Detected == 0 ? 0 : (double)Matched / Detected;

    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    public double F1 => PrecisionRecall.F1(Precision, Recall);
}

/// <summary>The grouping scores, the same-lemma baseline's on the same documents, mention detection when mentions were detected, and the predicted clusters.</summary>
public sealed record EventsEvaluation(
    CorefScores Scores, CorefScores Baseline, MentionScores? Detection, int Documents, int Stories, double Seconds,
    IReadOnlyDictionary<string, string> Predicted);

/// <summary>
/// <c>crosscheck eval events FILE</c>: clusters the documents into stories with Crosscheck's own
/// <see cref="StoryClusterer"/> (never the corpus's topic labels), groups the event mentions of each story as its
/// dossier groups them into events (<see cref="StatementGrouping"/>, the grouping the statements are made of) and scores the grouping as one partition of all mentions (MUC, B-cubed,
/// CEAF-e, CoNLL F1, singletons included), beside the same-lemma baseline over the same stories.
/// </summary>
public static class EventsEvaluator
{
    /// <param name="path">The JSONL file.</param>
    /// <param name="annotate">Turns a document's id and text into an annotated document (the caller wires annotation).</param>
    /// <param name="goldMentions">Group the given mentions; otherwise detect mentions and score detection too.</param>
    /// <param name="topics">Score only the documents of these topics (null: all); every document is clustered into stories all the same.</param>
    public static EventsEvaluation Evaluate(string path, Func<string, string, Document> annotate, bool goldMentions, IReadOnlySet<int>? topics = null)
    {
        ArgumentNullException.ThrowIfNull(annotate);
        List<EventDocument> documents;
        try
        {
            documents = Read(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new EvaluationDataException($"{path}: {ex.Message}", ex);
        }
        if (documents.Count == 0 || (topics is not null && !documents.Exists(d => topics.Contains(d.Topic))))
            throw new EvaluationDataException($"{path}: no documents{(topics is null ? "" : " of the topics asked for")}.");
        return Evaluate(documents, annotate, goldMentions, topics);
    }

    /// <summary>
    /// Clusters every document into stories (as Crosscheck would cluster the whole stream), then groups and scores
    /// the mentions of the documents of <paramref name="topics"/> only (all when null).
    /// </summary>
    public static EventsEvaluation Evaluate(IReadOnlyList<EventDocument> documents, Func<string, string, Document> annotate, bool goldMentions, IReadOnlySet<int>? topics = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(annotate);
        var clock = Stopwatch.StartNew();
        var (annotated, clusterer) = Clustered(documents, annotate);

        var gold = new Dictionary<string, string>(StringComparer.Ordinal);
        var lemmaInputs = new List<(string Id, string Story, string Text)>();
        var spans = new List<(string Story, StatementMentionInput Mention)>();
        var matched = 0;
        var detected = 0;
        foreach (var (source, document) in annotated.Where(a => topics is null || topics.Contains(a.Source.Topic)))
        {
            var story = clusterer.StoryOf(source.Id) ?? source.Id;
            foreach (var mention in source.Mentions) gold[mention.Id] = mention.Cluster;
            var sentences = document.Has(Layer.Sentences) ? document.Sentences : [new Sentence(new TextSpan(0, source.Text.Length))];
            if (goldMentions)
            {
                foreach (var mention in source.Mentions)
                {
                    lemmaInputs.Add((mention.Id, story, mention.Text));
                    spans.Add((story, new StatementMentionInput(mention.Id, source.Id, new TextSpan(mention.Start, mention.End - mention.Start))));
                }
                continue;
            }
            var unmatched = source.Mentions.ToList();
            // The corpus annotates the sentences it validated for coreference only: detection is scored on those,
            // the sentences holding a gold mention, as end-to-end ECB+ work does.
            foreach (var sentence in sentences.Where(s => source.Mentions.Any(g => g.Start >= s.Span.Start && g.Start < s.Span.End)))
            {
                foreach (var found in EventMentionDetector.Detect(source.Text, sentence.Span.Start, sentence.Span.End))
                {
                    detected++;
                    // A detected mention takes the id of the first gold mention it overlaps, so both sides name it alike.
                    var hit = unmatched.FindIndex(g => g.Start < found.Span.End && found.Span.Start < g.End);
                    string id;
                    if (hit >= 0)
                    {
                        id = unmatched[hit].Id;
                        unmatched.RemoveAt(hit);
                        matched++;
                    }
                    else
                    {
                        id = $"{source.Id}@{found.Span.Start}";
                    }
                    var words = source.Text[found.Span.Start..found.Span.End];
                    lemmaInputs.Add((id, story, words));
                    spans.Add((story, new StatementMentionInput(id, source.Id, found.Span)));
                }
            }
        }
        var predicted = Events(annotated, clusterer, spans);
        var baseline = SameLemmaBaseline.Group(lemmaInputs);
        if (goldMentions)
        {
            predicted = CorefMetrics.WithSingletons(predicted, gold.Keys);
            baseline = CorefMetrics.WithSingletons(baseline, gold.Keys);
        }
        clock.Stop();
        var scored = annotated.Where(a => topics is null || topics.Contains(a.Source.Topic)).ToList();
        var stories = scored.Select(a => clusterer.StoryOf(a.Source.Id) ?? a.Source.Id).Distinct(StringComparer.Ordinal).Count();
        return new EventsEvaluation(
            CorefMetrics.Score(gold, predicted), CorefMetrics.Score(gold, baseline),
            goldMentions ? null : new MentionScores(gold.Count, detected, matched),
            scored.Count, stories, clock.Elapsed.TotalSeconds, predicted);
    }

    /// <summary>
    /// Every document clustered into stories as <see cref="Evaluate(string, Func{string, string, Document}, bool, IReadOnlySet{int}?)"/>
    /// does, then written to <paramref name="path"/>: a line "#story DOCUMENT STORY" for each document, and "DOCUMENT OTHER SCORE"
    /// (tab-separated) for every two documents the clusterer's own pair score (<see cref="StoryPairScores.CompareAll"/>) puts above
    /// <paramref name="floor"/>, for re-cutting the stories offline (<c>scripts/events-coref-cv.py documents</c>).
    /// </summary>
    public static void WriteDocumentPairs(IReadOnlyList<EventDocument> documents, Func<string, string, Document> annotate, string path, double floor = 0.02)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(annotate);
        var (annotated, clusterer) = Clustered(documents, annotate);
        var scores = clusterer.CompareAll(annotated.Select(a => a.Document).ToList());
        using var writer = new StreamWriter(path);
        foreach (var (source, _) in annotated) writer.WriteLine($"#story\t{source.Id}\t{clusterer.StoryOf(source.Id) ?? source.Id}");
        for (var i = 0; i < annotated.Count; i++)
        {
            for (var j = i + 1; j < annotated.Count; j++)
            {
                if (scores[i, j] > floor) writer.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{annotated[i].Source.Id}\t{annotated[j].Source.Id}\t{scores[i, j]:0.0000}"));
            }
        }
    }

    /// <summary>Every document annotated and clustered into stories, as a stream would be.</summary>
    internal static (List<(EventDocument Source, Document Document)> Annotated, StoryClusterer Clusterer) Clustered(
        IReadOnlyList<EventDocument> documents, Func<string, string, Document> annotate)
    {
        var clusterer = new StoryClusterer();
        var annotated = new List<(EventDocument Source, Document Document)>();
        foreach (var source in documents)
        {
            var document = annotate(source.Id, source.Text);
            clusterer.Assign(document);
            annotated.Add((source, document));
        }
        clusterer.Settle();
        return (annotated, clusterer);
    }

    /// <summary>
    /// The mentions grouped story by story into events as the dossier groups them, each story's entities resolved
    /// over all its documents (the scored topics' or not), as its dossier would.
    /// </summary>
    private static Dictionary<string, string> Events(
        List<(EventDocument Source, Document Document)> annotated, StoryClusterer clusterer, List<(string Story, StatementMentionInput Mention)> mentions)
    {
        var documentsOf = annotated.ToLookup(a => clusterer.StoryOf(a.Source.Id) ?? a.Source.Id, a => a.Document, StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var story in mentions.GroupBy(m => m.Story, StringComparer.Ordinal))
        {
            foreach (var (id, cluster) in StatementGrouping.Group(documentsOf[story.Key].ToList(), story.Select(m => m.Mention)))
            {
                result[id] = cluster.StartsWith("alone:", StringComparison.Ordinal) ? cluster : $"{story.Key}|{cluster}";
            }
        }
        return result;
    }

    /// <summary>Reads the documents; a bad line names its number.</summary>
    public static List<EventDocument> Read(string path) => JsonLinesFile.Read(path, root =>
    {
        var id = Required(root, "id");
        var text = Required(root, "text");
        var topic = root.TryGetProperty("topic", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : 0;
        var mentions = new List<GoldEventMention>();
        if (root.TryGetProperty("mentions", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array) throw new FormatException($"\"mentions\" is a JSON {EvaluationFile.Kind(list.ValueKind)}, not an array");
            foreach (var m in list.EnumerateArray())
            {
                if (m.ValueKind != JsonValueKind.Object) throw new FormatException($"a mention is a JSON {EvaluationFile.Kind(m.ValueKind)}, not an object {{\"id\", \"start\", \"end\", \"cluster\"}}");
                var mention = Required(m, "id");
                int start = Offset(m, "start", mention), end = Offset(m, "end", mention);
                if (start < 0 || end > text.Length || start >= end) throw new FormatException($"mention {mention}: offsets {start}-{end} outside the text");
                mentions.Add(new GoldEventMention(mention, start, end, text[start..end], Required(m, "cluster")));
            }
        }
        return new EventDocument(id, topic, text, mentions);
    });

    /// <summary>A string field a line (or a mention) must have.</summary>
    private static string Required(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"no \"{name}\" string; each line needs \"id\" and \"text\", and each of its \"mentions\" \"id\", \"start\", \"end\" and \"cluster\"");

    /// <summary>A mention's character offset, a whole number.</summary>
    private static int Offset(JsonElement mention, string name, string id) =>
        mention.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var offset)
            ? offset
            : throw new FormatException($"mention {id}: no whole-number \"{name}\"");
}
