using System.Globalization;
using System.Text;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Core.Text;
using Crosscheck.Stories.Fingerprints;

namespace Crosscheck.Stories.Clustering;

/// <summary>
/// Online story clustering. Each document, in arrival order, is compared only with the stories an
/// inverted index over recent stories proposes (shared rare terms, entity words, numbers and dates),
/// never with every article, and joins the most similar one or opens a new story. Similarity mixes
/// TF-IDF over body and title, rarity-weighted entity overlap and event specifics, and decays with
/// time distance. When a story grows it is checked against its own neighbours and merged when the
/// accumulated evidence says they are one event; the absorbed id is kept as a redirect.
/// Not thread-safe: one clusterer consumes one ordered stream. Same input order, same stories.
/// </summary>
/// <remarks>
/// The state (feature statistics, index, stories, article to story) lives in memory, or in a store
/// (<see cref="Stored"/>): then it is read on first use, only as far as the articles placed need it,
/// kept as a cache, and what changed is written back by <see cref="Save"/>. The logic is the same either way.
/// </remarks>
public sealed class StoryClusterer : IStoredStoryClusterer
{
    private const int Channels = 3;
    private const int TermChannel = 0;
    internal const int EntityChannel = 1;
    private const int SpecificsChannel = 2;

    /// <summary>Past this many cached stories (or 40 times as many features), a store-backed clusterer forgets its cache after saving (it reads again what it needs).</summary>
    public const int DefaultMaxCachedStories = 50_000;

    private const int CachedFeaturesPerStory = 40;

    private readonly ClusteringOptions _options;

    /// <summary>The options it clusters by (for <see cref="StoryPairScores"/>, which profiles documents as it would).</summary>
    internal ClusteringOptions Options => _options;

    private readonly FeatureSpace[] _spaces;

    /// <summary>Stories by index: all of them in memory; with a store, those read or changed so far.</summary>
    private readonly Dictionary<int, StoryState> _stories = [];
    private readonly List<StoryState> _active = [];

    /// <summary>Article id to the index of the story it was placed in (-1: left out).</summary>
    private readonly Dictionary<string, int> _storyOfArticle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _redirects = new(StringComparer.Ordinal);

    /// <summary>
    /// For each story id, the ids redirected to it, so a merge re-points them in time proportional to
    /// their number rather than to all redirects ever made (which grow with the corpus). Entries whose
    /// redirect was since dropped or changed are stale and skipped.
    /// </summary>
    private readonly Dictionary<string, List<string>> _redirectedInto = new(StringComparer.Ordinal);
    private readonly Dictionary<int, double> _accumulator = [];
    /// <summary>
    /// Pending re-checks per delay, by story index rather than instance: a store-backed clusterer that forgets
    /// its cache reads a story again as a new instance, and a queued one would be a stale copy of it.
    /// </summary>
    private readonly Queue<(long Arrival, int Story)>[] _rechecks;
    /// <summary>Stories added to, merged, split or opened since the last <see cref="Settle"/> examined them: the only ones it may split.</summary>
    private readonly HashSet<StoryState> _changed = [];

    /// <summary>
    /// Stories of several articles whose re-check came due since the last <see cref="Settle"/> without a merge: the settle divides
    /// them afresh with their neighbours (<see cref="ClusteringOptions.RevisitWhenRecheckDue"/>). By index, like the re-checks.
    /// </summary>
    private readonly HashSet<int> _recheckedSinceSettle = [];

    /// <summary>
    /// By story index, the window a candidate lookup found the stored story outside of (idle or retired), null for a story not
    /// found outside one or read since: not asked for again while it must still be outside. An array, not a dictionary: at a
    /// large store every lookup tests each of the hundreds of postings of its features against it, and most name such stories.
    /// </summary>
    private StoryCandidateWindow?[] _outsideWindow = [];

    /// <summary>The store the state is written to (null: memory only), and the one it is read from (null as well when rebuilding from nothing).</summary>
    private readonly IStoryStateStore? _store;
    private IStoryStateStore? _reading;
    private readonly HashSet<StoryState> _unsaved = [];
    private readonly HashSet<string> _unsavedArticles = new(StringComparer.Ordinal);

    /// <summary>With a store, whether each article placed for the first time since the last save was a template page (<see cref="StoryStateChanges.TemplatePages"/>).</summary>
    private readonly Dictionary<string, bool> _unsavedTemplateMarks = new(StringComparer.Ordinal);
    private readonly List<RedirectChange> _redirectLog = [];

    /// <summary>With a store, the profiles whose norms were computed afresh since the last <see cref="Save"/> (see <see cref="Profile.ForgetUnwrittenNorms"/>).</summary>
    private readonly List<Profile> _refreshedNorms = [];
    private bool _resetOnSave;
    private StoryStateHeader? _savedHeader;
    private readonly int _maxCachedStories;
    private long _documents;
    private long _arrivals;
    /// <summary>Arrivals at the end of the last <see cref="Settle"/> (with a store: at the last save, which follows a settle).</summary>
    private long _settledArrivals;
    private int _storyCount;
    private int _liveStories;

    public StoryClusterer(ClusteringOptions? options = null, SyndicationDetector? syndication = null)
        : this(options, syndication, store: null, reset: false, DefaultMaxCachedStories)
    {
    }

    private StoryClusterer(ClusteringOptions? options, SyndicationDetector? syndication, IStoryStateStore? store, bool reset, int maxCachedStories)
    {
        _maxCachedStories = maxCachedStories;
        _options = options ?? ClusteringOptions.Default;
        // Else the first placement would fail on the candidate list's capacity, with a message naming no option.
        if (_options.MaxCandidates < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxCandidates,
                $"{nameof(ClusteringOptions)}.{nameof(ClusteringOptions.MaxCandidates)} must be 0 or more (0: no story is scored as a candidate).");
        }
        _rechecks = _options.RecheckDelays.Select(_ => new Queue<(long, int)>()).ToArray();
        Syndication = syndication ?? (_options.UseSyndication ? new SyndicationDetector() : null);
        _templates = _options.TemplatePages ? new TemplatePageDetector() : null;
        _store = store;
        _reading = reset ? null : store;
        _resetOnSave = reset;
        _spaces = [new(_reading), new(_reading), new(_reading)];
        if (_reading?.LoadStoryStateHeader() is { } header)
        {
            (_documents, _arrivals, _storyCount, _liveStories) = (header.Documents, header.Arrivals, header.StoryCount, header.LiveStories);
            _settledArrivals = _arrivals;
            _savedHeader = header;
            ReadRechecks(header.Rechecks);
        }
        if (store is not null)
        {
            // Their windows are stored state too: read per text from the store, written at each save (a rebuild holds them whole).
            Syndication?.KeepWindowIn(_reading);
            _templates?.KeepWindowIn(_reading, _arrivals);
        }
    }

    /// <summary>A clusterer continuing from the state stored in <paramref name="store"/> (an empty state when none is stored).</summary>
    public static StoryClusterer Stored(IStoryStateStore store, ClusteringOptions? options = null, int maxCachedStories = DefaultMaxCachedStories) =>
        new(options, null, store ?? throw new ArgumentNullException(nameof(store)), reset: false, maxCachedStories);

    /// <summary>A clusterer starting from nothing whose first <see cref="Save"/> replaces all stored state and stories (a full rebuild).</summary>
    public static StoryClusterer Rebuilding(IStoryStateStore store, ClusteringOptions? options = null, int maxCachedStories = DefaultMaxCachedStories) =>
        new(options, null, store ?? throw new ArgumentNullException(nameof(store)), reset: true, maxCachedStories);

    /// <summary>
    /// The near-duplicate detector fed with every assigned document (null when disabled). With a store, its window (the last
    /// 20,000 texts long enough to compare) is stored state too (<see cref="StoryStateChanges.WindowTexts"/>): a text reads the
    /// stored postings of its own band keys and the few texts they name, so a copy of a text saved in an earlier batch or by
    /// another process is found as in one batch; memory holds the texts placed since the last <see cref="Save"/> only (a rebuild
    /// holds its window whole), and <see cref="SyndicationDetector.Copies"/> names the copies found since then.
    /// </summary>
    public SyndicationDetector? Syndication { get; private set; }

    /// <summary>
    /// Template pages (<see cref="ClusteringOptions.TemplatePages"/>), or null when off. With a store, its window (the last 5,000
    /// texts placed) is stored and read per text as <see cref="Syndication"/>'s is (the postings of the text's own shingles).
    /// </summary>
    private TemplatePageDetector? _templates;

    public IReadOnlyDictionary<string, string> Redirects => _redirects;

    /// <summary>
    /// For analysis only (null: nothing is reported, the default): told of every join as it is made, a new article placed in a story
    /// of others or two stories merged, with what made it (<see cref="StoryJoin.Kind"/>). Splits, repartitions and the settle's re-placement
    /// (<see cref="ClusteringOptions.ReplaceShare"/>) move articles without a join and are not reported.
    /// </summary>
    public Action<StoryJoin>? JoinObserver { get; set; }

    /// <summary>What the joins reported to <see cref="JoinObserver"/> are made by at this moment.</summary>
    private string _joinKind = StoryJoin.MergeAfterPlacement;

    private void ObserveJoin(string kind, StoryState into, IEnumerable<string> joining, double score, bool byClosestMember = false)
    {
        if (JoinObserver is { } observer) observer(new StoryJoin(kind, [.. into.Members.Select(m => m.Id)], [.. joining], score, byClosestMember));
    }

    /// <summary>The stories (with a store: those this clusterer read or changed; the store has them all).</summary>
    public IReadOnlyList<Story> Stories =>
        _stories.Values.Where(s => !s.Absorbed).OrderBy(s => s.Index).Select(s => s.ToStory()).ToList();

    /// <summary>How many stories exist (not merged into another), stored ones included.</summary>
    public int StoryCount => _liveStories;

    /// <summary>The current (redirect-resolved) story of an article, or null when it was never assigned.</summary>
    public string? StoryOf(string articleId) =>
        StoryOfArticle(articleId) is { } story ? Resolve(story).Id : null;

    public string Assign(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return StoryOfArticle(document.Id) is { } known ? Resolve(known).Id : AssignNew(Prepared(document));
    }

    /// <summary>
    /// The document's feature vectors (<see cref="DocumentFeatures"/>, keyed as <see cref="FeatureSpace.KeyOf"/>), its text's
    /// syndication fingerprint and template detector entry: functions of the document and the options alone, read no state, so safe on any thread while
    /// another assigns.
    /// </summary>
    public PreparedDocument Prepare(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Prepared(document);
    }

    public string Assign(PreparedDocument prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var article = prepared as PreparedArticle ?? throw new ArgumentException("The document was prepared by another kind of clusterer.", nameof(prepared));
        return StoryOfArticle(article.Document.Id) is { } known ? Resolve(known).Id : AssignNew(article);
    }

    private PreparedArticle Prepared(Document document)
    {
        var features = DocumentFeatures.Extract(document, _options);
        var nameTypes = features.EntityTypes.ToDictionary(p => FeatureSpace.KeyOf(EntityChannel, p.Key), p => p.Value);
        var text = document.Text ?? "";
        TextFingerprint? fingerprint;
        TemplatePageDetector.Entry? template = null;
        // The template detector's entry and the syndication fingerprint from one scan of the text (its words hashed once).
        if (_options.TemplatePages) template = TemplatePageDetector.Prepare(text, Syndication, out fingerprint);
        else fingerprint = Syndication?.Fingerprint(text);
        return new PreparedArticle(document, Profile.Vectorize(features), nameTypes, features.Language, fingerprint, template);
    }

    /// <summary>Places a new article (never assigned before) and returns its story id.</summary>
    private string AssignNew(PreparedArticle prepared)
    {
        var document = prepared.Document;
        _arrivals++;
        // A template page keeps no features: it scores nothing against any story, so it joins none and anchors none.
        var template = _templates?.Add(prepared.Template, document.Text, document.Id) == true;
        var vectors = template ? new Dictionary<long, double>[] { [], [], [] } : prepared.Vectors;
        var profile = Profile.FromVectors(vectors, prepared.Language, document.Article.Published?.Value, _arrivals);
        _documents++;
        var nameTypes = prepared.NameTypes;
        for (var c = 0; c < Channels; c++)
        {
            _spaces[c].Prefetch(profile.Vectors[c].Keys);
            var place = 0;
            foreach (var id in profile.Vectors[c].Keys)
            {
                _spaces[c].CountDocument(id, (_documents << 20) + place++, c == EntityChannel ? nameTypes.GetValueOrDefault(id) : NameTypes.None);
            }
        }
        if (_arrivals % 1024 == 0) RetireIdleStories(profile.Last);

        StoryState? target = null;
        (double Score, bool ByClosestMember)? decided = null;
        var copy = Syndication is not { } detector ? null
            : prepared.Fingerprint is { } fingerprint && detector.Takes(fingerprint) ? detector.Add(document.Id, fingerprint) : detector.Add(document);
        if (!template && copy is { } match && StoryOfArticle(match.OriginalId) is { } originalStory)
        {
            target = Resolve(originalStory);
            if (target.Retired) target = null;
        }
        // The article's index lookups serve the candidates and then its own postings: nothing between the two changes a count.
        List<(long Id, double Weight)>[]? queries = null;
        if (target is null)
        {
            queries = QueryFeatures(profile);
            long[]? titleTerms = null;
            (target, var score, var byClosestMember) = BestScored(profile, exclude: null, AssignThresholdOf(profile), queries, join: true,
                title: () => titleTerms ??= StoryState.TitleTermIdsOf(StoryState.TitleOf(document), prepared.Language, _options));
            decided = (score, byClosestMember);
        }

        var isNew = target is null;
        if (!isNew && JoinObserver is not null)
        {
            // A placement reports the score it was decided by (the member link's when that was higher); a copy its profile score.
            var (score, byClosestMember) = decided ?? (Similarity(profile, target!.Profile), false);
            ObserveJoin(queries is null ? StoryJoin.CopyPlacement : StoryJoin.Placement, target!, [document.Id], score, byClosestMember);
        }
        if (target is null) target = Open(StoryIdFor(document.Id));
        target.Add(document, profile, _options, _spaces);
        Changed(target);
        Place(document.Id, target);
        if (_store is not null) _unsavedTemplateMarks[document.Id] = template;
        Post(target, queries ?? QueryFeatures(profile));

        _joinKind = StoryJoin.MergeAfterPlacement;
        if (!isNew) target = MergeNeighbours(target, _options.MergeThreshold);
        else ScheduleRechecks(target);
        _joinKind = StoryJoin.Recheck;
        RunDueRechecks();
        return Resolve(target).Id;
    }

    /// <summary>
    /// What <see cref="Prepare"/> derives from a document: its unit vectors per channel, its language, its text's fingerprint (null
    /// without syndication) and template detector entry (null without <see cref="ClusteringOptions.TemplatePages"/>).
    /// </summary>
    private sealed class PreparedArticle(Document document, Dictionary<long, double>[] vectors, Dictionary<long, NameTypes> nameTypes, string? language,
        TextFingerprint? fingerprint, TemplatePageDetector.Entry? template) : PreparedDocument(document)
    {
        public Dictionary<long, double>[] Vectors { get; } = vectors;

        /// <summary>The kinds of name each entity feature was tagged as in this document, by feature key.</summary>
        public Dictionary<long, NameTypes> NameTypes { get; } = nameTypes;

        public string? Language { get; } = language;

        public TextFingerprint? Fingerprint { get; } = fingerprint;

        public TemplatePageDetector.Entry? Template { get; } = template;
    }

    /// <summary>
    /// The similarity an article needs to join a story: <see cref="ClusteringOptions.AnalysedAssignThreshold"/> when its
    /// terms are stems of an analysed language (their cosines run on another scale), else the assign threshold.
    /// </summary>
    private double AssignThresholdOf(Profile profile) =>
        _options.AnalysedAssignThreshold is { } analysed && profile.Languages.Length > 0 && profile.Languages.All(_options.AnalysedLanguages.Contains)
            ? analysed
            : _options.AssignThreshold;

    /// <summary>Deterministic id from the first article's id, so replaying the same stream gives the same ids.</summary>
    private static string StoryIdFor(string articleId) =>
        "s" + ContentHash.Of(Encoding.UTF8.GetBytes(articleId))[..15];

    private StoryState Resolve(StoryState story)
    {
        while (story.AbsorbedBy is { } next) story = StoryAt(next);
        return story;
    }

    private StoryState Open(string id)
    {
        var story = new StoryState(_storyCount++, id);
        _stories.Add(story.Index, story);
        _active.Add(story);
        _liveStories++;
        return story;
    }

    /// <summary>Notes that a story changed: a split may be due at the next settle, and with a store it must be written.</summary>
    private void Changed(StoryState story)
    {
        _changed.Add(story);
        if (_store is not null) _unsaved.Add(story);
    }

    private void Place(string articleId, StoryState story)
    {
        _storyOfArticle[articleId] = story.Index;
        if (_store is not null) _unsavedArticles.Add(articleId);
    }

    /// <summary>Places an article already placed in another story (a split or repartition); unmoved ones are left as they are.</summary>
    private void Move(string articleId, StoryState story)
    {
        if (!_storyOfArticle.TryGetValue(articleId, out var index) || index != story.Index) Place(articleId, story);
    }

    private StoryState? StoryOfArticle(string articleId)
    {
        if (!_storyOfArticle.TryGetValue(articleId, out var index))
        {
            if (_reading?.LoadStoryIndexOfArticle(articleId) is not { } stored) return null;
            _storyOfArticle[articleId] = index = stored;
        }
        return index < 0 ? null : StoryAt(index);
    }

    private StoryState StoryAt(int index)
    {
        if (_stories.TryGetValue(index, out var story)) return story;
        Load([index]);
        return _stories.TryGetValue(index, out story) ? story : throw new InvalidDataException($"The stored story state has no story {index}.");
    }

    /// <summary>
    /// Reads the stories not yet known from the store in one request (no-op in memory). With <paramref name="window"/>, those
    /// outside it are not read, and stay unknown: only <see cref="Candidates"/> passes one, and skips them.
    /// </summary>
    private void Load(IEnumerable<int> indexes, StoryCandidateWindow? window = null)
    {
        if (_reading is null) return;
        var missing = indexes.Where(i => !_stories.ContainsKey(i) && !(window is not null && KnownOutside(i, window)))
            .Distinct().ToList();
        if (missing.Count == 0) return;
        var loaded = _reading.LoadStoryStates(missing, window);
        if (window is not null)
        {
            foreach (var index in missing) MarkOutside(index, window);
        }
        foreach (var stored in loaded)
        {
            var story = StoryState.Deserialize(stored.Index, stored.State);
            _stories[stored.Index] = story;
            // A story read is known (whatever window it was once found outside of): KnownOutside relies on it.
            if (stored.Index < _outsideWindow.Length) _outsideWindow[stored.Index] = null;
            if (!story.Absorbed && !story.Retired) _active.Add(story);
        }
    }

    /// <param name="profile">The article's or story's profile.</param>
    /// <param name="exclude">A story never proposed (the one asking).</param>
    /// <param name="threshold">The least score taken.</param>
    /// <param name="queries">The profile's <see cref="QueryFeatures"/> when already taken.</param>
    /// <param name="placing">Whether an article is placed (null: when <paramref name="exclude"/> is null or a lone article).</param>
    /// <param name="join">
    /// Whether <paramref name="threshold"/> is the placed article's join threshold, which a short side lowers per candidate
    /// (<see cref="ClusteringOptions.ShortSideTerms"/>, with the closest-member guard's share); false: the threshold as given.
    /// </param>
    /// <param name="title">The placed article's title term ids, taken when a short side's guard asks (<see cref="ClusteringOptions.ShortSideTitleTermDocuments"/>).</param>
    private StoryState? BestCandidate(Profile profile, StoryState? exclude, double threshold, List<(long Id, double Weight)>[]? queries = null, bool? placing = null,
        bool join = false, Func<long[]>? title = null) => BestScored(profile, exclude, threshold, queries, placing, join, title).Story;

    /// <summary>
    /// <see cref="BestCandidate"/> with the similarity the story was taken by: its profile's, or the member link's
    /// (<see cref="ClusteringOptions.MemberLinkWeight"/> times the closest member's) when that was higher (<c>ByClosestMember</c>);
    /// before <see cref="ClusteringOptions.SingleArticleMargin"/>, which only raises a lone story's bar. Null and 0 when none is taken.
    /// </summary>
    private (StoryState? Story, double Score, bool ByClosestMember) BestScored(Profile profile, StoryState? exclude, double threshold,
        List<(long Id, double Weight)>[]? queries = null, bool? placing = null, bool join = false, Func<long[]>? title = null)
    {
        StoryState? best = null;
        var bestScore = threshold;
        var (bestSimilarity, bestByMember) = (0.0, false);
        var candidates = Candidates(profile, exclude, queries);
        // The features of every candidate's profile in one read per channel, rather than one per candidate as each is compared.
        for (var c = 0; c < Channels; c++) _spaces[c].Prefetch(candidates.SelectMany(candidate => candidate.Profile.Vectors[c].Keys));
        // An article placed (a new one, or one still alone at a re-check or settle), not a story of several merging.
        var placingArticle = placing ?? (exclude is null || exclude.Size == 1);
        foreach (var candidate in candidates)
        {
            // The closest member is needed for the score only with the member link (off by default); else only for the story that would win.
            var closest = _options.MemberLinkWeight > 0 ? ClosestMemberSimilarity(profile, candidate) : null;
            var score = Similarity(profile, candidate.Profile);
            var byMember = false;
            if (closest is { } member)
            {
                var link = _options.MemberLinkWeight * member;
                byMember = link > score;
                score = Math.Max(score, link);
            }
            var similarity = score;
            // Two single articles are weaker evidence than an article against a story's accumulated profile.
            if (candidate.Size == 1 && exclude is null) score -= _options.SingleArticleMargin;
            // A short side is held to a lower join threshold (ClusteringOptions.ShortSideTerms; 1 when off or not short).
            var shortSide = join && placingArticle ? ShortSideFactor(profile, title, candidate.Profile, candidate.Size == 1 ? candidate : null) : 1;
            // Taken when it reaches its threshold (inclusive; a short side's lowered share of it) and scores above the best so far, or
            // equal to it and older than the one taken: ties go to the older story, so the outcome does not depend on the order the
            // candidates come in (by index overlap). Asked as "is it better", not "is it worse", so that a NaN score, which compares
            // false either way, is never taken.
            var better = score >= threshold * shortSide && (best is null || score > bestScore || (score == bestScore && candidate.Index < best.Index));
            if (!better) continue;
            // Asked only of a story that would take the article, so the members (up to SplitMaxSize of them) are compared with it
            // once per placement at most, not once per candidate: skipping a story that would not win changes nothing.
            if (placingArticle && NoMemberCloseEnough(profile, candidate, closest, shortSide)) continue;
            // A story of several merging with a lone article: the article must meet one member, as when placed itself (ClusteringOptions.GuardLoneMerges).
            if (!placingArticle && _options.GuardLoneMerges && exclude is { Size: > 1 } && candidate.Size == 1 && NoMemberCloseEnough(candidate.Profile, exclude, null, 1)) continue;
            best = candidate;
            bestScore = score;
            (bestSimilarity, bestByMember) = (similarity, byMember);
        }
        return (best, bestSimilarity, bestByMember);
    }

    /// <summary>
    /// Whether <see cref="ClusteringOptions.ClosestMemberShare"/> keeps <paramref name="profile"/> (of one analysed language) out of
    /// <paramref name="candidate"/>: none of the story's members alone reaches that share of the profile's join threshold.
    /// </summary>
    /// <param name="profile">The article's profile.</param>
    /// <param name="candidate">The story that would take it.</param>
    /// <param name="closest">The closest member's similarity when already taken (null: taken here if the rule applies).</param>
    /// <param name="shortSide">The share of its join threshold the article is held to (the short side's share, <see cref="ClusteringOptions.ShortSideTerms"/>; 1: all of it).</param>
    private bool NoMemberCloseEnough(Profile profile, StoryState candidate, double? closest, double shortSide) =>
        (_options.ClosestMemberShare > 0 && profile.Languages is [var language] && _options.AnalysedLanguages.Contains(language)
        && (closest ?? ClosestMemberSimilarity(profile, candidate)) is { } member && member < _options.ClosestMemberShare * AssignThresholdOf(profile) * shortSide)
        || MembersTooFarOnAverage(profile, candidate);

    /// <summary>
    /// The share of its join threshold an article (or a story of one) <paramref name="article"/> is held to against
    /// <paramref name="other"/> (<see cref="ClusteringOptions.ShortSideTerms"/>): √(terms / N) of the shorter side's distinct terms,
    /// at least <see cref="ClusteringOptions.ShortSideFloor"/>, when the shorter side has fewer than N and both sides are in one and
    /// the same identified language (and the pair shows what the guard asks, <see cref="ShortSideEvidence"/>); else 1.
    /// </summary>
    /// <param name="article">The side placed: one article.</param>
    /// <param name="title">The article's title term ids, taken when the guard asks (null: none known).</param>
    /// <param name="other">The story it would join.</param>
    /// <param name="otherAlone">Whether <paramref name="other"/> is a story of one article, whose terms count as a side's too.</param>
    /// <param name="otherTitle">That lone story's title term ids, taken when the guard asks (null: none known).</param>
    private double ShortSideFactor(Profile article, Func<long[]>? title, Profile other, bool otherAlone, Func<long[]>? otherTitle)
    {
        var limit = _options.ShortSideTerms;
        if (limit <= 0 || article.Languages is not [var language] || other.Languages is not [var otherLanguage] || language != otherLanguage) return 1;
        var (shorter, shorterTitle, longer) = otherAlone && other.Vectors[TermChannel].Count < article.Vectors[TermChannel].Count
            ? (other, otherTitle, article) : (article, title, other);
        var terms = shorter.Vectors[TermChannel].Count;
        if (terms >= limit || !ShortSideEvidence(shorter, shorterTitle, longer)) return 1;
        return Math.Max(_options.ShortSideFloor, Math.Sqrt((double)terms / limit));
    }

    /// <summary>The short side's share against a candidate story (see the overload taking whether the other side is alone).</summary>
    /// <param name="article">The side placed: one article, or a story of one.</param>
    /// <param name="title">Its title term ids, taken when the guard asks (null: none known).</param>
    /// <param name="other">The story it would join.</param>
    /// <param name="lone">The story it would join when that is a story of one article (its title known), else null.</param>
    private double ShortSideFactor(Profile article, Func<long[]>? title, Profile other, StoryState? lone) =>
        ShortSideFactor(article, title, other, lone is not null, lone is null ? null : () => lone.TitleTermIds(_options));

    /// <summary>
    /// Whether the pair shows what the guard asks before a short side's threshold is lowered: the names
    /// <see cref="ClusteringOptions.ShortSideSharedNames"/> asks, or a term of the short side's own title that at most
    /// <see cref="ClusteringOptions.ShortSideTitleTermDocuments"/> documents carry; with neither asked, nothing.
    /// </summary>
    private bool ShortSideEvidence(Profile shorter, Func<long[]>? shorterTitle, Profile longer)
    {
        var (names, titleDocuments) = (_options.ShortSideSharedNames, _options.ShortSideTitleTermDocuments);
        if (names <= 0 && titleDocuments <= 0) return true;
        if (names > 0 && shorter.Vectors[EntityChannel].Count > 0 && longer.Vectors[EntityChannel].Count > 0)
        {
            // Within one language: country keys and Han sound keys are not counted as shared (the cosine's own count).
            Cosine(shorter, longer, EntityChannel, crossLanguage: false, out var shared);
            if (shared >= names) return true;
        }
        if (titleDocuments <= 0 || shorterTitle is null) return false;
        var space = _spaces[TermChannel];
        foreach (var id in shorterTitle())
        {
            if (longer.Vectors[TermChannel].ContainsKey(id) && space.DocumentFrequency(id) <= titleDocuments) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether <see cref="ClusteringOptions.AverageMemberShare"/> keeps <paramref name="profile"/> (of one analysed language) out of
    /// <paramref name="candidate"/>, a story of at least three articles in its language: the mean of its similarities to the members
    /// falls under that share of its join threshold.
    /// </summary>
    private bool MembersTooFarOnAverage(Profile profile, StoryState candidate)
    {
        if (_options.AverageMemberShare <= 0 || candidate.Size < 3 || profile.Languages is not [var language] || !_options.AnalysedLanguages.Contains(language)
            || candidate.Profile.Languages.Length != 1 || candidate.Profile.OtherLanguageThan(profile)) return false;
        double sum = 0;
        foreach (var member in candidate.Members)
        {
            if (member.Profile is not { } own) return false;
            sum += Similarity(profile, own);
        }
        return sum / candidate.Size < _options.AverageMemberShare * AssignThresholdOf(profile);
    }

    /// <summary>
    /// The similarity of <paramref name="profile"/> to the closest member of <paramref name="candidate"/>, for a story of several
    /// articles, all in the identified language of <paramref name="profile"/>, that keeps its members' profiles; else null.
    /// </summary>
    private double? ClosestMemberSimilarity(Profile profile, StoryState candidate)
    {
        if (candidate.Size < 2) return null;
        // Only in one identified language: the ECB+ figures the English thresholds were set on (no identified language) lose by it.
        if (profile.Languages.Length == 0 || candidate.Profile.Languages.Length != 1 || candidate.Profile.OtherLanguageThan(profile)) return null;
        double best = 0;
        foreach (var member in candidate.Members)
        {
            if (member.Profile is not { } own) return null;
            best = Math.Max(best, Similarity(profile, own));
        }
        return best;
    }

    /// <param name="profile">The article's or story's profile.</param>
    /// <param name="exclude">A story never proposed (the one asking).</param>
    /// <param name="queries">The profile's <see cref="QueryFeatures"/> when already taken (null: taken here).</param>
    private List<StoryState> Candidates(Profile profile, StoryState? exclude, List<(long Id, double Weight)>[]? queries = null)
    {
        _accumulator.Clear();
        var window = CandidateWindow(profile);
        queries ??= QueryFeatures(profile);
        for (var c = 0; c < Channels; c++)
        {
            foreach (var (id, weight) in queries[c])
            {
                var postings = _spaces[c].Postings(id);
                if (postings is null) continue;
                var first = FeatureSpace.FirstScanned(postings, _options.PostingScanLimit);
                for (var i = postings.Count - 1; i >= first; i--)
                {
                    var story = postings[i];
                    // A run of entries naming dead stories (see FeatureSpace.Bury).
                    if (story < 0) continue;
                    // A stored story already found outside the window, and still outside it, would be left out below: at a large
                    // store most postings name such idle stories, so they are passed over here, before any bookkeeping.
                    if (_reading is not null && KnownOutside(story, window)) continue;
                    _accumulator[story] = _accumulator.GetValueOrDefault(story) + weight;
                }
            }
        }
        // Stories the store holds outside the candidate window are not even read: at a large store, most postings name idle ones.
        Load(_accumulator.Keys, window);
        LoadSurvivors(window);
        var candidates = new List<(StoryState Story, double Score)>(_accumulator.Count);
        foreach (var (index, score) in _accumulator)
        {
            // Not read, or merged into a story not read (outside the window): idle or retired, as IsIdle below would find.
            if (!_stories.TryGetValue(index, out var posted) || ResolveRead(posted) is not { } story) continue;
            if (story.Index == exclude?.Index || story.Retired || IsIdle(story, profile)) continue;
            candidates.Add((story, score));
        }
        candidates.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Story.Index.CompareTo(b.Story.Index));
        // The limit is asked before each story is taken, so 0 takes none (as 0 postings read or 0 features looked up find none).
        var result = new List<StoryState>(Math.Min(candidates.Count, _options.MaxCandidates));
        foreach (var (story, _) in candidates)
        {
            if (result.Count == _options.MaxCandidates) break;
            if (result.Contains(story)) continue;
            result.Add(story);
        }
        return result;
    }

    /// <summary>
    /// Reads the stories that the accumulated ones were merged into, within the window, one request per link of the chains
    /// rather than one per survivor: a survivor outside the window is idle or retired (as <see cref="IsIdle"/> would find), so
    /// it is left unread and its merged stories are no candidates. At a large store many postings name merged old stories.
    /// </summary>
    private void LoadSurvivors(StoryCandidateWindow window)
    {
        while (true)
        {
            var unread = new List<int>();
            foreach (var index in _accumulator.Keys)
            {
                if (!_stories.TryGetValue(index, out var story)) continue;
                // Each round reads each missing link or finds it outside this window, so the rounds end.
                if (LastRead(story).AbsorbedBy is { } missing && !KnownOutside(missing, window)) unread.Add(missing);
            }
            if (unread.Count == 0) return;
            Load(unread, window);
        }
    }

    /// <summary>The story a read one leads to through its merges, or null when a link was not read (<see cref="LoadSurvivors"/>).</summary>
    private StoryState? ResolveRead(StoryState story) => LastRead(story) is { AbsorbedBy: null } survivor ? survivor : null;

    /// <summary>The farthest story read along the merges of <paramref name="story"/>: its survivor, or the last one before a link not read.</summary>
    private StoryState LastRead(StoryState story)
    {
        while (story.AbsorbedBy is { } next && _stories.TryGetValue(next, out var survivor)) story = survivor;
        return story;
    }

    private int QueryLimit(int channel) => channel switch
    {
        0 => _options.IndexTermsPerDocument,
        1 => _options.IndexEntitiesPerDocument,
        _ => _options.IndexSpecificsPerDocument,
    };

    /// <summary>Per channel, the features of <paramref name="profile"/> the index is searched and posted by (<see cref="Profile.QueryFeatures"/>).</summary>
    private List<(long Id, double Weight)>[] QueryFeatures(Profile profile)
    {
        var queries = new List<(long Id, double Weight)>[Channels];
        for (var c = 0; c < Channels; c++) queries[c] = profile.QueryFeatures(c, _spaces[c], _documents, QueryLimit(c));
        return queries;
    }

    /// <summary>Posts the story under its profile's <see cref="QueryFeatures"/>.</summary>
    private void Post(StoryState story, Profile profile) => Post(story, QueryFeatures(profile));

    private void Post(StoryState story, List<(long Id, double Weight)>[] queries)
    {
        for (var c = 0; c < Channels; c++)
        {
            foreach (var (id, _) in queries[c]) _spaces[c].Post(id, story.Index, _options.PostingScanLimit);
        }
    }

    /// <summary>
    /// A story opened while the index was young (or before its look-alikes arrived) is compared again
    /// a few times later, when document frequencies have matured; this is how early singletons find
    /// their story without every story being compared with every other.
    /// </summary>
    private void ScheduleRechecks(StoryState story)
    {
        for (var i = 0; i < _rechecks.Length; i++) _rechecks[i].Enqueue((_arrivals + _options.RecheckDelays[i], story.Index));
    }

    /// <summary>The pending re-checks as stored with the header: "queue.story.due" entries, comma-separated, in queue order.</summary>
    private string WriteRechecks() => string.Join(',', _rechecks.SelectMany((queue, q) =>
        queue.Select(due => string.Create(CultureInfo.InvariantCulture, $"{q}.{due.Story}.{due.Arrival}"))));

    private void ReadRechecks(string stored)
    {
        foreach (var entry in stored.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('.');
            if (parts.Length != 3 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var queue) || queue < 0 || queue >= _rechecks.Length
                || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var story) || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var due))
            {
                throw new InvalidDataException($"The stored story state has an unreadable re-check '{entry}'.");
            }
            _rechecks[queue].Enqueue((due, story));
        }
    }

    /// <summary>
    /// Runs the pending re-checks the batch could have changed the answer of now, once per story (its earliest), in an
    /// order that does not depend on arrival (<see cref="PendingRechecksInSettleOrder"/>): when
    /// the input ends, the further arrivals a re-check waits for will not come, and a story opened by an article that
    /// arrived before its better-connected neighbours would otherwise stay apart. An article still alone may
    /// then join on a shared two-word name, and stories that grew from two look-alike events are split.
    /// Re-checks not yet due stay queued for when their arrivals come: input that goes on after a settle (the
    /// next ingest of a stream) still gets them. Last, each story that changed, and each story of several articles whose re-check
    /// came due since the last settle (<see cref="ClusteringOptions.RevisitWhenRecheckDue"/>), is divided afresh together with its
    /// nearest neighbours that came through an earlier settle (<see cref="RepartitionWithNeighbour"/>), so where a batch ended matters less.
    /// </summary>
    /// <remarks>
    /// A re-check not yet due runs here only for a story the batch changed or one among the candidates of a story it
    /// changed (<see cref="NearChangedStories"/>): any other was re-checked at an earlier settle against the same
    /// neighbours, so in a stream of small ingests (a POST of one article) a settle costs what the batch changed, not
    /// every story opened within the longest re-check delay. In one batch every story changed, so nothing is skipped.
    /// </remarks>
    public void Settle()
    {
        foreach (var story in PendingRechecksInSettleOrder())
        {
            // An earlier re-check of this settle may have merged it into another story.
            if (story.Absorbed || story.Retired) continue;
            _joinKind = story.Size == 1 ? StoryJoin.SettleLone : StoryJoin.SettleMerge;
            if (story.Size == 1) JoinBestSharingName(story);
            else MergeNeighbours(story, _options.MergeThreshold);
        }
        // Only stories changed since the last settle: an unchanged one was examined then, or was out of the size range then as now.
        var changed = _changed.Where(s => !s.Absorbed && !s.Retired).OrderBy(s => s.Index).ToList();
        _changed.Clear();
        if (_options.SplitMinSize > 0)
        {
            foreach (var story in changed)
            {
                if (!story.Absorbed && !story.Retired) TrySplit(story);
            }
            // Taken before any repartition below moves articles: the stories as the re-checks left them.
            var rechecked = RecheckedUnchanged(changed);
            foreach (var story in changed.Concat(rechecked))
            {
                if (!story.Absorbed && !story.Retired) RepartitionWithNeighbour(story);
            }
        }
        if (_options.ReplaceShare > 0)
        {
            foreach (var story in changed.Concat(_changed).Distinct().OrderBy(s => s.Index).ToList())
            {
                if (!story.Absorbed && !story.Retired) ReplaceMembers(story);
            }
        }
        _recheckedSinceSettle.Clear();
        foreach (var story in changed.Concat(_changed)) story.SettledBefore = true;
        _settledArrivals = _arrivals;
        // What the splits and repartitions above changed was settled by them; kept here it would be examined again at the next
        // settle by a clusterer that kept its cache but not by one reading the state back from the store, and the two would differ.
        _changed.Clear();
    }

    /// <summary>
    /// The settle's re-placement (<see cref="ClusteringOptions.ReplaceShare"/>): each article of an analysed language in the story, in
    /// arrival order, is scored against the story without it (and without those that left before it); one that no longer reaches the
    /// share of its join threshold leaves (or, with <see cref="ClusteringOptions.ReplaceMargin"/>, one another story scores that much
    /// higher), for the best other story that takes it as a new article would be taken, else alone. The story keeps at least one article.
    /// </summary>
    private void ReplaceMembers(StoryState story)
    {
        var members = story.Members.ToList();
        if (members.Count < _options.ReplaceMinSize || members.Count > _options.SplitMaxSize || members.Any(m => m.Profile is null)) return;
        var staying = new List<Member>(members);
        var leaving = new List<(Member Member, StoryState? To)>();
        foreach (var member in members)
        {
            var own = member.Profile!;
            // The article whose id the story carries stays: alone it would open a second story of that id.
            if (staying.Count < 2 || own.Languages is not [var language] || !_options.AnalysedLanguages.Contains(language) || StoryIdFor(member.Id) == story.Id) continue;
            var rest = Profile.Sum(staying.Where(m => m.Id != member.Id).Select(m => m.Profile!), _options, _spaces);
            var score = Similarity(own, rest);
            var threshold = AssignThresholdOf(own);
            StoryState? to;
            Func<long[]> title = () => StoryState.TitleTermIdsOf(member.Title, language, _options);
            var restAlone = staying.Count == 2 ? staying.Find(m => m.Id != member.Id) : default;
            Func<long[]>? restTitle = staying.Count == 2 ? () => StoryState.TitleTermIdsOf(restAlone.Title, language, _options) : null;
            if (score < _options.ReplaceShare * threshold * ShortSideFactor(own, title, rest, staying.Count == 2, restTitle)) to = BestCandidate(own, story, threshold, placing: true, join: true, title: title);
            else if (_options.ReplaceMargin > 0 && BestCandidate(own, story, Math.Max(threshold, score + _options.ReplaceMargin), placing: true) is { } better) to = better;
            else continue;
            // A story that forgot its members' profiles cannot be rebuilt with one more: the article goes alone instead.
            if (to is not null && (to.Size >= _options.SplitMaxSize || to.Members.Any(m => m.Profile is null))) to = null;
            staying.RemoveAll(m => m.Id == member.Id);
            if (!_options.ReplaceInTurn)
            {
                leaving.Add((member, to));
                continue;
            }
            // In turn: the story is rebuilt and the article placed at once, so an article leaving later can meet it.
            Rebuild(story, staying);
            Leave(story, member, to);
        }
        if (leaving.Count == 0) return;
        Rebuild(story, staying);
        foreach (var (member, to) in leaving) Leave(story, member, to);
    }

    /// <summary>Gives a story its members after a re-placement (those left to it, or one more), rebuilding its profile and index entries.</summary>
    private void Rebuild(StoryState story, IEnumerable<Member> members)
    {
        story.Reset(members, _options, _spaces);
        story.ExaminedSize = story.Size;
        Changed(story);
        Post(story, story.Profile);
    }

    /// <summary>Moves an article that left <paramref name="story"/> at a re-placement to <paramref name="to"/>, or alone to a new story.</summary>
    private void Leave(StoryState story, Member member, StoryState? to)
    {
        var target = to is null ? null : Resolve(to);
        if (target is null || target.Retired || target.Index == story.Index)
        {
            target = OpenAgain(StoryIdFor(member.Id));
            Rebuild(target, [member]);
            if (_options.RevisitWhenRecheckDue) ScheduleRechecks(target);
        }
        else Rebuild(target, target.Members.Append(member));
        Move(member.Id, target);
    }

    /// <summary>
    /// Opens a story for articles that leave another (a split, a re-placement). The id may be that of a story absorbed earlier and
    /// now leaving again: it is a story once more, not a redirect.
    /// </summary>
    private StoryState OpenAgain(string id)
    {
        var story = Open(id);
        _redirects.Remove(story.Id);
        if (_store is not null) _redirectLog.Add(new RedirectChange(story.Id, null));
        return story;
    }

    /// <summary>
    /// The stories of several articles whose re-check came due since the last settle (<see cref="_recheckedSinceSettle"/>) and that
    /// the settle does not divide with their neighbours anyway (not in <paramref name="changed"/>), each once, by index. Their
    /// articles were placed, and a split may have divided them, on the word statistics of an earlier batch; the re-check delays
    /// say when those have matured enough to look again.
    /// </summary>
    private List<StoryState> RecheckedUnchanged(List<StoryState> changed)
    {
        if (_recheckedSinceSettle.Count == 0) return [];
        // A set: in one batch (a rebuild) nearly every story changed and many came through a re-check.
        var divided = changed.ToHashSet();
        return _recheckedSinceSettle.Select(StoryAt).Select(Resolve).Where(story => !story.Retired && !divided.Contains(story))
            .Distinct().OrderBy(story => story.Index).ToList();
    }

    /// <summary>
    /// The stories with a re-check pending, each once, in an order that does not depend on how the articles arrived: earliest
    /// publication first (undated last), then by the smallest article id. Queue order is the order the stories were opened,
    /// which differs with where a stream's batches end and in what order its articles come; the re-checks of one settle
    /// change each other's outcome (a single article joined to a story changes what the next one compares with), so in
    /// queue order two streams of the same articles ended with look-alike stories divided differently. Re-checks not yet
    /// due stay queued: in a stream of small ingests, a story settled at the end of its batch is still compared again once
    /// more articles (and better word statistics) have arrived; such a re-check runs now only for a story the batch changed
    /// or a candidate of one (<see cref="NearChangedStories"/>), since any other was re-checked at an earlier settle
    /// against the same neighbours.
    /// </summary>
    private List<StoryState> PendingRechecksInSettleOrder()
    {
        var seen = new HashSet<int>();
        var pending = new List<StoryState>();
        // Looked up only when a re-check not yet due belongs to a story the batch did not change: in one batch (a
        // reprocess, a first ingest) every story changed and the candidate lookups would all be wasted.
        HashSet<int>? near = null;
        for (var q = 0; q < _rechecks.Length; q++)
        {
            var queue = _rechecks[q];
            var later = new List<(long Arrival, int Story)>();
            while (queue.TryDequeue(out var due))
            {
                if (due.Arrival > _arrivals)
                {
                    later.Add(due);
                    if (!ChangedSinceSettle(due.Story) && !NameJoinCameDue(due.Arrival - _options.RecheckDelays[q])
                        && !(near ??= NearChangedStories()).Contains(due.Story)) continue;
                }
                if (seen.Add(due.Story)) pending.Add(StoryAt(due.Story));
            }
            foreach (var due in later) queue.Enqueue(due);
        }
        return pending.Where(story => !story.Absorbed && !story.Retired)
            .OrderBy(story => story.Profile.First?.UtcTicks ?? long.MaxValue)
            .ThenBy(story => story.Members.Min(member => member.Id), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The stories changed since the last settle and the candidates of each (the stories it could now merge with, in
    /// either direction): the only ones whose pending re-check can answer otherwise than at the last settle.
    /// </summary>
    private HashSet<int> NearChangedStories()
    {
        var near = new HashSet<int>();
        foreach (var story in _changed.Where(s => !s.Absorbed && !s.Retired).OrderBy(s => s.Index).ToList())
        {
            near.Add(story.Index);
            foreach (var candidate in Candidates(story.Profile, story)) near.Add(candidate.Index);
        }
        return near;
    }

    /// <summary>
    /// Whether a story whose first article arrived at <paramref name="arrival"/> has waited out the first re-check delay since (or
    /// need not wait: <see cref="ClusteringOptions.NameJoinWaitsForFirstRecheck"/> off).
    /// </summary>
    private bool NameJoinDue(long arrival) =>
        !_options.NameJoinWaitsForFirstRecheck || _options.RecheckDelays.Count == 0 || arrival + _options.RecheckDelays[0] <= _arrivals;

    /// <summary>Whether the story is old enough for a join on a shared name (<see cref="NameJoinDue"/> from its earliest article).</summary>
    private bool OldEnoughToJoinOnName(StoryState story) => NameJoinDue(story.Members.Min(member => member.Arrival));

    /// <summary>
    /// Whether the name join of a lone article opened at arrival <paramref name="opened"/> stopped waiting since the last settle: a
    /// settle that made it wait saw it then, and this one must look at it again even when nothing near it changed.
    /// </summary>
    private bool NameJoinCameDue(long opened) =>
        _options.NameJoinWaitsForFirstRecheck && _options.RecheckDelays.Count > 0
        && opened + _options.RecheckDelays[0] > _settledArrivals && NameJoinDue(opened);

    /// <summary>Whether the story was changed since the last settle (a story not read so far cannot have been).</summary>
    private bool ChangedSinceSettle(int index) => _stories.TryGetValue(index, out var story) && _changed.Contains(story);

    /// <summary>
    /// Two look-alike events (two quakes on one island, two arrests at one club) can meet through one early,
    /// thin article and then grow as one story, since every later article of either event matches the
    /// blended profile. So when the input ends, a story is re-examined from its articles' own profiles: the
    /// best two-way partition of their similarity graph (normalised cut), and when both sides link mostly
    /// inside themselves, the side without the story's first article leaves as a story of its own.
    /// Cost is bounded: stories of at most <see cref="ClusteringOptions.SplitMaxSize"/> articles, each
    /// examined again only after it grew.
    /// </summary>
    private void TrySplit(StoryState story)
    {
        var members = story.Members;
        var n = members.Count;
        if (n < _options.SplitMinSize || n > _options.SplitMaxSize || n == story.ExaminedSize || members.Any(m => m.Profile is null)) return;
        story.ExaminedSize = n;
        Changed(story);
        if (Partition(members, SimilarityMatrix(members)) is not var (first, second, _)) return;
        // The group holding the story's first article keeps the story (and its id).
        var (keep, leave) = first.Contains(0) ? (first, second) : (second, first);
        var leaving = leave.Select(i => members[i]).ToList();
        var kept = keep.Select(i => members[i]).ToList();
        var other = OpenAgain(StoryIdFor(leaving.OrderBy(m => m.Arrival).First().Id));
        Redistribute(story, kept, other, leaving);
        // The split was decided on the word statistics of this batch: the re-checks look at the part that left again once more
        // articles have arrived (ClusteringOptions.RevisitWhenRecheckDue), as they do for a story opened by an article.
        if (_options.RevisitWhenRecheckDue) ScheduleRechecks(other);
    }

    /// <summary>
    /// The split criterion: the best two-way partition of the members' similarity graph (normalised cut), when both
    /// sides are large enough and link mostly inside themselves (or name participants of their own); null when the
    /// members read as one story.
    /// </summary>
    private (List<int> First, List<int> Second, double Cut)? Partition(IReadOnlyList<Member> members, double[,] sim)
    {
        var (first, second, normalisedCut) = Bipartition(sim);
        if (first.Count < _options.SplitMinPart || second.Count < _options.SplitMinPart) return null;
        var distinctParticipants = normalisedCut < _options.SplitMaxCutDistinctParticipants
            && HasOwnParticipant(members, first, second) && HasOwnParticipant(members, second, first);
        if (normalisedCut >= _options.SplitMaxCut && !distinctParticipants) return null;
        return (first, second, normalisedCut);
    }

    /// <summary>The similarity of every two members as the clusterer scores them now.</summary>
    private double[,] SimilarityMatrix(IReadOnlyList<Member> members)
    {
        var n = members.Count;
        var sim = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++) sim[i, j] = sim[j, i] = Similarity(members[i].Profile!, members[j].Profile!, placing: false);
        }
        return sim;
    }

    /// <summary>Gives each of two stories its members (a split, or a repartition of two), rebuilding both profiles and the index entries.</summary>
    private void Redistribute(StoryState story, List<Member> storyMembers, StoryState other, List<Member> otherMembers)
    {
        other.Reset(otherMembers, _options, _spaces);
        story.Reset(storyMembers, _options, _spaces);
        other.ExaminedSize = other.Size;
        story.ExaminedSize = story.Size;
        Changed(other);
        Changed(story);
        foreach (var member in otherMembers) Move(member.Id, other);
        foreach (var member in storyMembers) Move(member.Id, story);
        Post(other, other.Profile);
        Post(story, story.Profile);
    }

    /// <summary>
    /// A story that changed is looked at together with each of its nearest neighbours in turn (until one division moves
    /// articles), by the split criterion over both stories' articles at once: where it divides them better (a lower
    /// normalised cut) than they are divided now, the articles are moved to the side they belong to. Stories built in pieces (a stream of small ingests) meet here what one
    /// pass over all the articles would have seen: an article that joined one of two look-alike stories before
    /// the other had formed, or before a split separated them, goes back to the one it reads as.
    /// </summary>
    private void RepartitionWithNeighbour(StoryState story)
    {
        if (story.Members.Any(m => m.Profile is null)) return;
        foreach (var neighbour in Neighbours(story, _options.SettleNameThreshold, _options.RepartitionNeighbours))
        {
            if (Repartition(story, neighbour)) return;
        }
    }

    /// <summary>The stories most similar to <paramref name="story"/> at or above <paramref name="threshold"/>, most similar first (ties: the older).</summary>
    private List<StoryState> Neighbours(StoryState story, double threshold, int count)
    {
        var candidates = Candidates(story.Profile, story);
        for (var c = 0; c < Channels; c++) _spaces[c].Prefetch(candidates.SelectMany(candidate => candidate.Profile.Vectors[c].Keys));
        return candidates.Select(candidate => (Story: candidate, Score: Similarity(story.Profile, candidate.Profile)))
            .Where(x => x.Score >= threshold)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Story.Index)
            .Take(count).Select(x => x.Story).ToList();
    }

    /// <summary>Divides the articles of two stories by the split criterion; whether any article moved.</summary>
    private bool Repartition(StoryState story, StoryState neighbour)
    {
        // Two stories formed within this batch were placed as one pass over them all would place them: nothing to revisit.
        if (!story.SettledBefore && !neighbour.SettledBefore) return false;
        var members = story.Members.Concat(neighbour.Members).OrderBy(m => m.Arrival).ToList();
        if (members.Count < _options.SplitMinSize || members.Count > _options.SplitMaxSize || members.Any(m => m.Profile is null)) return false;
        var sim = SimilarityMatrix(members);
        if (Partition(members, sim) is not var (first, second, normalisedCut)) return false;
        var mine = story.Members.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        // Only a division that separates the articles better than the one in place moves any.
        if (normalisedCut >= NormalisedCut(sim, Degrees(sim), i => mine.Contains(members[i].Id))) return false;
        // The side holding more of the story's articles stays the story; the other becomes the neighbour.
        var inFirst = first.Count(i => mine.Contains(members[i].Id));
        var inSecond = second.Count(i => mine.Contains(members[i].Id));
        var (ours, theirs) = inFirst > inSecond || (inFirst == inSecond && first.Any(i => members[i].Id == story.Members[0].Id)) ? (first, second) : (second, first);
        Redistribute(story, ours.Select(i => members[i]).ToList(), neighbour, theirs.Select(i => members[i]).ToList());
        return true;
    }

    /// <summary>
    /// Whether one of the group's most widespread two-word names (a participant: person, place or
    /// organisation), carried by at least half of its articles, appears in none of the other group's:
    /// look-alike events differ in who and where, while two halves of one event name the same ones.
    /// </summary>
    private bool HasOwnParticipant(IReadOnlyList<Member> members, List<int> group, List<int> other)
    {
        var space = _spaces[EntityChannel];
        var elsewhere = new HashSet<long>();
        foreach (var i in other) elsewhere.UnionWith(members[i].Profile!.Vectors[EntityChannel].Keys);
        var articles = new Dictionary<long, int>();
        foreach (var i in group)
        {
            foreach (var id in members[i].Profile!.Vectors[EntityChannel].Keys)
            {
                if (space.IsCompound(id)) articles[id] = articles.GetValueOrDefault(id) + 1;
            }
        }
        var needed = Math.Max(2, group.Count * _options.SplitParticipantShare);
        return articles.OrderByDescending(p => p.Value).ThenBy(p => space.Order(p.Key)).Take(_options.SplitSalientNames)
            .Any(p => p.Value >= needed && !elsewhere.Contains(p.Key));
    }

    /// <summary>
    /// Spectral bipartition (normalised cut): the sign of the second eigenvector of the normalised
    /// similarity matrix, cut at the best sweep point. Power iteration from a fixed start, so deterministic.
    /// </summary>
    private static (List<int> First, List<int> Second, double Cut) Bipartition(double[,] sim)
    {
        var n = sim.GetLength(0);
        var degree = Degrees(sim);
        var top = new double[n];
        double topNorm = 0;
        for (var i = 0; i < n; i++) topNorm += degree[i];
        for (var i = 0; i < n; i++) top[i] = Math.Sqrt(degree[i] / topNorm);
        var v = new double[n];
        for (var i = 0; i < n; i++) v[i] = (i % 3) - 1 + 0.1 * i / n;
        var w = new double[n];
        for (var iteration = 0; iteration < 200; iteration++)
        {
            double dot = 0;
            for (var i = 0; i < n; i++) dot += v[i] * top[i];
            for (var i = 0; i < n; i++) v[i] -= dot * top[i];
            double norm = 0;
            for (var i = 0; i < n; i++)
            {
                // (I + D^-1/2 S D^-1/2) v: shifted so the wanted eigenvalue is the largest after deflation.
                var sum = v[i];
                for (var j = 0; j < n; j++) if (j != i) sum += sim[i, j] / Math.Sqrt(degree[i] * degree[j]) * v[j];
                w[i] = sum;
                norm += sum * sum;
            }
            norm = Math.Sqrt(norm);
            if (norm == 0) break;
            for (var i = 0; i < n; i++) v[i] = w[i] / norm;
        }
        var order = Enumerable.Range(0, n).OrderBy(i => v[i] / Math.Sqrt(degree[i])).ThenBy(i => i).ToArray();
        var rank = new int[n];
        for (var x = 0; x < n; x++) rank[order[x]] = x;
        var bestCut = double.PositiveInfinity;
        var bestK = 1;
        for (var k = 1; k < n; k++)
        {
            var normalisedCut = NormalisedCut(sim, degree, i => rank[i] < k);
            if (normalisedCut < bestCut)
            {
                bestCut = normalisedCut;
                bestK = k;
            }
        }
        var first = order[..bestK].Order().ToList();
        var second = order[bestK..].Order().ToList();
        return (first, second, bestCut);
    }

    /// <summary>Each node's total similarity to the others (never zero, so a cut can be normalised by it).</summary>
    private static double[] Degrees(double[,] sim)
    {
        var n = sim.GetLength(0);
        var degree = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) if (j != i) degree[i] += sim[i, j];
            degree[i] = Math.Max(degree[i], 1e-9);
        }
        return degree;
    }

    /// <summary>The normalised cut of dividing the graph into the nodes <paramref name="inFirst"/> holds and the rest.</summary>
    private static double NormalisedCut(double[,] sim, double[] degree, Func<int, bool> inFirst)
    {
        var n = sim.GetLength(0);
        double cut = 0, volumeA = 0, volumeB = 0;
        for (var x = 0; x < n; x++)
        {
            if (!inFirst(x))
            {
                volumeB += degree[x];
                continue;
            }
            volumeA += degree[x];
            for (var y = 0; y < n; y++) if (!inFirst(y)) cut += sim[x, y];
        }
        return cut / volumeA + cut / volumeB;
    }

    private void RunDueRechecks()
    {
        foreach (var queue in _rechecks)
        {
            while (queue.TryPeek(out var due) && due.Arrival <= _arrivals)
            {
                queue.Dequeue();
                var story = StoryAt(due.Story);
                if (story.Absorbed || story.Retired) continue;
                var survivor = story.Size == 1 ? MergeNeighbours(story, AssignThresholdOf(story.Profile), join: true) : MergeNeighbours(story, _options.MergeThreshold);
                // No merge: the next settle divides it afresh with its neighbours (ClusteringOptions.RevisitWhenRecheckDue).
                if (_options.RevisitWhenRecheckDue && survivor == story && story.Size > 1) _recheckedSinceSettle.Add(story.Index);
            }
        }
    }

    /// <summary>
    /// At the end of input, an article still alone joins its most similar story when the similarity reaches
    /// the assign threshold, or the lower <see cref="ClusteringOptions.SettleNameThreshold"/> when the two
    /// share a two-word name (a person's first and last name, a multi-word place) that the documents tagging it did not
    /// mostly take for an organisation (<see cref="ClusteringOptions.SettleNameTypes"/>; title-case topic phrases of guides
    /// and listings are tagged so): a short or differently angled report of the same named participants, which thin
    /// wording alone would leave apart. The name join waits while both the article and that story are younger than the first
    /// re-check delay (<see cref="ClusteringOptions.NameJoinWaitsForFirstRecheck"/>).
    /// </summary>
    private void JoinBestSharingName(StoryState story)
    {
        if (BestCandidate(story.Profile, exclude: story, _options.SettleNameThreshold) is not { } best) return;
        if (Similarity(story.Profile, best.Profile) >= AssignThresholdOf(story.Profile) * ShortSideFactor(story.Profile, () => story.TitleTermIds(_options), best.Profile, best.Size == 1 ? best : null)) Merge(story, best);
        // Both young: the join waits (ClusteringOptions.NameJoinWaitsForFirstRecheck); a later settle takes it up (NameJoinCameDue).
        else if (NameJoinAllowed(story.Profile, best.Profile) && SharesTwoWordName(story.Profile, best.Profile) && (OldEnoughToJoinOnName(story) || OldEnoughToJoinOnName(best))) Merge(story, best);
    }

    /// <summary>Whether <see cref="ClusteringOptions.AnalysedNameJoin"/> lets the lone article <paramref name="lone"/> join <paramref name="story"/> on a shared name.</summary>
    private bool NameJoinAllowed(Profile lone, Profile story) => _options.AnalysedNameJoin switch
    {
        AnalysedNameJoin.Never => !(lone.Languages is [var language] && _options.AnalysedLanguages.Contains(language)),
        AnalysedNameJoin.NotWithinOneLanguage => !OneAnalysedLanguage(lone, story),
        _ => true,
    };

    private bool SharesTwoWordName(Profile a, Profile b)
    {
        var space = _spaces[EntityChannel];
        foreach (var id in a.Vectors[EntityChannel].Keys)
        {
            if (space.IsCompound(id) && b.Vectors[EntityChannel].ContainsKey(id) && space.MostlyNamed(id, _options.SettleNameTypes)) return true;
        }
        return false;
    }

    /// <param name="story">The story asking.</param>
    /// <param name="threshold">The least score taken.</param>
    /// <param name="join">Whether <paramref name="threshold"/> is a lone article's join threshold (lowered for a short side).</param>
    private StoryState MergeNeighbours(StoryState story, double threshold, bool join = false)
    {
        var (other, score, byClosestMember) = BestScored(story.Profile, exclude: story, threshold, join: join, title: join ? () => story.TitleTermIds(_options) : null);
        return other is null ? story : Merge(story, other, (score, byClosestMember));
    }

    /// <param name="story">The story asking.</param>
    /// <param name="other">The story it merges with.</param>
    /// <param name="decided">The score the merge was decided by, for <see cref="JoinObserver"/> (null: the two profiles' similarity).</param>
    private StoryState Merge(StoryState story, StoryState other, (double Score, bool ByClosestMember)? decided = null)
    {
        // One story reached two ways (e.g. through a redirect) is no merge.
        if (story.Index == other.Index) return story;
        var (survivor, absorbed) = other.Index < story.Index ? (other, story) : (story, other);
        if (JoinObserver is not null)
        {
            var (score, byClosestMember) = decided ?? (Similarity(story.Profile, other.Profile), false);
            ObserveJoin(_joinKind, story, other.Members.Select(m => m.Id), score, byClosestMember);
        }
        survivor.Absorb(absorbed, _options, _spaces);
        absorbed.AbsorbedBy = survivor.Index;
        _liveStories--;
        Changed(survivor);
        Changed(absorbed);
        // Only the survivor is read from now on; what the absorbed one holds would otherwise live forever.
        absorbed.Release();
        _active.Remove(absorbed);
        Redirect(absorbed.Id, survivor.Id);
        Post(survivor, survivor.Profile);
        return survivor;
    }

    /// <summary>Redirects <paramref name="from"/> to <paramref name="to"/>, and every id redirected to <paramref name="from"/> with it, so each redirect stays one hop.</summary>
    private void Redirect(string from, string to)
    {
        // Two stories that carry one id (one split off under the id of a story it once absorbed) need no redirect between them: it would loop.
        if (from == to) return;
        _redirects[from] = to;
        if (_store is not null) _redirectLog.Add(new RedirectChange(from, to));
        if (!_redirectedInto.TryGetValue(to, out var into)) _redirectedInto[to] = into = [];
        into.Add(from);
        if (!_redirectedInto.Remove(from, out var earlier)) return;
        foreach (var id in earlier)
        {
            if (!_redirects.TryGetValue(id, out var target) || target != from) continue;
            _redirects[id] = to;
            into.Add(id);
        }
    }

    /// <summary>
    /// Weighted average of the channel cosines. A channel empty on either side is dropped and the rest
    /// re-normalised, but only up to <see cref="ClusteringOptions.MaxDroppedWeight"/>, so a bare document
    /// cannot join on terms alone too easily. Scaled down by time distance, and by
    /// <see cref="ClusteringOptions.SpecificsConflictFactor"/> when both sides state several figures and
    /// dates but (nearly) none of the same: look-alike events differ in when and how many. Scaled by
    /// <see cref="ClusteringOptions.NamesDisagreeFactor"/> when both name many entities but (nearly) none of the same:
    /// pages sharing a topic, not an event.
    /// </summary>
    internal double Similarity(Profile a, Profile b) => Similarity(a, b, placing: true);

    /// <summary><see cref="Similarity(Profile, Profile)"/> with each channel's cosine as weighed (for <see cref="StoryPairScores"/>).</summary>
    internal PairComparison ScoreChannels(Profile a, Profile b)
    {
        var channels = new double[Channels];
        var score = Similarity(a, b, placing: true, channels);
        return new PairComparison(score, channels[0], channels[EntityChannel], channels[SpecificsChannel]);
    }

    /// <param name="a">One side.</param>
    /// <param name="b">The other side.</param>
    /// <param name="placing">
    /// Whether the score decides a placement (an article or story joining another). The split's graph of article against
    /// article passes false: two reports of one event often name different people of it, and the
    /// <see cref="ClusteringOptions.NamesDisagreeFactor"/> meant for topic look-alikes would cut them apart.
    /// </param>
    /// <param name="channels">When given (three entries), receives each channel's cosine as the score weighs it (after the cross-language lifts), NaN where the channel was dropped.</param>
    private double Similarity(Profile a, Profile b, bool placing, double[]? channels = null)
    {
        if (channels is not null) Array.Fill(channels, double.NaN);
        double total = 0, weightUsed = 0, weightAll = 0, conflict = 1;
        var crossLanguage = a.OtherLanguageThan(b);
        var weights = _options.AnalysedSameLanguageWeights is { } analysed && OneAnalysedLanguage(a, b)
            ? analysed
            : new ChannelWeights(_options.TermWeight, _options.EntityWeight, _options.SpecificsWeight);
        for (var c = 0; c < Channels; c++)
        {
            var weight = weights.Of(c);
            weightAll += weight;
            if (a.Vectors[c].Count == 0 || b.Vectors[c].Count == 0) continue;
            // Sound keys that do not count for this pair leave a side's names empty if they are all it has (a Chinese article with no Latin name).
            var uncountedKeys = SoundKeysUncounted(a, b, c, crossLanguage);
            if (uncountedKeys && (OnlySoundKeys(a.Vectors[c]) || OnlySoundKeys(b.Vectors[c]))) continue;
            weightUsed += weight;
            var cosine = Cosine(a, b, c, crossLanguage, out var shared);
            if (crossLanguage && c < SpecificsChannel)
            {
                cosine = Math.Min(1, cosine * (c == 0 ? _options.CrossLanguageTermScale : _options.CrossLanguageEntityScale));
                // One shared name word (a place, an acronym) is thin evidence of one event, and across languages it is lifted.
                if (c == EntityChannel && shared < _options.CrossLanguageSharedNames) cosine *= (double)shared / _options.CrossLanguageSharedNames;
            }
            total += weight * cosine;
            if (channels is not null) channels[c] = cosine;
            if (placing && c == EntityChannel && cosine < _options.NamesAgreeCosine
                && NamesCounted(a.Vectors[c], uncountedKeys) >= _options.NamesDisagreeMinimum && NamesCounted(b.Vectors[c], uncountedKeys) >= _options.NamesDisagreeMinimum)
            {
                conflict *= _options.NamesDisagreeFactor;
            }
            if (c == SpecificsChannel && cosine < _options.SpecificsConflictCosine
                && a.Vectors[c].Count >= _options.SpecificsConflictMinimum && b.Vectors[c].Count >= _options.SpecificsConflictMinimum)
            {
                conflict *= _options.SpecificsConflictFactor;
            }
        }
        if (weightUsed == 0) return 0;
        var scripts = crossLanguage && a.WritesHan != b.WritesHan ? _options.CrossHanScale : 1;
        return scripts * conflict * total / Math.Max(weightUsed, weightAll * (1 - _options.MaxDroppedWeight)) * TimeFactor(a, b);
    }

    /// <summary>Whether both sides are written in one and the same analysed language (<see cref="ClusteringOptions.AnalysedLanguages"/>), each all in it.</summary>
    private bool OneAnalysedLanguage(Profile a, Profile b) =>
        a.Languages is [var language] && b.Languages is [var other] && language == other && _options.AnalysedLanguages.Contains(language);

    /// <summary>
    /// Whether the channel may hold Han name sound keys (<see cref="ClusteringOptions.HanNameKeys"/>) that do not count for this
    /// pair: they stand for a spelling the other side cannot share in its own script, so they count only between a side writing
    /// Chinese and one in another language without it. With the keys off, false before any side's languages are looked at.
    /// </summary>
    private bool SoundKeysUncounted(Profile a, Profile b, int channel, bool crossLanguage) =>
        channel == EntityChannel && HanNameKeys.AreMade(_options) && !(crossLanguage && a.WritesHan != b.WritesHan);

    private static bool OnlySoundKeys(Dictionary<long, double> names)
    {
        foreach (var id in names.Keys)
        {
            if (!HanNameKeys.IsKeyFeature(id)) return false;
        }
        return true;
    }

    /// <summary>How many entity features a side has for <see cref="ClusteringOptions.NamesDisagreeMinimum"/>: without the sound keys when they do not count.</summary>
    private static int NamesCounted(Dictionary<long, double> names, bool withoutSoundKeys) =>
        withoutSoundKeys ? names.Keys.Count(id => !HanNameKeys.IsKeyFeature(id)) : names.Count;

    /// <param name="a">One side.</param>
    /// <param name="b">The other side.</param>
    /// <param name="channel">The channel compared.</param>
    /// <param name="crossLanguage">Whether the two sides are in different languages; within one, a country's language-neutral key (<see cref="CountryNames"/>) does not count, since the country's own name is shared there.</param>
    /// <param name="shared">How many features the two sides share in the channel.</param>
    private double Cosine(Profile a, Profile b, int channel, bool crossLanguage, out int shared)
    {
        shared = 0;
        var space = _spaces[channel];
        var uncountedSoundKeys = SoundKeysUncounted(a, b, channel, crossLanguage);
        var (small, large) = a.Vectors[channel].Count <= b.Vectors[channel].Count ? (a, b) : (b, a);
        var largeVector = large.Vectors[channel];
        double dot = 0;
        foreach (var (id, weight) in small.Vectors[channel])
        {
            if (!largeVector.TryGetValue(id, out var other)) continue;
            // Asked only when keys are made (ClusteringOptions.CountryKeys): with them off, no lookup per shared feature here
            // and no reading of the country list at the first comparison. Within one language the country's own name is shared
            // already; across languages its key is evidence, and a shared name towards ClusteringOptions.CrossLanguageSharedNames.
            if (!crossLanguage && channel == EntityChannel && _options.CountryKeys && CountryNames.IsKeyFeature(id)) continue;
            if (uncountedSoundKeys && HanNameKeys.IsKeyFeature(id)) continue;
            shared++;
            var idf = space.Idf(id, _documents);
            dot += weight * other * idf * idf;
        }
        if (dot <= 0) return 0;
        var refreshed = _store is null ? null : _refreshedNorms;
        if (channel != EntityChannel || !_options.CountryKeys) return dot / (a.Norm(channel, space, _documents, refreshed) * b.Norm(channel, space, _documents, refreshed));
        if (_options.HanNameKeys)
        {
            // Country keys are looked for whether made or not (a profile without them has none to find).
            return dot / (a.EntityNorm(space, _documents, refreshed, soundKeys: true, withoutCountryKeys: !crossLanguage, uncountedSoundKeys)
                * b.EntityNorm(space, _documents, refreshed, soundKeys: true, withoutCountryKeys: !crossLanguage, uncountedSoundKeys));
        }
        // Within one language the keys were not compared above, so they leave the norms too (else every entity cosine of an article naming a country falls).
        return crossLanguage
            ? dot / (a.Norm(channel, space, _documents, refreshed, countryKeys: true) * b.Norm(channel, space, _documents, refreshed, countryKeys: true))
            : dot / (a.NormWithoutCountryKeys(space, _documents, refreshed) * b.NormWithoutCountryKeys(space, _documents, refreshed));
    }

    private double TimeFactor(Profile a, Profile b)
    {
        var gap = GapDays(a, b);
        if (gap is not { } days || days <= _options.TimeGraceDays) return 1;
        return Math.Exp(-(days - _options.TimeGraceDays) / _options.TimeDecayDays);
    }

    private static double? GapDays(Profile a, Profile b)
    {
        if (a.First is not { } aFirst || a.Last is not { } aLast || b.First is not { } bFirst || b.Last is not { } bLast) return null;
        if (aLast < bFirst) return (bFirst - aLast).TotalDays;
        if (bLast < aFirst) return (aFirst - bLast).TotalDays;
        return 0;
    }

    /// <summary>
    /// Whether a story the store left outside <paramref name="earlier"/> is outside <paramref name="now"/> too, so it need not be
    /// asked for again: the window is no wider (arrivals only grow; a dated window no earlier), and the story cannot have changed,
    /// since a story changes only once read, and a read story is known.
    /// </summary>
    private static bool StillOutside(StoryCandidateWindow earlier, StoryCandidateWindow now) =>
        now.MinLastArrival >= earlier.MinLastArrival
        && (earlier.MinLastPublishedTicks is not { } before || (now.MinLastPublishedTicks is { } after && after >= before));

    /// <summary>Whether <see cref="Load"/> would pass the story over for this window: not read, and found outside a window it is still outside of.</summary>
    private bool KnownOutside(int index, StoryCandidateWindow window) =>
        (uint)index < (uint)_outsideWindow.Length && _outsideWindow[index] is { } earlier && StillOutside(earlier, window);

    /// <summary>Notes that the store left a story outside <paramref name="window"/> (it was not read: see <see cref="KnownOutside"/>).</summary>
    private void MarkOutside(int index, StoryCandidateWindow window)
    {
        if (index >= _outsideWindow.Length) Array.Resize(ref _outsideWindow, Math.Max(index + 1, 2 * _outsideWindow.Length));
        _outsideWindow[index] = window;
    }

    /// <summary>The stored stories <see cref="IsIdle"/> could keep as candidates for <paramref name="current"/> (a day more, so rounding never drops one).</summary>
    private StoryCandidateWindow CandidateWindow(Profile current) =>
        new(_arrivals - _options.MaxIdleArrivals, current.Last is { } now ? now.UtcTicks - TimeSpan.FromDays(_options.MaxIdleDays + 1).Ticks : null);

    private bool IsIdle(StoryState story, Profile current)
    {
        if (_arrivals - story.LastArrival > _options.MaxIdleArrivals) return true;
        return current.Last is { } now && story.Profile.Last is { } last && (now - last).TotalDays > _options.MaxIdleDays;
    }

    /// <summary>
    /// Stories idle beyond the window can never be candidates again; dropping their vectors keeps
    /// memory proportional to the recent window rather than to everything ever seen.
    /// </summary>
    private void RetireIdleStories(DateTimeOffset? now)
    {
        var probe = new Profile(new Dictionary<long, double>[] { [], [], [] }, now, now, _arrivals);
        _active.RemoveAll(story =>
        {
            if (!IsIdle(story, probe)) return false;
            story.Retire();
            if (_store is not null) _unsaved.Add(story);
            return true;
        });
    }

    public bool IsCurrent() => _store is null || Equals(_store.LoadStoryStateHeader(), _savedHeader);

    public void Skip(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        if (StoryOfArticle(articleId) is not null || _storyOfArticle.ContainsKey(articleId)) return;
        _storyOfArticle[articleId] = -1;
        if (_store is not null) _unsavedArticles.Add(articleId);
    }

    /// <summary>
    /// Writes what changed since the last save: feature statistics and postings, the states of the
    /// changed stories, where new articles went, the changed stories as readers see them, and the
    /// redirects, and the re-checks not yet due, in one store transaction. Call it after <see cref="Settle"/>, which runs those that are due.
    /// </summary>
    public void Save(int? assignedFromArticles)
    {
        var store = _store ?? throw new InvalidOperationException("This clusterer keeps its state in memory only.");
        BuryDeadPostings();
        var features = new Dictionary<long, StoredFeature>();
        foreach (var space in _spaces)
        {
            foreach (var (key, feature) in space.TakeChanges()) features[key] = feature;
        }
        var unsaved = _unsaved.OrderBy(s => s.Index).ToList();
        var live = unsaved.Where(s => !s.Absorbed).ToList();
        var header = new StoryStateHeader(_documents, _arrivals, _storyCount, _liveStories, WriteRechecks());
        var windowTexts = new List<StoredWindowText>();
        var windowsFrom = new Dictionary<TextWindow, long>();
        foreach (var (window, (texts, from)) in new[] { (TextWindow.Copies, Syndication?.TakeWindowChanges()), (TextWindow.Templates, _templates?.TakeWindowChanges()) }
            .Where(w => w.Item2 is not null).Select(w => (w.Item1, w.Item2!.Value)))
        {
            windowTexts.AddRange(texts);
            if (from is { } first) windowsFrom[window] = first;
        }
        store.SaveStoryState(new StoryStateChanges
        {
            Header = header,
            Reset = _resetOnSave,
            Features = features,
            States = unsaved.Select(s => new StoredStoryState(s.Index, s.Serialize(), s.Absorbed ? null : new StoryActivity(s.Retired, s.LastArrival, s.Profile.Last?.UtcTicks))).ToList(),
            ArticleStories = _unsavedArticles.ToDictionary(id => id, id => _storyOfArticle[id], StringComparer.Ordinal),
            TemplatePages = new Dictionary<string, bool>(_unsavedTemplateMarks, StringComparer.Ordinal),
            WindowTexts = windowTexts,
            WindowsFrom = windowsFrom,
            Stories = live.Select(s => s.ToStory()).ToList(),
            StoryPositions = live.Select(s => s.Index).ToList(),
            RemovedStories = unsaved.Where(s => s.Absorbed).Select(s => s.Id).ToList(),
            Redirects = _redirectLog.ToList(),
            AssignedFromArticles = assignedFromArticles,
        });
        // The profiles just written keep their norms; the others go back to the norms the store holds for them.
        foreach (var profile in _refreshedNorms) profile.ForgetUnwrittenNorms();
        _refreshedNorms.Clear();
        _unsaved.Clear();
        _unsavedArticles.Clear();
        _unsavedTemplateMarks.Clear();
        // Not stored: a clusterer reading the state back would not have it (Save follows a settle, which empties it).
        _recheckedSinceSettle.Clear();
        _redirectLog.Clear();
        _resetOnSave = false;
        _savedHeader = header;
        if (_stories.Count > _maxCachedStories || _spaces.Sum(space => space.Cached) > (long)_maxCachedStories * CachedFeaturesPerStory) ForgetCache();
    }

    /// <summary>
    /// Before the changed features are written, replaces their postings of dead stories by runs that keep their places (see
    /// <see cref="FeatureSpace.Bury"/>): a story is dead once retired, and so is one merged into a retired one, both for good.
    /// A story read is judged by its state here (a change to a stored story is made only after reading it); one not read, or a
    /// merge link not read, by the store's retired flag, asked for all of them in one request.
    /// </summary>
    private void BuryDeadPostings()
    {
        var unread = new HashSet<int>();
        foreach (var space in _spaces)
        {
            foreach (var index in space.ChangedPostings())
            {
                if (!_stories.TryGetValue(index, out var story)) unread.Add(index);
                else if (LastRead(story).AbsorbedBy is { } link) unread.Add(link);
            }
        }
        var retired = _reading is null || unread.Count == 0 ? [] : new HashSet<int>(_reading.LoadRetiredStories(unread));
        bool Dead(int index) => _stories.TryGetValue(index, out var story)
            ? LastRead(story) is var last && (last.AbsorbedBy is { } link ? retired.Contains(link) : last.Retired)
            : retired.Contains(index);
        foreach (var space in _spaces) space.Bury(Dead, _options.PostingScanLimit);
    }

    /// <summary>Drops everything cached (all of it is stored); later placements read again what they need.</summary>
    private void ForgetCache()
    {
        // A rebuild read nothing (its cache was the whole state); from here on the store has it all.
        _reading = _store;
        for (var c = 0; c < Channels; c++) _spaces[c] = new FeatureSpace(_reading);
        _stories.Clear();
        _active.Clear();
        _changed.Clear();
        _outsideWindow = [];
        _storyOfArticle.Clear();
        _redirects.Clear();
        _redirectedInto.Clear();
    }
}

/// <summary>
/// One join reported to <see cref="StoryClusterer.JoinObserver"/>: the articles (before the join) of the story joined into, that is
/// the story a new article is placed in or the story that looked for a neighbour to merge with (at the settle often a lone article),
/// those joining it (the new article, or the neighbour's), and the score the join was decided by at that moment: the similarity
/// of the two sides' profiles, or, when a placement or a merge with the best neighbour was taken through the story's closest
/// member (<see cref="ClusteringOptions.MemberLinkWeight"/>, off by default) because that scored higher, the member link's score
/// (<paramref name="ByClosestMember"/>). A copy placement, the settle's name join and its lone joins at the threshold report the
/// profiles' similarity. Which side survives a merge is not told (the story opened first does).
/// </summary>
public sealed record StoryJoin(string Kind, IReadOnlyList<string> Into, IReadOnlyList<string> Joining, double Score, bool ByClosestMember = false)
{
    /// <summary>A new article placed in the best candidate story.</summary>
    public const string Placement = "placement";

    /// <summary>A new article placed in the story of the text it copies.</summary>
    public const string CopyPlacement = "copy placement";

    /// <summary>The story an article was just placed in merged with a neighbour.</summary>
    public const string MergeAfterPlacement = "merge after placement";

    /// <summary>A story (lone or of several) merged with a neighbour when a re-check came due during arrivals.</summary>
    public const string Recheck = "recheck";

    /// <summary>A lone article joined at the settle (at its threshold, or on a shared two-word name).</summary>
    public const string SettleLone = "settle lone";

    /// <summary>A story of several merged with a neighbour at the settle.</summary>
    public const string SettleMerge = "settle merge";
}
