using System.Buffers.Binary;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Storage;

/// <summary>Rules every store applies the same way, kept in one place so the backends cannot drift apart.</summary>
public static class StoreCommon
{
    /// <summary>
    /// How articles are grouped by outlet: case-insensitively, surrounding spaces ignored; "" for an article without an
    /// outlet. Stores keep it in a column of its own, so an outlet's articles are found without reading the others.
    /// </summary>
    public static string OutletKey(string? outlet) => outlet?.Trim().ToLowerInvariant() ?? "";

    /// <summary>Redirect chains longer than this are treated as broken (they only grow when merged stories merge again).</summary>
    public const int MaxRedirectHops = 32;

    /// <summary>The <c>meta</c> row holding <see cref="IStore.StoriesAssignedFrom"/>.</summary>
    public const string StoriesAssignedFromKey = "stories_assigned_from";

    /// <summary>The <c>meta</c> row holding the story state's counters (<see cref="StoryStateHeader"/>); absent when no state is stored.</summary>
    public const string StoryStateKey = "story_state";

    /// <summary>The counters, space-separated, then the re-checks (the rest of the row).</summary>
    public static string FormatStoryStateHeader(StoryStateHeader header) =>
        string.Create(CultureInfo.InvariantCulture, $"{header.Documents} {header.Arrivals} {header.StoryCount} {header.LiveStories} {header.Rechecks}");

    /// <summary>The counters from their <c>meta</c> row; null when absent or unreadable (the state is then rebuilt by a replay).</summary>
    public static StoryStateHeader? ParseStoryStateHeader(string? text)
    {
        // A row written before re-checks were kept has the four counters only.
        var parts = text?.Split(' ', 5);
        if (parts is not { Length: 4 or 5 }) return null;
        var numbers = new long[4];
        for (var i = 0; i < 4; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return null;
        }
        return new(numbers[0], numbers[1], checked((int)numbers[2]), checked((int)numbers[3]), parts.Length == 5 ? parts[4] : "");
    }

    /// <summary>
    /// The SQL condition (both backends) that keeps the story states inside a
    /// <see cref="StoryCandidateWindow"/> ($arrival, $published) and every merged one.
    /// </summary>
    public const string CandidateWindowCondition =
        "AND (absorbed OR (NOT retired AND last_arrival >= $arrival AND (last_published IS NULL OR $published IS NULL OR last_published >= $published)))";

    /// <summary>The columns <see cref="ReadStoryStateRows"/> reads, in its order.</summary>
    public const string StoryStateColumns = "idx, state, absorbed, retired, last_arrival, last_published";

    /// <summary>Every <c>story_states</c> row the reader holds, selected as <see cref="StoryStateColumns"/>, added to <paramref name="states"/>.</summary>
    public static void ReadStoryStateRows(DbDataReader reader, List<StoredStoryState> states)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(states);
        while (reader.Read()) states.Add(ReadStoryState(reader));
    }

    /// <summary>One <c>story_states</c> row; a merged (absorbed) story has no activity.</summary>
    private static StoredStoryState ReadStoryState(DbDataReader reader)
    {
        var index = reader.GetInt32(0);
        var state = (byte[])reader.GetValue(1);
        var absorbed = reader.GetBoolean(2);
        if (absorbed) return new StoredStoryState(index, state, Activity: null);
        var retired = reader.GetBoolean(3);
        var lastArrival = reader.GetInt64(4);
        long? lastPublishedTicks = reader.IsDBNull(5) ? null : reader.GetInt64(5);
        return new StoredStoryState(index, state, new StoryActivity(retired, lastArrival, lastPublishedTicks));
    }

    /// <summary>The columns of <c>stories</c> that <see cref="ReadStory"/> reads, in its order.</summary>
    public const string StoryColumns = "id, title, first_seen, last_seen";

    /// <summary>The story of the reader's current row, selected as <see cref="StoryColumns"/>, with its article ids in order.</summary>
    public static Story ReadStory(DbDataReader reader, IReadOnlyList<string> articleIds)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new Story
        {
            Id = reader.GetString(0),
            Title = reader.GetString(1),
            FirstSeen = ReadTime(reader, 2),
            LastSeen = ReadTime(reader, 3),
            ArticleIds = articleIds,
        };
    }

    /// <summary>The query <see cref="ReadArticlesByStory"/> reads: every story's articles, story by story, in their order.</summary>
    public const string ArticlesByStoryQuery = "SELECT story_id, article_id FROM story_articles ORDER BY story_id, position";

    /// <summary>Each story's article ids in order, from the rows of <see cref="ArticlesByStoryQuery"/>; a story without articles is absent.</summary>
    public static Dictionary<string, List<string>> ReadArticlesByStory(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var articles = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var storyId = reader.GetString(0);
            if (!articles.TryGetValue(storyId, out var list)) articles[storyId] = list = [];
            list.Add(reader.GetString(1));
        }
        return articles;
    }

    /// <summary>A feature's postings (story indexes) as stored: 4 bytes each, little-endian.</summary>
    public static byte[] EncodePostings(int[] postings)
    {
        var bytes = new byte[postings.Length * 4];
        for (var i = 0; i < postings.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), postings[i]);
        return bytes;
    }

    public static int[] DecodePostings(byte[] bytes)
    {
        var postings = new int[bytes.Length / 4];
        for (var i = 0; i < postings.Length; i++) postings[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * 4));
        return postings;
    }

    /// <summary>A feature's name-type counts as stored (<c>story_features.name_types</c>): 4-byte little-endian, NULL for none.</summary>
    public static object EncodeNameTypes(int[]? counts) => counts is null ? DBNull.Value : EncodePostings(counts);

    /// <summary>The name-type counts of a stored feature; null for NULL (no kind known).</summary>
    private static int[]? DecodeNameTypes(object value) => value is byte[] bytes ? DecodePostings(bytes) : null;

    /// <summary>The columns of <c>story_features</c> that <see cref="ReadFeatureRows"/> reads, in its order.</summary>
    public const string FeatureColumns = "key, df, postings, first, name_types";

    /// <summary>Every <c>story_features</c> row the reader holds, selected as <see cref="FeatureColumns"/>, decoded into <paramref name="features"/> by key.</summary>
    public static void ReadFeatureRows(DbDataReader reader, Dictionary<long, StoredFeature> features)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(features);
        while (reader.Read())
        {
            features[reader.GetInt64(0)] = new StoredFeature(reader.GetInt32(1), DecodePostings((byte[])reader.GetValue(2)),
                reader.GetInt64(3), DecodeNameTypes(reader.GetValue(4)));
        }
    }

    /// <summary>
    /// The tables derived from raw inputs, in an order that deletes what refers to a row before the row
    /// (both backends clear them with <c>DELETE</c> in this order; <c>reprocess</c> rebuilds them).
    /// </summary>
    public static readonly IReadOnlyList<string> DerivedTables = ["story_redirects", "story_articles", "stories", "story_features", "story_states", "story_state_articles", "story_state_unplaced",
        "story_state_copy_texts", "story_state_copy_keys", "story_state_template_texts", "story_state_template_keys", "layers", "articles"];

    /// <summary>
    /// Statements (no parameters, the same on both backends) that mark every stored article as not placed, run when the
    /// story state is cleared: the next placement (or the rebuild saving with it) starts from all of them.
    /// </summary>
    public static readonly IReadOnlyList<string> EveryArticleUnplaced =
        ["DELETE FROM story_state_unplaced", "INSERT INTO story_state_unplaced (article_id) SELECT id FROM articles"];

    /// <summary>A count stored as text in a <c>meta</c> row; null when absent or unreadable (as if never recorded).</summary>
    public static int? ParseCount(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    /// <summary>An error text on one line, without a trailing full stop, for "… failed: {text}." messages.</summary>
    public static string OneLine(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var c in message) builder.Append(char.IsControl(c) ? ' ' : c);
        return builder.ToString().Trim().TrimEnd('.');
    }

    /// <summary>
    /// The text with each NUL character replaced by U+FFFD. Neither backend keeps NUL in text
    /// (PostgreSQL refuses it, SQLite's driver cuts the text there); one replacement character
    /// per NUL keeps the text's length, so every layer's offsets stay valid.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? WithoutNul(string? text) =>
        text is not null && text.Contains('\0', StringComparison.Ordinal) ? text.Replace('\0', '\uFFFD') : text;

    /// <summary>
    /// Runs <paramref name="work"/> in <paramref name="transaction"/>: commits when it returns (through
    /// <paramref name="commit"/>, which lets each backend report a failed commit in its own words) and rolls
    /// back when anything throws, rethrowing the original error: a rollback that fails too says less about
    /// what went wrong than the error that caused it.
    /// </summary>
    public static void CommitOrRollBack(DbTransaction transaction, Action work, Action<Action> commit)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(commit);
        try
        {
            work();
            commit(transaction.Commit);
        }
        catch
        {
            try { transaction.Rollback(); }
            catch (Exception e) when (e is DbException or InvalidOperationException) { /* the original error says more */ }
            throw;
        }
    }

    public static void RequireUniqueIds(IReadOnlyList<Story> stories)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var story in stories)
        {
            if (!seen.Add(story.Id)) throw new ArgumentException($"Story id '{story.Id}' appears twice.", nameof(stories));
        }
    }

    /// <summary>
    /// The id of the story <paramref name="idOrPrefix"/> names: an exact id, a merged story's old id
    /// (following redirects), or a prefix matching exactly one story (or else one redirected id).
    /// Null when nothing or more than one story matches.
    /// </summary>
    public static string? ResolveStoryId(
        string idOrPrefix,
        Func<string, bool> exists,
        Func<string, string?> redirect,
        Func<string, IReadOnlyList<string>> storiesWithPrefix,
        Func<string, IReadOnlyList<string>> redirectsWithPrefix)
    {
        if (string.IsNullOrWhiteSpace(idOrPrefix)) return null;
        if (Follow(idOrPrefix) is { } exact) return exact;
        var stories = storiesWithPrefix(idOrPrefix);
        if (stories.Count > 0) return stories.Count == 1 ? stories[0] : null;
        var redirected = redirectsWithPrefix(idOrPrefix);
        return redirected.Count == 1 ? Follow(redirected[0]) : null;

        string? Follow(string id)
        {
            var current = id;
            for (var hop = 0; hop <= MaxRedirectHops; hop++)
            {
                if (exists(current)) return current;
                if (redirect(current) is not { } next) return null;
                current = next;
            }
            return null;
        }
    }

    /// <summary>
    /// Runs <paramref name="decode"/> over stored JSON of <paramref name="id"/>; unreadable data
    /// becomes a <see cref="StoreException"/> that names the store and the way to rebuild it.
    /// </summary>
    public static T Decode<T>(string location, string id, Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (JsonException e)
        {
            throw new StoreException($"'{location}': stored data of {id} cannot be read ({OneLine(e.Message)}). Run `crosscheck reprocess` to rebuild it.", e);
        }
    }

    /// <summary>As <see cref="Decode{T}"/>, for decoding that fills an object in place.</summary>
    public static void Decode(string location, string id, Action decode) => Decode(location, id, () =>
    {
        decode();
        return true;
    });

    /// <summary>
    /// A raw input from a row of <c>id, source, kind, content, received_at, hints</c> (both backends
    /// select these columns in this order). A kind this build does not know is an error that says to
    /// upgrade, not a silent skip.
    /// </summary>
    public static RawInput ReadRaw(DbDataReader reader, string location)
    {
        var id = reader.GetString(0);
        var kindName = reader.GetString(2);
        if (!Enum.TryParse<RawKind>(kindName, out var kind))
            throw new StoreException($"'{location}': raw input {id} has kind '{kindName}', unknown to this build. Use a newer crosscheck.");
        var hints = reader.GetString(5);
        return new RawInput
        {
            Id = id,
            Source = reader.GetString(1),
            Kind = kind,
            Content = (byte[])reader.GetValue(3),
            ReceivedAt = ParseTime(reader.GetString(4)),
            Hints = Decode(location, id, () => DocumentSerializer.DeserializeHints(hints)),
        };
    }

    /// <summary>
    /// An article from a row of <c>id, source, url, outlet, title, byline, published,
    /// published_source, language, body, diagnostics, page_type</c> (both backends select these in this order).
    /// A page type this build does not know is an error that says to upgrade.
    /// </summary>
    public static Article ReadArticle(DbDataReader reader, string location)
    {
        var id = reader.GetString(0);
        var article = new Article
        {
            Id = id,
            Source = reader.GetString(1),
            Url = NullableString(reader, 2),
            Outlet = NullableString(reader, 3),
            Title = NullableString(reader, 4),
            Byline = NullableString(reader, 5),
            Published = ReadTime(reader, 6) is { } published ? new Found<DateTimeOffset>(published, NullableString(reader, 7) ?? "") : null,
            Language = NullableString(reader, 8),
            Body = reader.GetString(9),
            PageType = PageTypeInfo.Parse(reader.GetString(11))
                ?? throw new StoreException($"'{location}': article {id} has page type '{reader.GetString(11)}', unknown to this build. Use a newer crosscheck."),
        };
        var diagnostics = reader.GetString(10);
        article.Diagnostics.AddRange(Decode(location, id, () => DocumentSerializer.DeserializeDiagnostics(diagnostics)));
        return article;
    }

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset? ReadTime(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : ParseTime(reader.GetString(ordinal));

    /// <summary>Rows in one page of raw inputs at most (see <see cref="ReadRawInPages"/>).</summary>
    public const int RawPageRows = 256;

    /// <summary>
    /// Content a page of raw inputs holds before it ends (see <see cref="ReadRawInPages"/>): the 32 MB an ingest
    /// extracts together, so reading stored inputs back (reprocess, an ingest resuming a killed run) holds about
    /// one batch of them, not <see cref="RawPageRows"/> of the largest.
    /// </summary>
    public const long RawPageBytes = 32L * 1024 * 1024;

    /// <summary>A page of raw inputs with their sequence numbers; <see cref="Last"/> when no row follows it.</summary>
    public sealed record RawPage(IReadOnlyList<(RawInput Raw, long Seq)> Rows, bool Last);

    /// <summary>
    /// One page from a query of at most <see cref="RawPageRows"/> raw-input rows in sequence order (the columns of
    /// <see cref="ReadRaw"/>, then <c>seq</c>): the rows until their content reaches <paramref name="maxBytes"/>,
    /// the rest left unread for the next page.
    /// </summary>
    public static RawPage ReadRawPage(DbDataReader reader, string location, long maxBytes = RawPageBytes)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<(RawInput, long)>();
        long bytes = 0;
        while (bytes < maxBytes && reader.Read())
        {
            var raw = ReadRaw(reader, location);
            rows.Add((raw, reader.GetInt64(6)));
            bytes += raw.Content.Length;
        }
        // A page cut by its bytes may have rows after it; a page short of its rows has none.
        return new RawPage(rows, Last: bytes < maxBytes && rows.Count < RawPageRows);
    }

    /// <summary>
    /// Streams raw inputs in keyset pages (<paramref name="readPageAfter"/> reads the page after a sequence number
    /// with <see cref="ReadRawPage"/>): a large table is read without one long-running query or the whole table in
    /// memory, no statement is held open while the caller writes (reprocess reads raw inputs and saves documents in
    /// the same loop), and rows added meanwhile are picked up rather than skipped.
    /// </summary>
    public static IEnumerable<RawInput> ReadRawInPages(Func<long, RawPage> readPageAfter)
    {
        ArgumentNullException.ThrowIfNull(readPageAfter);
        long after = 0;
        while (true)
        {
            var page = readPageAfter(after);
            foreach (var (raw, seq) in page.Rows)
            {
                yield return raw;
                after = seq;
            }
            if (page.Last || page.Rows.Count == 0) yield break;
        }
    }

    /// <summary>Times are stored as round-trip ("o") text in both backends, so they sort and compare the same.</summary>
    public static string FormatTime(DateTimeOffset time) => time.ToString("o", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) => DateTimeOffset.ParseExact(text, "o", CultureInfo.InvariantCulture);
}
