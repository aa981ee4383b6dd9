using System.IO.Compression;
using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Entities;

/// <summary>
/// The trained tagger: the feature extractor (with its word clusters and gazetteers) and two linear chains.
/// The first tags each sentence alone; the second sees, besides the same features, what the first decided
/// about the same words elsewhere in the document (Ratinov and Roth's two-stage prediction aggregation),
/// which settles names whose type only the whole document reveals. Immutable; safe across threads.
/// </summary>
internal sealed class NerModel
{
    private const string Magic = "CROSSCHECK-NER";
    /// <summary>Version 3 adds the <see cref="NerFeatureOptions"/> after the label count (version 2 files have none set).</summary>
    private const int FormatVersion = 3;
    private const int L = Bilou.LabelCount;

    /// <summary>
    /// The feature options this build reads. Several change what the file holds (<see cref="NerFeatureOptions.StemClusters"/>
    /// a second cluster table, <see cref="NerFeatureOptions.EdgeClasses"/> longer transitions) without a new format version,
    /// so a file with an option unknown here cannot be read at all: it is refused rather than misread.
    /// </summary>
    private static readonly int KnownOptions = Enum.GetValues<NerFeatureOptions>().Aggregate(0, (all, option) => all | (int)option);

    public NerModel(NerFeatures features, LinearChain first, LinearChain? second)
    {
        Features = features;
        First = first;
        Second = second;
    }

    public NerFeatures Features { get; }

    public LinearChain First { get; }

    public LinearChain? Second { get; }

    public int FeatureCount => First.FeatureCount + (Second?.FeatureCount ?? 0);

    /// <summary>BILOU labels for every sentence of a document (sentences given as token spans).</summary>
    /// <param name="text">The document text the spans point into.</param>
    /// <param name="sentences">Each sentence as its token spans.</param>
    /// <param name="truecase">Which sentence casings are rewritten with restored capitals before tagging.</param>
    public int[][] PredictDocument(string text, IReadOnlyList<TextSpan[]> sentences, Func<SentenceCasing, bool>? truecase = null)
    {
        // Each sentence is read through a view: the document text, or its truecased rewrite.
        var casings = new SentenceCasing[sentences.Count];
        for (var s = 0; s < sentences.Count; s++) casings[s] = Truecaser.CasingOf(text, sentences[s], Features.Clusters);
        var views = new (string Text, TextSpan[] Spans)[sentences.Count];
        Dictionary<ulong, string?>? forms = null;
        var context = new DocumentContext(countWords: (Features.Options & NerFeatureOptions.DocumentTopics) != 0);
        for (var s = 0; s < sentences.Count; s++)
        {
            views[s] = (text, sentences[s]);
            if (casings[s] != SentenceCasing.Normal && truecase is not null && truecase(casings[s]))
            {
                forms ??= Truecaser.DocumentForms(text, sentences, casings);
                views[s] = Truecaser.Recase(text, sentences[s], casings[s], forms, Features.Clusters);
            }
            var folded = (Features.Options & NerFeatureOptions.FoldedWords) != 0;
            if (folded) views[s] = WordFolding.FoldSentence(views[s].Text, views[s].Spans);
            // Sentences without telling capitals would only add false evidence to the document context.
            if (casings[s] is SentenceCasing.Normal or SentenceCasing.Capitals)
            {
                if (folded)
                {
                    var (foldedText, foldedSpans) = WordFolding.FoldSentence(text, sentences[s]);
                    context.Add(foldedText, foldedSpans);
                }
                else
                {
                    context.Add(text, sentences[s]);
                }
            }
        }
        var features = new List<ulong>[sentences.Count];
        var offsets = new int[sentences.Count][];
        var labels = new int[sentences.Count][];
        var classes = new int[sentences.Count][];
        var edgeClasses = (Features.Options & NerFeatureOptions.EdgeClasses) != 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            var n = sentences[s].Length;
            features[s] = new List<ulong>(n * 72);
            offsets[s] = new int[n + 1];
            Features.Extract(views[s].Text, views[s].Spans, context, features[s], offsets[s]);
            var emissions = new float[n * L];
            First.AddScores(features[s], offsets[s], n, emissions);
            labels[s] = new int[n];
            classes[s] = edgeClasses ? EdgeClasses.Of(views[s].Text, views[s].Spans) : [];
            First.Decode(emissions, n, labels[s], classes[s]);
        }
        if (Second is null) return labels;

        var history = DocumentHistory.Build(views, labels);
        var extra = new List<ulong>();
        var second = new int[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            var n = sentences[s].Length;
            var extraOffsets = new int[n + 1];
            Features.ExtractHistory(views[s].Text, views[s].Spans, labels[s], history, extra, extraOffsets);
            var emissions = new float[n * L];
            Second.AddScores(features[s], offsets[s], n, emissions);
            Second.AddScores(extra, extraOffsets, n, emissions);
            second[s] = new int[n];
            Second.Decode(emissions, n, second[s], classes[s]);
        }
        return second;
    }

    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(L);
        writer.Write((int)Features.Options);
        Features.Clusters.Write(writer);
        if ((Features.Options & NerFeatureOptions.StemClusters) != 0) Features.StemClusters.Write(writer);
        Features.Gazetteer.Write(writer);
        First.Write(writer);
        writer.Write(Second is not null);
        Second?.Write(writer);
    }

    public static NerModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16));
        if (reader.ReadString() != Magic) throw new InvalidDataException("Not a Crosscheck NER model (bad header).");
        var version = reader.ReadInt32();
        if (version is < 2 or > FormatVersion) throw new InvalidDataException($"NER model format {version} is not supported (expected 2 to {FormatVersion}); retrain the model.");
        if (reader.ReadInt32() != L) throw new InvalidDataException("NER model label set does not match this build.");
        var featureOptions = version >= 3 ? reader.ReadInt32() : 0;
        if ((featureOptions & ~KnownOptions) != 0)
            throw new InvalidDataException($"NER model uses feature options this build does not know (0x{featureOptions & ~KnownOptions:x}); it was trained by a newer Crosscheck.");
        var clusters = WordClusters.Read(reader);
        var stemClusters = (featureOptions & (int)NerFeatureOptions.StemClusters) != 0 ? WordClusters.Read(reader) : null;
        var gazetteer = Gazetteer.Read(reader);
        var edgeClasses = (featureOptions & (int)NerFeatureOptions.EdgeClasses) != 0;
        var first = LinearChain.Read(reader, edgeClasses);
        var second = reader.ReadBoolean() ? LinearChain.Read(reader, edgeClasses) : null;
        return new NerModel(new NerFeatures(clusters, gazetteer, (NerFeatureOptions)featureOptions, stemClusters), first, second);
    }
}
