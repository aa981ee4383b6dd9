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
public sealed class StoryClusterer : IStoryClusterer
{
    private const int Channels = 3;
    private const int EntityChannel = 1;
    private const int SpecificsChannel = 2;

    private readonly ClusteringOptions _options;
    private readonly FeatureSpace[] _spaces = [new(), new(), new()];
    private readonly List<StoryState> _stories = [];
    private readonly List<StoryState> _active = [];
    private readonly Dictionary<string, StoryState> _storyOfArticle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _redirects = new(StringComparer.Ordinal);

    /// <summary>
    /// For each story id, the ids redirected to it, so a merge re-points them in time proportional to
    /// their number rather than to all redirects ever made (which grow with the corpus). Entries whose
    /// redirect was since dropped or changed are stale and skipped.
    /// </summary>
    private readonly Dictionary<string, List<string>> _redirectedInto = new(StringComparer.Ordinal);
    private readonly Dictionary<int, double> _accumulator = [];
    private readonly Queue<(long Arrival, StoryState Story)>[] _rechecks;
    private long _documents;
    private long _arrivals;

    public StoryClusterer(ClusteringOptions? options = null, SyndicationDetector? syndication = null)
    {
        _options = options ?? ClusteringOptions.Default;
        _rechecks = _options.RecheckDelays.Select(_ => new Queue<(long, StoryState)>()).ToArray();
        Syndication = syndication ?? (_options.UseSyndication ? new SyndicationDetector() : null);
    }

    /// <summary>The near-duplicate detector fed with every assigned document (null when disabled).</summary>
    public SyndicationDetector? Syndication { get; }

    public IReadOnlyDictionary<string, string> Redirects => _redirects;

    public IReadOnlyList<Story> Stories =>
        _stories.Where(s => !s.Absorbed).Select(s => s.ToStory()).ToList();

    /// <summary>The current (redirect-resolved) story of an article, or null when it was never assigned.</summary>
    public string? StoryOf(string articleId) =>
        _storyOfArticle.TryGetValue(articleId, out var story) ? Resolve(story).Id : null;

    public string Assign(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (_storyOfArticle.TryGetValue(document.Id, out var known)) return Resolve(known).Id;

        _arrivals++;
        var features = DocumentFeatures.Extract(document, _options);
        var profile = Profile.FromDocument(features, _spaces, document.Article.Published?.Value, _arrivals);
        _documents++;
        for (var c = 0; c < Channels; c++)
        {
            foreach (var id in profile.Vectors[c].Keys) _spaces[c].CountDocument(id);
        }
        if (_arrivals % 1024 == 0) RetireIdleStories(profile.Last);

        StoryState? target = null;
        var copy = Syndication?.Add(document);
        if (copy is { } match && _storyOfArticle.TryGetValue(match.OriginalId, out var originalStory))
        {
            target = Resolve(originalStory);
            if (target.Retired) target = null;
        }
        target ??= BestCandidate(profile, exclude: null, AssignThresholdOf(profile));

        var isNew = target is null;
        if (target is null)
        {
            target = new StoryState(_stories.Count, StoryIdFor(document.Id));
            _stories.Add(target);
            _active.Add(target);
        }
        target.Add(document, profile, _options);
        _storyOfArticle[document.Id] = target;
        Post(target, profile);

        if (!isNew) target = MergeNeighbours(target, _options.MergeThreshold);
        else ScheduleRechecks(target);
        RunDueRechecks();
        return Resolve(target).Id;
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
        while (story.AbsorbedBy is { } next) story = next;
        return story;
    }

    private StoryState? BestCandidate(Profile profile, StoryState? exclude, double threshold)
    {
        StoryState? best = null;
        var bestScore = threshold;
        foreach (var candidate in Candidates(profile, exclude))
        {
            var score = Similarity(profile, candidate.Profile);
            // Two single articles are weaker evidence than an article against a story's accumulated profile.
            if (candidate.Size == 1 && exclude is null) score -= _options.SingleArticleMargin;
            // Ties go to the older story so the outcome never depends on dictionary order.
            if (score > bestScore || (score == bestScore && best is not null && candidate.Index < best.Index) || (best is null && score >= bestScore))
            {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private List<StoryState> Candidates(Profile profile, StoryState? exclude)
    {
        _accumulator.Clear();
        for (var c = 0; c < Channels; c++)
        {
            foreach (var (id, weight) in profile.QueryFeatures(c, _spaces[c], _documents, QueryLimit(c)))
            {
                var postings = _spaces[c].Postings(id);
                if (postings is null) continue;
                var stop = Math.Max(0, postings.Count - _options.PostingScanLimit);
                for (var i = postings.Count - 1; i >= stop; i--)
                {
                    var story = postings[i];
                    _accumulator[story] = _accumulator.GetValueOrDefault(story) + weight;
                }
            }
        }
        var candidates = new List<(StoryState Story, double Score)>(_accumulator.Count);
        foreach (var (index, score) in _accumulator)
        {
            var story = Resolve(_stories[index]);
            if (story == exclude || story.Retired || IsIdle(story, profile)) continue;
            candidates.Add((story, score));
        }
        candidates.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Story.Index.CompareTo(b.Story.Index));
        var result = new List<StoryState>(Math.Min(candidates.Count, _options.MaxCandidates));
        foreach (var (story, _) in candidates)
        {
            if (result.Contains(story)) continue;
            result.Add(story);
            if (result.Count == _options.MaxCandidates) break;
        }
        return result;
    }

    private int QueryLimit(int channel) => channel switch
    {
        0 => _options.IndexTermsPerDocument,
        1 => _options.IndexEntitiesPerDocument,
        _ => _options.IndexSpecificsPerDocument,
    };

    private void Post(StoryState story, Profile profile)
    {
        for (var c = 0; c < Channels; c++)
        {
            foreach (var (id, _) in profile.QueryFeatures(c, _spaces[c], _documents, QueryLimit(c)))
            {
                _spaces[c].Post(id, story.Index, _options.PostingScanLimit);
            }
        }
    }

    /// <summary>
    /// A story opened while the index was young (or before its look-alikes arrived) is compared again
    /// a few times later, when document frequencies have matured; this is how early singletons find
    /// their story without every story being compared with every other.
    /// </summary>
    private void ScheduleRechecks(StoryState story)
    {
        for (var i = 0; i < _rechecks.Length; i++) _rechecks[i].Enqueue((_arrivals + _options.RecheckDelays[i], story));
    }

    /// <summary>
    /// Runs every pending re-check now, once per story (its earliest): when the input ends, the
    /// further arrivals a re-check waits for will not come, and a story opened by an article that
    /// arrived before its better-connected neighbours would otherwise stay apart. An article still alone may
    /// then join on a shared two-word name, and stories that grew from two look-alike events are split.
    /// Re-checks not yet due stay queued for when their arrivals come: input that goes on after a settle (the
    /// next ingest of a stream) still gets them.
    /// </summary>
    public void Settle()
    {
        var seen = new HashSet<StoryState>();
        foreach (var queue in _rechecks)
        {
            var later = new List<(long Arrival, StoryState Story)>();
            while (queue.TryDequeue(out var due))
            {
                var story = due.Story;
                // A re-check not yet due stays queued: in a stream of small ingests, a story settled at the end of its
                // batch is still compared again once more articles (and better word statistics) have arrived.
                if (due.Arrival > _arrivals) later.Add(due);
                if (!seen.Add(story) || story.Absorbed || story.Retired) continue;
                if (story.Size == 1) JoinBestSharingName(story);
                else MergeNeighbours(story, _options.MergeThreshold);
            }
            foreach (var due in later) queue.Enqueue(due);
        }
        if (_options.SplitMinSize > 0)
        {
            foreach (var story in _active.ToList())
            {
                if (!story.Absorbed && !story.Retired) TrySplit(story);
            }
        }
    }

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
        var sim = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++) sim[i, j] = sim[j, i] = Similarity(members[i].Profile!, members[j].Profile!);
        }
        var (first, second, normalisedCut) = Bipartition(sim);
        if (first.Count < _options.SplitMinPart || second.Count < _options.SplitMinPart) return;
        var distinctParticipants = normalisedCut < _options.SplitMaxCutDistinctParticipants
            && HasOwnParticipant(members, first, second) && HasOwnParticipant(members, second, first);
        if (normalisedCut >= _options.SplitMaxCut && !distinctParticipants) return;
        // The group holding the story's first article keeps the story (and its id).
        var (keep, leave) = first.Contains(0) ? (first, second) : (second, first);
        var leaving = leave.Select(i => members[i]).ToList();
        var kept = keep.Select(i => members[i]).ToList();
        var other = new StoryState(_stories.Count, StoryIdFor(leaving.OrderBy(m => m.Arrival).First().Id));
        // The id may be that of a story absorbed earlier and now leaving again: it is a story once more, not a redirect.
        _redirects.Remove(other.Id);
        _stories.Add(other);
        _active.Add(other);
        other.Reset(leaving, _options);
        story.Reset(kept, _options);
        other.ExaminedSize = other.Size;
        story.ExaminedSize = story.Size;
        foreach (var member in leaving) _storyOfArticle[member.Id] = other;
        Post(other, other.Profile);
    }

    /// <summary>
    /// Whether one of the group's most widespread two-word names (a participant: person, place or
    /// organisation), carried by at least half of its articles, appears in none of the other group's:
    /// look-alike events differ in who and where, while two halves of one event name the same ones.
    /// </summary>
    private bool HasOwnParticipant(IReadOnlyList<Member> members, List<int> group, List<int> other)
    {
        var space = _spaces[EntityChannel];
        var elsewhere = new HashSet<int>();
        foreach (var i in other) elsewhere.UnionWith(members[i].Profile!.Vectors[EntityChannel].Keys);
        var articles = new Dictionary<int, int>();
        foreach (var i in group)
        {
            foreach (var id in members[i].Profile!.Vectors[EntityChannel].Keys)
            {
                if (space.IsCompound(id)) articles[id] = articles.GetValueOrDefault(id) + 1;
            }
        }
        var needed = Math.Max(2, group.Count * _options.SplitParticipantShare);
        return articles.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(_options.SplitSalientNames)
            .Any(p => p.Value >= needed && !elsewhere.Contains(p.Key));
    }

    /// <summary>
    /// Spectral bipartition (normalised cut): the sign of the second eigenvector of the normalised
    /// similarity matrix, cut at the best sweep point. Power iteration from a fixed start, so deterministic.
    /// </summary>
    private static (List<int> First, List<int> Second, double Cut) Bipartition(double[,] sim)
    {
        var n = sim.GetLength(0);
        var degree = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) if (j != i) degree[i] += sim[i, j];
            degree[i] = Math.Max(degree[i], 1e-9);
        }
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
        var bestCut = double.PositiveInfinity;
        var bestK = 1;
        for (var k = 1; k < n; k++)
        {
            double cut = 0, volumeA = 0, volumeB = 0;
            for (var x = 0; x < n; x++)
            {
                if (x < k) volumeA += degree[order[x]];
                else volumeB += degree[order[x]];
                if (x >= k) continue;
                for (var y = k; y < n; y++) cut += sim[order[x], order[y]];
            }
            var normalisedCut = cut / volumeA + cut / volumeB;
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

    private void RunDueRechecks()
    {
        foreach (var queue in _rechecks)
        {
            while (queue.TryPeek(out var due) && due.Arrival <= _arrivals)
            {
                queue.Dequeue();
                var story = due.Story;
                if (story.Absorbed || story.Retired) continue;
                MergeNeighbours(story, story.Size == 1 ? AssignThresholdOf(story.Profile) : _options.MergeThreshold);
            }
        }
    }

    /// <summary>
    /// At the end of input, an article still alone joins its most similar story when the similarity reaches
    /// the assign threshold, or the lower <see cref="ClusteringOptions.SettleNameThreshold"/> when the two
    /// share a two-word name (a person's first and last name, a multi-word place or organisation): a short
    /// or differently angled report of the same named participants, which thin wording alone would leave apart.
    /// </summary>
    private void JoinBestSharingName(StoryState story)
    {
        if (BestCandidate(story.Profile, exclude: story, _options.SettleNameThreshold) is not { } best) return;
        if (Similarity(story.Profile, best.Profile) >= AssignThresholdOf(story.Profile) || SharesTwoWordName(story.Profile, best.Profile)) Merge(story, best);
    }

    private bool SharesTwoWordName(Profile a, Profile b)
    {
        var space = _spaces[EntityChannel];
        foreach (var id in a.Vectors[EntityChannel].Keys)
        {
            if (space.IsCompound(id) && b.Vectors[EntityChannel].ContainsKey(id)) return true;
        }
        return false;
    }

    private StoryState MergeNeighbours(StoryState story, double threshold)
    {
        var other = BestCandidate(story.Profile, exclude: story, threshold);
        return other is null ? story : Merge(story, other);
    }

    private StoryState Merge(StoryState story, StoryState other)
    {
        var (survivor, absorbed) = other.Index < story.Index ? (other, story) : (story, other);
        survivor.Absorb(absorbed, _options);
        absorbed.AbsorbedBy = survivor;
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
        _redirects[from] = to;
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
    /// dates but (nearly) none of the same: look-alike events differ in when and how many.
    /// </summary>
    internal double Similarity(Profile a, Profile b)
    {
        double total = 0, weightUsed = 0, weightAll = 0, conflict = 1;
        var crossLanguage = a.OtherLanguageThan(b);
        for (var c = 0; c < Channels; c++)
        {
            var weight = c switch { 0 => _options.TermWeight, 1 => _options.EntityWeight, _ => _options.SpecificsWeight };
            weightAll += weight;
            if (a.Vectors[c].Count == 0 || b.Vectors[c].Count == 0) continue;
            weightUsed += weight;
            var cosine = Cosine(a, b, c);
            if (crossLanguage && c < SpecificsChannel)
            {
                cosine = Math.Min(1, cosine * (c == 0 ? _options.CrossLanguageTermScale : _options.CrossLanguageEntityScale));
            }
            total += weight * cosine;
            if (c == SpecificsChannel && cosine < _options.SpecificsConflictCosine
                && a.Vectors[c].Count >= _options.SpecificsConflictMinimum && b.Vectors[c].Count >= _options.SpecificsConflictMinimum)
            {
                conflict = _options.SpecificsConflictFactor;
            }
        }
        if (weightUsed == 0) return 0;
        return conflict * total / Math.Max(weightUsed, weightAll * (1 - _options.MaxDroppedWeight)) * TimeFactor(a, b);
    }

    /// <summary>Similarity of two documents as the clusterer would score them now, without adding either (for tests and diagnostics).</summary>
    internal double Compare(Document a, Document b)
    {
        var first = Profile.FromDocument(DocumentFeatures.Extract(a, _options), _spaces, a.Article.Published?.Value, 0);
        var second = Profile.FromDocument(DocumentFeatures.Extract(b, _options), _spaces, b.Article.Published?.Value, 0);
        return Similarity(first, second);
    }

    private double Cosine(Profile a, Profile b, int channel)
    {
        var space = _spaces[channel];
        var (small, large) = a.Vectors[channel].Count <= b.Vectors[channel].Count ? (a, b) : (b, a);
        var largeVector = large.Vectors[channel];
        double dot = 0;
        foreach (var (id, weight) in small.Vectors[channel])
        {
            if (!largeVector.TryGetValue(id, out var other)) continue;
            var idf = space.Idf(id, _documents);
            dot += weight * other * idf * idf;
        }
        if (dot <= 0) return 0;
        return dot / (a.Norm(channel, space, _documents) * b.Norm(channel, space, _documents));
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
        var probe = new Profile(new Dictionary<int, double>[] { [], [], [] }, now, now, _arrivals);
        _active.RemoveAll(story =>
        {
            if (!IsIdle(story, probe)) return false;
            story.Retire();
            return true;
        });
    }

    /// <summary>One article of a story: its arrival and, while the story is small enough to be re-examined, its own title and profile.</summary>
    private readonly record struct Member(string Id, long Arrival, string? Title, Profile? Profile);

    /// <summary>A story's mutable state; its profile is the sum of its documents' unit vectors.</summary>
    private sealed class StoryState(int index, string id)
    {
        private readonly List<Member> _articles = [];
        private string? _title;
        private bool _keepsMemberProfiles = true;

        public int Index { get; } = index;

        public string Id { get; } = id;

        public Profile Profile { get; private set; } = Profile.Empty();

        public StoryState? AbsorbedBy { get; set; }

        public bool Absorbed => AbsorbedBy is not null;

        public int Size => _articles.Count;

        public IReadOnlyList<Member> Members => _articles;

        /// <summary>Size when last checked for a split; unchanged stories are not examined again.</summary>
        public int ExaminedSize { get; set; }

        public bool Retired { get; private set; }

        public long LastArrival => Profile.Arrival;

        public void Add(Document document, Profile profile, ClusteringOptions options)
        {
            // Each article's own title and profile are kept only while a split may still need them.
            var title = _keepsMemberProfiles || _title is null ? TitleOf(document) : null;
            _articles.Add(_keepsMemberProfiles ? new Member(document.Id, profile.Arrival, title, profile) : new Member(document.Id, profile.Arrival, null, null));
            _title ??= title;
            Profile = Profile.Plus(profile, options);
            if (_articles.Count > options.SplitMaxSize) ForgetMemberProfiles();
        }

        public void Absorb(StoryState other, ClusteringOptions options)
        {
            var mine = _articles.Count > 0 ? _articles[0].Arrival : long.MaxValue;
            var theirs = other._articles.Count > 0 ? other._articles[0].Arrival : long.MaxValue;
            _articles.AddRange(other._articles);
            _articles.Sort((a, b) => a.Arrival.CompareTo(b.Arrival));
            if (theirs < mine || _title is null) _title = other._title ?? _title;
            Profile = Profile.Plus(other.Profile, options);
            if (_articles.Count > options.SplitMaxSize || !other._keepsMemberProfiles) ForgetMemberProfiles();
        }

        /// <summary>Replaces the members (after a split), rebuilding the profile from theirs.</summary>
        public void Reset(IEnumerable<Member> members, ClusteringOptions options)
        {
            _articles.Clear();
            _articles.AddRange(members.OrderBy(m => m.Arrival));
            _title = _articles[0].Title;
            var profile = Profile.Empty();
            foreach (var member in _articles) profile = profile.Plus(member.Profile!, options);
            Profile = profile;
        }

        public void Retire()
        {
            Retired = true;
            Release();
        }

        /// <summary>Drops the vectors of the profile and of every article, keeping ids, span and arrival.</summary>
        public void Release()
        {
            Profile = Profile.Stripped();
            ForgetMemberProfiles();
        }

        private void ForgetMemberProfiles()
        {
            if (!_keepsMemberProfiles) return;
            _keepsMemberProfiles = false;
            for (var i = 0; i < _articles.Count; i++) _articles[i] = _articles[i] with { Title = null, Profile = null };
        }

        public Story ToStory() => new()
        {
            Id = Id,
            Title = _title ?? "",
            ArticleIds = _articles.Select(a => a.Id).ToList(),
            FirstSeen = Profile.First,
            LastSeen = Profile.Last,
        };

        private static string? TitleOf(Document document)
        {
            if (document.Article.Title is { Length: > 0 } title) return title.Trim();
            var body = document.Text ?? "";
            var end = body.IndexOf('\n');
            var line = (end < 0 ? body : body[..end]).Trim();
            return line.Length == 0 ? null : line.Length <= 160 ? line : line[..160] + "…";
        }
    }
}
