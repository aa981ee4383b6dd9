using Crosscheck.Core.Model;

namespace Crosscheck.Core.Pipeline;

/// <summary>
/// The story clusterer's state kept in the store, read piece by piece: placing a new article reads
/// the document frequencies of its features, the postings of the few it looks up, and the stories
/// they name, never every stored document. The clusterer owns what a story's state means
/// (<see cref="StoredStoryState.State"/> is opaque here); the store keeps the rows and writes a
/// batch's changes, and the visible stories they change, in one transaction.
/// </summary>
public interface IStoryStateStore
{
    /// <summary>The counters of the stored state, or null when none is stored (a new store, or one clustered before story state was kept).</summary>
    StoryStateHeader? LoadStoryStateHeader();

    /// <summary>Document frequency and postings of the given features; features never counted are absent.</summary>
    IReadOnlyDictionary<long, StoredFeature> LoadStoryFeatures(IReadOnlyCollection<long> keys);

    /// <summary>
    /// The stored states of the stories with these indexes (absent ones are left out). With <paramref name="window"/>,
    /// also those that can no longer be a candidate for an article (see <see cref="StoryCandidateWindow"/>): they are
    /// filtered by the store, so their states are never read. Stories merged into another are always returned.
    /// </summary>
    IReadOnlyList<StoredStoryState> LoadStoryStates(IReadOnlyCollection<int> indexes, StoryCandidateWindow? window = null);

    /// <summary>
    /// Of the stories with these indexes, those retired (left the candidate index for good: never a candidate again); absent
    /// ones are left out. Read without the stories' states, so the clusterer can drop postings naming them when it writes.
    /// </summary>
    IReadOnlyCollection<int> LoadRetiredStories(IReadOnlyCollection<int> indexes);

    /// <summary>The index of the story an article was placed in (before redirects), -1 when it was seen and left out, null when never seen.</summary>
    int? LoadStoryIndexOfArticle(string articleId);

    /// <summary>Ids of stored articles the story state has not seen, in the order their raw inputs were received.</summary>
    IReadOnlyList<string> ArticlesWithoutStoryState();

    /// <summary>
    /// Writes a batch's changes to the state and to the stories readers see, in one transaction
    /// (joining the caller's). With <see cref="StoryStateChanges.Reset"/>, everything stored before
    /// (state, stories, redirects) is dropped first: the changes are a complete state.
    /// </summary>
    void SaveStoryState(StoryStateChanges changes);

    /// <summary>
    /// Of these articles, those whose template-page mark is stored (<see cref="StoryStateChanges.TemplatePages"/>), with it:
    /// true when the clusterer placed the article as a template page. An article left out is unknown: placed before the
    /// marks were kept, never placed, or placed by a replay whose stories were stored without state.
    /// </summary>
    IReadOnlyDictionary<string, bool> LoadTemplatePageMarks(IReadOnlyCollection<string> articleIds);

    /// <summary>
    /// Of a detector's stored window (<see cref="StoryStateChanges.WindowTexts"/>), the postings of these keys: which texts hold each,
    /// by their number in the window's clock. A placement asks the keys of its own text only (the copy detector its band keys, the
    /// template-page detector its shingles), as the feature postings are read.
    /// </summary>
    IReadOnlyList<StoredWindowPosting> LoadWindowPostings(TextWindow window, IReadOnlyCollection<long> keys);

    /// <summary>The stored texts of a detector's window with these numbers (absent ones are left out; <see cref="StoredWindowText.Keys"/> is not read back).</summary>
    IReadOnlyList<StoredWindowText> LoadWindowTexts(TextWindow window, IReadOnlyCollection<long> numbers);

    /// <summary>The highest number a stored text of a detector's window has (its clock at the last save); 0 when none is stored.</summary>
    long LoadWindowClock(TextWindow window);
}

/// <summary>The two windows of recent texts the story clusterer's detectors keep in the store.</summary>
public enum TextWindow
{
    /// <summary>The syndication detector's: texts long enough to compare, numbered by its own clock; keys are MinHash band keys.</summary>
    Copies = 1,

    /// <summary>The template-page detector's: every text placed, numbered by the clusterer's arrival; keys are distinct word shingles.</summary>
    Templates = 2,
}

/// <param name="Key">A band key or shingle (a 64-bit hash).</param>
/// <param name="Number">The number of a text holding it.</param>
public readonly record struct StoredWindowPosting(long Key, long Number);

/// <param name="Window">Whose window.</param>
/// <param name="Number">The text's number in that window's clock.</param>
/// <param name="ArticleId">The article.</param>
/// <param name="Keys">The keys the text is posted under (written; empty when read back).</param>
/// <param name="Entry">What the detector keeps of the text (opaque here, as a story's state is).</param>
public sealed record StoredWindowText(TextWindow Window, long Number, string ArticleId, long[] Keys, byte[] Entry);

/// <param name="Documents">Documents counted in the feature statistics.</param>
/// <param name="Arrivals">Articles placed so far (the clusterer's clock).</param>
/// <param name="StoryCount">Stories ever opened (the next story's index).</param>
/// <param name="LiveStories">Stories that exist now (not merged into another).</param>
/// <param name="Rechecks">
/// The clusterer's re-checks not yet due (opaque here, as a story's state is; no line breaks), so a stream of
/// ingests by separate processes re-checks a story as one long-running process would.
/// </param>
public sealed record StoryStateHeader(long Documents, long Arrivals, int StoryCount, int LiveStories, string Rechecks = "");

/// <param name="DocumentFrequency">How many documents carry the feature.</param>
/// <param name="Postings">Indexes of the stories that most recently carried it, oldest first.</param>
/// <param name="Order">When it was first counted, in the clusterer's terms (the tie-break among equal features).</param>
/// <param name="NameTypes">
/// For an entity feature, how many documents tagged it as each kind of name (person, organisation, place, other: the
/// clusterer's order); null when none did, or when the statistics were stored before kinds were kept (kind unknown).
/// </param>
public sealed record StoredFeature(int DocumentFrequency, int[] Postings, long Order = long.MaxValue, int[]? NameTypes = null);

/// <param name="Index">The story's index in the order stories were opened.</param>
/// <param name="State">The clusterer's serialised state of the story.</param>
/// <param name="Activity">When the story last took an article, for <see cref="StoryCandidateWindow"/>; null for a story merged into another.</param>
public sealed record StoredStoryState(int Index, byte[] State, StoryActivity? Activity = null);

/// <param name="Retired">Left the candidate index for good (idle too long).</param>
/// <param name="LastArrival">Arrival number of its latest article.</param>
/// <param name="LastPublishedTicks">UTC ticks of the latest publication date among its articles; null when none is dated.</param>
public readonly record struct StoryActivity(bool Retired, long LastArrival, long? LastPublishedTicks);

/// <summary>
/// The stories that can still be a candidate for an article: not retired, with an article that arrived at or after
/// <paramref name="MinLastArrival"/>, and, when both are dated, one published at or after <paramref name="MinLastPublishedTicks"/> (UTC ticks).
/// A store may return more than these (the clusterer checks again), never fewer.
/// </summary>
public sealed record StoryCandidateWindow(long MinLastArrival, long? MinLastPublishedTicks);

/// <summary>One redirect operation, applied in order: a merged id pointing at its survivor (ids pointing at the merged one follow), or an id removed (it is a story again).</summary>
public readonly record struct RedirectChange(string From, string? To);

/// <summary>What a batch changed; see <see cref="IStoryStateStore.SaveStoryState"/>.</summary>
public sealed class StoryStateChanges
{
    public required StoryStateHeader Header { get; init; }

    public bool Reset { get; init; }

    public IReadOnlyDictionary<long, StoredFeature> Features { get; init; } = new Dictionary<long, StoredFeature>();

    public IReadOnlyList<StoredStoryState> States { get; init; } = [];

    /// <summary>Article id to story index (-1: seen and left out).</summary>
    public IReadOnlyDictionary<string, int> ArticleStories { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// For each article placed for the first time since the last save, whether it was placed as a template page (mostly a
    /// block another page shares: kept out of the stories with no features). Articles absent (moved ones, left-out ones)
    /// keep the mark stored with them; an article never given one reads as unknown (<see cref="IStoryStateStore.LoadTemplatePageMarks"/>).
    /// </summary>
    public IReadOnlyDictionary<string, bool> TemplatePages { get; init; } = new Dictionary<string, bool>();

    /// <summary>Texts the detectors' windows took since the last save (<see cref="IStoryStateStore.LoadWindowPostings"/>), with their postings.</summary>
    public IReadOnlyList<StoredWindowText> WindowTexts { get; init; } = [];

    /// <summary>
    /// By window, the first number it still holds: stored texts (and their postings) numbered below it are dropped, so each table
    /// stays bounded by its window. A window not named keeps its texts.
    /// </summary>
    public IReadOnlyDictionary<TextWindow, long> WindowsFrom { get; init; } = new Dictionary<TextWindow, long>();

    /// <summary>Visible stories to insert or replace; <see cref="StoryPositions"/> gives each one's place in the story list.</summary>
    public IReadOnlyList<Story> Stories { get; init; } = [];

    public IReadOnlyList<int> StoryPositions { get; init; } = [];

    /// <summary>Visible stories that no longer exist (merged into another).</summary>
    public IReadOnlyList<string> RemovedStories { get; init; } = [];

    public IReadOnlyList<RedirectChange> Redirects { get; init; } = [];

    /// <summary>The article count the stories now cover (see IStore.StoriesAssignedFrom).</summary>
    public int? AssignedFromArticles { get; init; }
}

/// <summary>A story clusterer whose state lives in a store: it reads what it needs and writes back what changed.</summary>
public interface IStoredStoryClusterer : IStoryClusterer
{
    /// <summary>Whether the state this clusterer caches is still the store's (no other process placed articles since it last read or wrote).</summary>
    bool IsCurrent();

    /// <summary>How many stories exist, stored ones included (<see cref="IStoryClusterer.Stories"/> holds only those read or changed).</summary>
    int StoryCount { get; }

    /// <summary>Records an article that is not placed in any story (an empty body), so it is not offered again.</summary>
    void Skip(string articleId);

    /// <summary>Writes everything changed since the last save (call after <see cref="IStoryClusterer.Settle"/>, inside the store's exclusive lock).</summary>
    void Save(int? assignedFromArticles);
}
