using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Storage;

/// <summary>
/// The store behind every command. Raw inputs are written first and never changed; everything
/// else (articles with their layers, stories) is derived and can be cleared and rebuilt from
/// them (<see cref="ClearDerived"/>, then reprocess). Implementations are safe to use from one
/// thread at a time; open one per thread for parallel work. The story clusterer's state is stored
/// too (<see cref="IStoryStateStore"/>), so placing new articles never replays the stored ones.
/// </summary>
public interface IStore : IStoryStateStore, IDisposable
{
    /// <summary>Where the store lives, for messages ("./crosscheck.db").</summary>
    string Location { get; }

    /// <summary>Stores a raw input keyed by its content hash. False when the same content is already stored.</summary>
    bool AddRaw(RawInput raw);

    /// <summary>
    /// <see cref="AddRaw"/> for each input, in order: which were new. A store may write them in one transaction (all stored or
    /// none), which saves a commit per input; by default each is stored on its own, as <see cref="AddRaw"/> does.
    /// </summary>
    IReadOnlyList<bool> AddRaws(IReadOnlyList<RawInput> raws) => [.. raws.Select(AddRaw)];

    RawInput? GetRaw(string id);

    /// <summary>Every raw input, in the order received.</summary>
    IEnumerable<RawInput> AllRaw();

    int CountRaw();

    /// <summary>
    /// When the newest raw input was received, or null for an empty store: when articles last came
    /// in, shown by story listings as the time the store last changed. One indexed row, cheap to ask on every page.
    /// </summary>
    DateTimeOffset? LastReceived();

    /// <summary>
    /// Raw inputs with no stored document, in the order received: the work a run stopped before
    /// finishing (killed after storing inputs, before their articles were saved) left undone, so
    /// the next ingest processes them. Streamed in pages; documents saved meanwhile are not repeated.
    /// </summary>
    IEnumerable<RawInput> RawWithoutDocument();

    /// <summary>Stores (or replaces) the article and all its annotation layers.</summary>
    void SaveDocument(Document document);

    /// <summary>Stores (or replaces) a document serialised ahead (<see cref="SerializedDocument.Of"/>): the same rows, written without serialising here.</summary>
    void SaveDocument(SerializedDocument document);

    Document? GetDocument(string id);

    /// <summary>Every stored document, in the order its raw input was received.</summary>
    IEnumerable<Document> AllDocuments();

    /// <summary>
    /// <see cref="AllDocuments"/> with each document's layers left encoded until asked for (<see cref="StoredDocument.Decode"/>, on any
    /// thread): a caller going through many documents reads them here and decodes them on several cores.
    /// </summary>
    IEnumerable<StoredDocument> AllStoredDocuments() => AllDocuments().Select(StoredDocument.Of);

    /// <summary>
    /// Every stored article without its layers, in the order of <see cref="AllDocuments"/>: for corpus
    /// passes that read bodies and metadata only, and need not decode every document's annotations.
    /// </summary>
    IEnumerable<Article> AllArticles();

    /// <summary>
    /// The stored articles of these outlets (keys as <see cref="StoreCommon.OutletKey"/> makes them; "" for articles
    /// without one), without layers and in the order of <see cref="AllArticles"/>: a corpus pass over the outlets a
    /// write touched reads them, not the whole store.
    /// </summary>
    IEnumerable<Article> ArticlesOfOutlets(IReadOnlyCollection<string> outletKeys);

    int CountArticles();

    /// <summary>
    /// Replaces all stories (and the redirects of merged story ids) with a new assignment, and drops
    /// the stored story state (it no longer describes them; the next placement rebuilds it by a replay).
    /// <paramref name="assignedFromArticles"/> is how many articles were stored when the assignment
    /// began (kept for <see cref="StoriesAssignedFrom"/>); null when it is not known.
    /// </summary>
    void ReplaceStories(IReadOnlyList<Story> stories, IReadOnlyDictionary<string, string> redirects, int? assignedFromArticles = null);

    /// <summary>
    /// The article count recorded with the current stories by <see cref="ReplaceStories"/>, or null
    /// when none was. Articles are only added between assignments (clearing them clears this too), so
    /// while it equals <see cref="CountArticles"/> the stories cover every stored article: several
    /// workers sharing the store use it to tell whether stories must be assigned again.
    /// </summary>
    int? StoriesAssignedFrom();

    IReadOnlyList<Story> GetStories();

    /// <summary>A story by id (following redirects of merged stories), or by a unique id prefix; null when none.</summary>
    Story? GetStory(string idOrPrefix);

    /// <summary>The id of the story holding the article, or null when it is in none: a look-up, where <see cref="GetStories"/> reads them all.</summary>
    string? StoryIdOfArticle(string articleId);

    /// <summary>Full-text search over article titles and bodies; best matches first.</summary>
    IReadOnlyList<SearchHit> Search(string query, int limit = 20);

    /// <summary>Removes articles, layers, stories and story state, keeping the raw inputs (for reprocessing).</summary>
    void ClearDerived();

    /// <summary>
    /// Runs <paramref name="work"/> (which calls this store's own methods) as one transaction:
    /// either every write in it is kept or none is. Batching many writes this way is also much
    /// faster than committing each one. A call inside another joins the outer transaction; an
    /// exception rolls everything back and propagates.
    /// </summary>
    void RunInTransaction(Action work);

    /// <summary>
    /// Like <see cref="RunInTransaction"/>, and no other <c>RunExclusive</c> on the same store runs
    /// meanwhile, from this process or another: for read-modify-write work that must see a stable
    /// state, such as assigning articles to stories while several workers write.
    /// </summary>
    void RunExclusive(Action work);

    /// <summary>
    /// Like <see cref="RunExclusive"/>, but when another process or handle holds the exclusive lock
    /// it returns false at once, without running <paramref name="work"/>: for work that someone else
    /// doing it meanwhile makes unnecessary or only postpones (a worker's story assignment). A store
    /// whose lock is only ever held briefly (SQLite's file lock) may wait instead and return true.
    /// </summary>
    bool TryRunExclusive(Action work);

    /// <summary>Whether an article (with its layers) is stored for this raw input id; cheaper than <see cref="GetDocument"/>.</summary>
    bool HasDocument(string id);
}

/// <summary>
/// A search result. <see cref="Snippet"/> is an excerpt of the body with matched terms between
/// <see cref="SnippetMarks.Open"/> and <see cref="SnippetMarks.Close"/>; a higher <see cref="Score"/> is a better match.
/// </summary>
public sealed record SearchHit(string ArticleId, string Title, string Snippet, double Score);

/// <summary>The marks every store puts around matched terms in <see cref="SearchHit.Snippet"/>.</summary>
public static class SnippetMarks
{
    public const string Open = "\u00ab";

    public const string Close = "\u00bb";

    public const string Ellipsis = "\u2026";
}

/// <summary>A store that cannot be opened or used; the message names the store and says what to do.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
