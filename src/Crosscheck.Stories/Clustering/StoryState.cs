using Crosscheck.Core.Model;

namespace Crosscheck.Stories.Clustering;

/// <summary>One article of a story: its arrival and, while the story is small enough to be re-examined, its own title and profile.</summary>
internal readonly record struct Member(string Id, long Arrival, string? Title, Profile? Profile);

/// <summary>A story's mutable state; its profile is the sum of its documents' unit vectors.</summary>
internal sealed class StoryState(int index, string id)
{
    private readonly List<Member> _articles = [];
    private string? _title;
    private bool _keepsMemberProfiles = true;

    /// <summary>
    /// The term ids of <see cref="_title"/> (<see cref="DocumentFeatures.TitleTermIds"/>), taken when a short side's guard first asks
    /// (<see cref="ClusteringOptions.ShortSideTitleTermDocuments"/>) and forgotten when the articles change. Not stored: the title is,
    /// so a story read back gives the same ids.
    /// </summary>
    private long[]? _titleTerms;

    /// <summary>Read from the store as merged into another: only the link to its survivor was read (see <see cref="Deserialize"/>).</summary>
    private bool _linkOnly;

    public int Index { get; } = index;

    public string Id { get; } = id;

    public Profile Profile { get; private set; } = Profile.Empty();

    /// <summary>The index of the story that absorbed this one (a merge), or null while it is a story of its own.</summary>
    public int? AbsorbedBy { get; set; }

    public bool Absorbed => AbsorbedBy is not null;

    public int Size => _articles.Count;

    public IReadOnlyList<Member> Members => _articles;

    /// <summary>Size when last checked for a split; unchanged stories are not examined again.</summary>
    public int ExaminedSize { get; set; }

    public bool Retired { get; private set; }

    /// <summary>
    /// Whether the story came through an earlier end-of-batch settle (one read from a store always did): its articles
    /// were placed by decisions taken where an earlier batch ended, which the repartition may revisit.
    /// </summary>
    public bool SettledBefore { get; set; }

    public long LastArrival => Profile.Arrival;

    /// <summary>The term ids of the title the story keeps (its first article's title, or that article's first line), in its language.</summary>
    public long[] TitleTermIds(ClusteringOptions options) =>
        _titleTerms ??= TitleTermIdsOf(_title, Profile.Languages is [var language] ? language : null, options);

    /// <summary>The term ids of a title as the story keeps it (<see cref="TitleOf"/>; none when it has none).</summary>
    public static long[] TitleTermIdsOf(string? title, string? language, ClusteringOptions options) =>
        title is null ? [] : DocumentFeatures.TitleTermIds(title, language, options);

    public void Add(Document document, Profile profile, ClusteringOptions options, FeatureSpace[] spaces)
    {
        // Each article's own title and profile are kept only while a split may still need them.
        var title = _keepsMemberProfiles || _title is null ? TitleOf(document) : null;
        _articles.Add(_keepsMemberProfiles ? new Member(document.Id, profile.Arrival, title, profile) : new Member(document.Id, profile.Arrival, null, null));
        _title ??= title;
        _titleTerms = null;
        Profile = Profile.Plus(profile, options, spaces);
        if (_articles.Count > options.SplitMaxSize) ForgetMemberProfiles();
    }

    public void Absorb(StoryState other, ClusteringOptions options, FeatureSpace[] spaces)
    {
        var mine = _articles.Count > 0 ? _articles[0].Arrival : long.MaxValue;
        var theirs = other._articles.Count > 0 ? other._articles[0].Arrival : long.MaxValue;
        _articles.AddRange(other._articles);
        _articles.Sort((a, b) => a.Arrival.CompareTo(b.Arrival));
        if (theirs < mine || _title is null) _title = other._title ?? _title;
        _titleTerms = null;
        Profile = Profile.Plus(other.Profile, options, spaces);
        if (_articles.Count > options.SplitMaxSize || !other._keepsMemberProfiles) ForgetMemberProfiles();
    }

    /// <summary>Replaces the members (after a split), rebuilding the profile from theirs.</summary>
    public void Reset(IEnumerable<Member> members, ClusteringOptions options, FeatureSpace[] spaces)
    {
        _articles.Clear();
        _articles.AddRange(members.OrderBy(m => m.Arrival));
        _title = _articles[0].Title;
        _titleTerms = null;
        Profile = Profile.Sum(_articles.Select(member => member.Profile!), options, spaces);
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

    /// <summary>Writes the whole state, so a story read back from the store behaves exactly as the one written.</summary>
    public byte[] Serialize()
    {
        if (_linkOnly) throw new InvalidOperationException($"Story {Index} was read as merged into another, without its articles: it cannot be written back.");
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(FormatVersion);
            writer.Write(Id);
            writer.Write(_title ?? "");
            writer.Write(_title is not null);
            writer.Write(AbsorbedBy ?? -1);
            writer.Write(Retired);
            writer.Write(ExaminedSize);
            writer.Write(_keepsMemberProfiles);
            Profile.Write(writer);
            writer.Write(_articles.Count);
            foreach (var member in _articles)
            {
                writer.Write(member.Id);
                writer.Write(member.Arrival);
                writer.Write(member.Title ?? "");
                writer.Write(member.Title is not null);
                writer.Write(member.Profile is not null);
                member.Profile?.Write(writer);
            }
        }
        return buffer.ToArray();
    }

    public static StoryState Deserialize(int index, byte[] state)
    {
        using var reader = new BinaryReader(new MemoryStream(state));
        var format = reader.ReadByte();
        if (format is not (1 or 2 or FormatVersion)) throw new InvalidDataException($"Story {index}: stored state of an unknown format ({format}).");
        var story = new StoryState(index, reader.ReadString()) { SettledBefore = true };
        var title = reader.ReadString();
        story._title = reader.ReadBoolean() ? title : null;
        var absorbedBy = reader.ReadInt32();
        story.AbsorbedBy = absorbedBy < 0 ? null : absorbedBy;
        // A story merged into another only leads to its survivor: it never changes again, so the rest (its articles, often
        // hundreds of ids) is not read. At a large store most postings a candidate lookup reads name such stories.
        if (story.AbsorbedBy is not null)
        {
            story._linkOnly = true;
            return story;
        }
        story.Retired = reader.ReadBoolean();
        story.ExaminedSize = reader.ReadInt32();
        story._keepsMemberProfiles = reader.ReadBoolean();
        story.Profile = Profile.Read(reader, format);
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var id = reader.ReadString();
            var arrival = reader.ReadInt64();
            var memberTitle = reader.ReadString();
            var hasTitle = reader.ReadBoolean();
            var profile = reader.ReadBoolean() ? Profile.Read(reader, format) : null;
            story._articles.Add(new Member(id, arrival, hasTitle ? memberTitle : null, profile));
        }
        return story;
    }

    /// <summary>
    /// 3: profiles carry the country keys' share of their entity norm; 2: their documents' languages (format 1 is read as
    /// profiles without any, format 2 as profiles whose keys' share is taken afresh when first needed).
    /// </summary>
    private const byte FormatVersion = 3;

    public Story ToStory() => new()
    {
        Id = Id,
        Title = _title ?? "",
        ArticleIds = _articles.Select(a => a.Id).ToList(),
        FirstSeen = Profile.First,
        LastSeen = Profile.Last,
    };

    /// <summary>The title a story keeps for an article: its own, or its text's first line (cut at 160 characters) when it has none.</summary>
    public static string? TitleOf(Document document)
    {
        if (document.Article.Title is { Length: > 0 } title) return title.Trim();
        var body = document.Text ?? "";
        var end = body.IndexOf('\n');
        var line = (end < 0 ? body : body[..end]).Trim();
        return line.Length == 0 ? null : line.Length <= 160 ? line : line[..160] + "…";
    }
}
