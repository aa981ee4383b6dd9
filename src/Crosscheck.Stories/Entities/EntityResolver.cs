using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using F23.StringSimilarity;

namespace Crosscheck.Stories.Entities;

/// <summary>The story's entities and, for every mention of every document, the entity it refers to.</summary>
internal sealed class ResolvedEntities(IReadOnlyList<DossierEntity> entities, DossierEntity?[][] byMention)
{
    public IReadOnlyList<DossierEntity> Entities { get; } = entities;

    /// <summary>The entity a mention refers to, or null when the mention was not a usable name.</summary>
    public DossierEntity? Of(int document, int mention) =>
        document < byMention.Length && mention >= 0 && mention < byMention[document].Length ? byMention[document][mention] : null;
}

/// <summary>
/// Entity resolution over a story: mentions are reduced to clean names (<see cref="NameForms"/>),
/// identical names pooled, then pools joined by evidence — person names whose surnames agree and
/// whose given names are spellings of one another, organisation names differing only by a generic
/// designator, acronyms and their unique expansion. A bare surname joins the one person of the
/// document (or else of the story) who bears it; when several do, it stays apart and is reported as a
/// possible match, never merged on a guess.
/// </summary>
internal sealed class EntityResolver(DossierBuilderOptions options)
{
    private static readonly JaroWinkler Similarity = new();
    private static readonly Levenshtein Distance = new();
    private static readonly Damerau Transpositions = new();

    public ResolvedEntities Resolve(IReadOnlyList<DocumentView> documents)
    {
        var pools = new List<Pool>();
        var poolByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var poolOfMention = new int[documents.Count][];
        var nameOfMention = new string?[documents.Count][];
        var cueOfMention = new EntityType?[documents.Count][];
        var typeOfMention = new EntityType?[documents.Count][];
        var context = new MentionContext(documents);
        for (var d = 0; d < documents.Count; d++)
        {
            var view = documents[d];
            poolOfMention[d] = new int[view.Mentions.Length];
            nameOfMention[d] = new string?[view.Mentions.Length];
            cueOfMention[d] = new EntityType?[view.Mentions.Length];
            typeOfMention[d] = new EntityType?[view.Mentions.Length];
            for (var m = 0; m < view.Mentions.Length; m++)
            {
                poolOfMention[d][m] = -1;
                if (!view.ValidMention[m]) continue;
                var mention = view.Mentions[m];
                var person = mention.Type != EntityType.Person ? MentionContext.NameAfterPortfolio(view, mention.Span) : null;
                if (person is not null)
                {
                    mention = mention with { Type = EntityType.Person };
                    typeOfMention[d][m] = EntityType.Person;
                }
                var name = NameForms.Clean(person ?? view.TextOf(mention.Span), mention.Type, options.MaxNameWords);
                if (name is null || context.IsCommonWord(view, mention.Span, name)) continue;
                var words = NameForms.WordKeys(name);
                if (words.Length == 0) continue;
                // Spacing and hyphens do not tell names apart ("al-Qaeda", "Al Qaeda").
                var key = string.Concat(words);
                if (!poolByKey.TryGetValue(key, out var p))
                {
                    p = pools.Count;
                    poolByKey[key] = p;
                    pools.Add(new Pool(key, words));
                }
                var cue = MentionContext.Cue(view, mention.Span);
                pools[p].Add(name, mention, cue);
                poolOfMention[d][m] = p;
                nameOfMention[d][m] = name;
                cueOfMention[d][m] = cue;
            }
        }

        var sets = new DisjointSets(pools.Count);
        JoinPersons(pools, sets);
        JoinOrganisations(pools, sets);
        var possible = new List<(int Pool, int Other, double Confidence, string Reason)>();
        var acronymExpansions = JoinAcronyms(pools, sets, possible);

        // Bare surnames are resolved mention by mention: the same surname may name different people in different articles.
        var surnameOwners = SurnameOwners(pools, sets);
        var clusterOfMention = new int[documents.Count][];
        for (var d = 0; d < documents.Count; d++)
        {
            clusterOfMention[d] = new int[poolOfMention[d].Length];
            var inDocument = RootsInDocument(poolOfMention[d], pools, sets);
            for (var m = 0; m < poolOfMention[d].Length; m++)
            {
                var p = poolOfMention[d][m];
                clusterOfMention[d][m] = p < 0 ? -1 : ResolveBareSurname(p, pools, sets, surnameOwners, inDocument, possible);
            }
        }

        var namesByRoot = acronymExpansions.ToDictionary(kv => sets.Find(kv.Key), kv => kv.Value);
        return Build(documents, nameOfMention, cueOfMention, typeOfMention, sets, clusterOfMention, possible, namesByRoot);
    }

    private void JoinPersons(List<Pool> pools, DisjointSets sets)
    {
        var bySurname = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var p = 0; p < pools.Count; p++)
        {
            if (pools[p].Words.Length < 2 || pools[p].MainType != EntityType.Person) continue;
            var skeleton = NameForms.Skeleton(pools[p].Words[^1]);
            if (!bySurname.TryGetValue(skeleton, out var list)) bySurname[skeleton] = list = [];
            list.Add(p);
        }
        foreach (var group in bySurname.Values)
        {
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count; j++)
                {
                    if (SamePerson(pools[group[i]].Words, pools[group[j]].Words)) sets.Union(group[i], group[j]);
                }
            }
        }
    }

    /// <summary>Surnames agree and every given name of the shorter form is a spelling of one in the longer, in order.</summary>
    private bool SamePerson(string[] a, string[] b)
    {
        if (!SameWord(a[^1], b[^1], options.SurnameSimilarity)) return false;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        var next = 0;
        for (var i = 0; i < shorter.Length - 1; i++)
        {
            var found = false;
            while (next < longer.Length - 1)
            {
                if (SameGiven(shorter[i], longer[next++]))
                {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        // The first given names must agree: "Anna Smith" and "Peter Anna Smith" are not shown to be one person.
        return SameGiven(shorter[0], longer[0]);
    }

    private bool SameGiven(string a, string b)
    {
        if (a == b) return true;
        if (a.Length == 1 || b.Length == 1) return a[0] == b[0];
        return SameWord(a, b, options.GivenNameSimilarity);
    }

    /// <summary>
    /// Two spellings of one name word: either transliterations (same consonant skeleton, and not
    /// wildly different letters) or near-identical spellings (high similarity, at most one consonant apart).
    /// </summary>
    private bool SameWord(string a, string b, double similarity)
    {
        if (a == b) return true;
        if (a.Length < 3 || b.Length < 3) return false;
        // A final -a or -o marks gender in many naming traditions (Maria/Mario, Petrova/Petrov): never a spelling variant.
        if (GenderEnding(a) != GenderEnding(b)) return false;
        var skeletonA = NameForms.Skeleton(a);
        var skeletonB = NameForms.Skeleton(b);
        var score = Similarity.Similarity(a, b);
        if (skeletonA.Length >= 2 && skeletonA == skeletonB && score >= options.TransliterationFloor) return true;
        return score >= similarity && Distance.Distance(skeletonA, skeletonB) <= 1;
    }

    private static char GenderEnding(string word) => word[^1] is 'a' or 'o' ? word[^1] : '\0';

    private static void JoinOrganisations(List<Pool> pools, DisjointSets sets)
    {
        // A designator-bearing name ("X Group") owns its core ("x"); bare "X" or "X Company" joins it.
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < pools.Count; p++)
        {
            var pool = pools[p];
            if (pool.Words.Length < 2 || pool.MainType == EntityType.Person) continue;
            var core = NameForms.OrgCore(pool.Words);
            if (core.Length == 0 || core == string.Concat(pool.Words)) continue;
            if (owners.TryGetValue(core, out var owner)) sets.Union(owner, p);
            else owners[core] = p;
        }
        var personSurnames = new HashSet<string>(pools.Where(p => p.Words.Length >= 2 && p.MainType == EntityType.Person).Select(p => p.Words[^1]));
        for (var p = 0; p < pools.Count; p++)
        {
            var pool = pools[p];
            var bare = string.Concat(pool.Words);
            if (!owners.TryGetValue(bare, out var owner) || owner == p) continue;
            // A bare word that is also some person's surname is only taken as the organisation when tagged so.
            if (pool.Words.Length == 1 && personSurnames.Contains(bare) && pool.MainType == EntityType.Person) continue;
            sets.Union(owner, p);
        }
    }

    /// <summary>
    /// An acronym joins the one multi-word name it abbreviates. Names that differ only by an acronym
    /// and its expansion ("UN General Assembly", "United Nations General Assembly") are joined too, and
    /// teach the expansion of the acronym when it is never written on its own; that expansion then
    /// names the acronym's entity.
    /// </summary>
    private Dictionary<int, string> JoinAcronyms(List<Pool> pools, DisjointSets sets, List<(int, int, double, string)> possible)
    {
        var expansions = new List<int>();
        var byLastWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var p = 0; p < pools.Count; p++)
        {
            if (pools[p].Words.Length < 2 || pools[p].MainType == EntityType.Person) continue;
            expansions.Add(p);
            if (!byLastWord.TryGetValue(pools[p].Words[^1], out var list)) byLastWord[pools[p].Words[^1]] = list = [];
            list.Add(p);
        }

        var learned = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var p in expansions)
        {
            var written = pools[p].Forms.Keys.First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var acronym = NameForms.Acronym(written[0], options.MaxAcronymLetters);
            if (acronym is null || written.Length != pools[p].Words.Length) continue;
            var rest = pools[p].Words[1..];
            foreach (var q in byLastWord[pools[p].Words[^1]])
            {
                var other = pools[q].Words;
                if (q == p || other.Length <= rest.Length + 1 || !other.AsSpan(other.Length - rest.Length).SequenceEqual(rest)) continue;
                var prefix = other[..^rest.Length];
                if (!NameForms.Abbreviates(acronym, prefix)) continue;
                sets.Union(p, q);
                var otherWritten = pools[q].Forms.Keys.First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (otherWritten.Length != other.Length) continue;
                if (!learned.TryGetValue(acronym, out var names)) learned[acronym] = names = new(StringComparer.Ordinal);
                names.TryAdd(string.Concat(prefix), string.Join(' ', otherWritten[..prefix.Length]));
            }
        }

        var expansionNames = new Dictionary<int, string>();
        for (var p = 0; p < pools.Count; p++)
        {
            if (pools[p].Words.Length != 1) continue;
            var acronym = pools[p].Forms.Keys.Select(f => NameForms.Acronym(f, options.MaxAcronymLetters)).FirstOrDefault(a => a is not null);
            if (acronym is null) continue;
            var matches = expansions.Where(e => NameForms.Abbreviates(acronym, pools[e].Words)).Select(sets.Find).Distinct().ToList();
            if (matches.Count == 1) sets.Union(matches[0], p);
            else if (matches.Count == 0 && learned.TryGetValue(acronym, out var names) && names.Count == 1) expansionNames[p] = names.Values.First();
            else
            {
                foreach (var match in matches)
                {
                    possible.Add((p, match, 1.0 / matches.Count, $"acronym fits {matches.Count} names in the story"));
                }
            }
        }
        return expansionNames;
    }

    /// <summary>Surname key → clusters of full person names ending in it.</summary>
    private static Dictionary<string, List<int>> SurnameOwners(List<Pool> pools, DisjointSets sets)
    {
        var owners = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var p = 0; p < pools.Count; p++)
        {
            var pool = pools[p];
            if (pool.Words.Length < 2 || pool.MainType != EntityType.Person) continue;
            var root = sets.Find(p);
            if (!owners.TryGetValue(pool.Words[^1], out var list)) owners[pool.Words[^1]] = list = [];
            if (!list.Contains(root)) list.Add(root);
        }
        return owners;
    }

    private static HashSet<int> RootsInDocument(int[] poolOfMention, List<Pool> pools, DisjointSets sets)
    {
        var roots = new HashSet<int>();
        foreach (var p in poolOfMention)
        {
            if (p >= 0 && pools[p].Words.Length >= 2) roots.Add(sets.Find(p));
        }
        return roots;
    }

    private static int ResolveBareSurname(int p, List<Pool> pools, DisjointSets sets, Dictionary<string, List<int>> surnameOwners,
        HashSet<int> inDocument, List<(int, int, double, string)> possible)
    {
        var pool = pools[p];
        var root = sets.Find(p);
        // Pools already joined by an organisation or acronym rule keep that evidence.
        if (pool.Words.Length != 1 || pool.MainType != EntityType.Person || sets.Size(root) > 1) return root;
        if (!surnameOwners.TryGetValue(pool.Words[0], out var owners)) return root;
        var local = owners.Where(inDocument.Contains).ToList();
        if (local.Count == 1) return local[0];
        if (local.Count == 0 && owners.Count == 1) return owners[0];
        if (!pool.Ambiguous)
        {
            pool.Ambiguous = true;
            foreach (var owner in owners)
            {
                possible.Add((p, owner, 1.0 / owners.Count, $"surname shared by {owners.Count} people in the story"));
            }
        }
        return root;
    }

    private ResolvedEntities Build(IReadOnlyList<DocumentView> documents, string?[][] nameOfMention, EntityType?[][] cueOfMention, EntityType?[][] typeOfMention, DisjointSets sets,
        int[][] clusterOfMention, List<(int Pool, int Other, double Confidence, string Reason)> possible, Dictionary<int, string> expansionNames)
    {
        var clusters = new Dictionary<int, Cluster>();
        for (var d = 0; d < documents.Count; d++)
        {
            var view = documents[d];
            for (var m = 0; m < clusterOfMention[d].Length; m++)
            {
                var c = clusterOfMention[d][m];
                if (c < 0) continue;
                if (!clusters.TryGetValue(c, out var cluster)) clusters[c] = cluster = new Cluster();
                var mention = typeOfMention[d][m] is { } type ? view.Mentions[m] with { Type = type } : view.Mentions[m];
                cluster.Add(nameOfMention[d][m]!, mention, d, cueOfMention[d][m]);
            }
        }

        var entities = new Dictionary<int, DossierEntity>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (root, cluster) in clusters)
        {
            var name = cluster.Canonical();
            if (expansionNames.TryGetValue(root, out var expansion) && NameForms.Acronym(name, options.MaxAcronymLetters) is not null) name = expansion;
            var type = cluster.MainType;
            var id = Folding.StableId("e-", Folding.Key(name), type.ToString());
            for (var n = 2; !usedIds.Add(id); n++) id = Folding.StableId("e-", Folding.Key(name), type.ToString(), n.ToString());
            var variants = cluster.Forms.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            entities[root] = new DossierEntity
            {
                Id = id,
                Name = name,
                Type = type,
                Variants = variants.Select(kv => kv.Key).ToList(),
                VariantCounts = variants.Select(kv => kv.Value).ToList(),
                Articles = cluster.Documents.Order().Select(i => documents[i].Id).ToList(),
                Mentions = cluster.Count,
            };
        }

        var matches = new Dictionary<int, List<PossibleMatch>>();
        void AddMatch(int from, int to, double confidence, string reason)
        {
            if (from == to || !entities.ContainsKey(from) || !entities.ContainsKey(to)) return;
            if (!matches.TryGetValue(from, out var list)) matches[from] = list = [];
            if (list.All(x => x.EntityId != entities[to].Id)) list.Add(new PossibleMatch(entities[to].Id, Math.Round(confidence, 2), reason));
        }
        foreach (var (pool, other, confidence, reason) in possible)
        {
            var from = sets.Find(pool);
            AddMatch(from, other, confidence, reason);
            AddMatch(other, from, confidence, reason);
        }
        AddSpellingMatches(clusters, AddMatch);

        var byMention = new DossierEntity?[documents.Count][];
        for (var d = 0; d < documents.Count; d++)
        {
            byMention[d] = clusterOfMention[d].Select(c => c >= 0 && entities.TryGetValue(c, out var e) ? e : null).ToArray();
        }
        var final = new Dictionary<int, DossierEntity>();
        foreach (var (root, entity) in entities)
        {
            final[root] = matches.TryGetValue(root, out var list)
                ? entity with { PossibleMatches = list.OrderByDescending(x => x.Confidence).ToList() }
                : entity;
        }
        for (var d = 0; d < documents.Count; d++)
        {
            for (var m = 0; m < byMention[d].Length; m++)
            {
                var c = clusterOfMention[d][m];
                if (c >= 0 && final.TryGetValue(c, out var e)) byMention[d][m] = e;
            }
        }
        var ordered = final.Values.OrderByDescending(e => e.Mentions).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
        return new ResolvedEntities(ordered, byMention);
    }

    /// <summary>
    /// Person entities left apart whose surnames are close in spelling (a transliteration the rules
    /// did not cover, or a machine-translation garble): reported with the evidence, never merged.
    /// </summary>
    private void AddSpellingMatches(Dictionary<int, Cluster> clusters, Action<int, int, double, string> addMatch)
    {
        var persons = clusters.Where(kv => kv.Value.MainType == EntityType.Person)
            .Select(kv => (Root: kv.Key, Cluster: kv.Value, Words: NameForms.WordKeys(kv.Value.Canonical())))
            .Where(x => x.Words.Length > 0)
            .ToList();
        for (var i = 0; i < persons.Count; i++)
        {
            for (var j = i + 1; j < persons.Count; j++)
            {
                var (a, b) = (persons[i], persons[j]);
                var bothFull = a.Words.Length >= 2 && b.Words.Length >= 2;
                // Two full names are only suspect when their given names agree and the surnames nearly do.
                if (bothFull && !SameGiven(a.Words[0], b.Words[0])) continue;
                var surnameA = a.Words[^1];
                var surnameB = b.Words[^1];
                if (surnameA == surnameB || Math.Abs(surnameA.Length - surnameB.Length) > 2) continue;
                var similarity = Similarity.Similarity(surnameA, surnameB);
                if (similarity < options.PossibleMatchSimilarity) continue;
                // Garbles and typos change one consonant or swap two; unrelated names differ by more.
                if (Transpositions.Distance(NameForms.Skeleton(surnameA), NameForms.Skeleton(surnameB)) > 1) continue;
                var sharedRole = a.Cluster.Roles.Intersect(b.Cluster.Roles, StringComparer.OrdinalIgnoreCase).FirstOrDefault();
                var sharedArticles = a.Cluster.Documents.Count(b.Cluster.Documents.Contains);
                var confidence = similarity * (sharedRole is not null ? 0.9 : bothFull ? 0.8 : 0.6) * (sharedArticles > 0 ? 1.0 : 0.9);
                var evidence = $"similar spelling ({similarity:0.00})" + (bothFull ? ", same given name" : "") + (sharedRole is null ? "" : $", same role: {sharedRole}")
                    + (sharedArticles > 0 ? $", named in the same article{(sharedArticles > 1 ? "s" : "")}" : "");
                // Each side is told what is known about the other, so a reader can judge the pair.
                addMatch(a.Root, b.Root, confidence, evidence + RolesOf(b.Cluster));
                addMatch(b.Root, a.Root, confidence, evidence + RolesOf(a.Cluster));
            }
        }
    }

    /// <summary>A context cue ("the capital X") outweighs one tagger decision on a bare word.</summary>
    private const int CueWeight = 2;

    private static void Vote(int[] votes, EntityType type, int weight)
    {
        if ((uint)type < (uint)votes.Length) votes[(int)type] += weight;
    }

    private static string RolesOf(Cluster cluster) =>
        cluster.Roles.Count == 0 ? "" : $"; {cluster.Canonical()}: {string.Join(", ", cluster.Roles.Take(3))}";

    /// <summary>All mentions sharing one clean name key.</summary>
    private sealed class Pool(string key, string[] words)
    {
        private readonly int[] _typeVotes = new int[4];

        public string Key { get; } = key;

        public string[] Words { get; } = words;

        public Dictionary<string, int> Forms { get; } = new(StringComparer.Ordinal);

        public bool Ambiguous { get; set; }

        public EntityType MainType => (EntityType)Array.IndexOf(_typeVotes, _typeVotes.Max());

        public void Add(string name, Mention mention, EntityType? cue)
        {
            Forms[name] = Forms.GetValueOrDefault(name) + 1;
            Vote(_typeVotes, mention.Type, 1);
            if (cue is { } cued) Vote(_typeVotes, cued, CueWeight);
        }
    }

    /// <summary>The mentions finally referring to one entity.</summary>
    private sealed class Cluster
    {
        private readonly int[] _typeVotes = new int[4];
        private string? _canonical;

        public Dictionary<string, int> Forms { get; } = new(StringComparer.Ordinal);

        public HashSet<int> Documents { get; } = [];

        public HashSet<string> Roles { get; } = new(StringComparer.OrdinalIgnoreCase);

        public int Count { get; private set; }

        public EntityType MainType => (EntityType)Array.IndexOf(_typeVotes, _typeVotes.Max());

        public void Add(string name, Mention mention, int document, EntityType? cue)
        {
            Forms[name] = Forms.GetValueOrDefault(name) + 1;
            Documents.Add(document);
            Count++;
            // Multi-word names are better typed by taggers than bare words, so they weigh more.
            Vote(_typeVotes, mention.Type, name.Contains(' ') ? 2 : 1);
            if (cue is { } cued) Vote(_typeVotes, cued, CueWeight);
            if (!string.IsNullOrWhiteSpace(mention.Role)) Roles.Add(mention.Role.Trim());
            _canonical = null;
        }

        /// <summary>The fullest well-formed variant; ties go to the most frequent, then the longest.</summary>
        public string Canonical() => _canonical ??= Forms
            .OrderByDescending(kv => NameForms.IsWellFormed(kv.Key))
            .ThenByDescending(kv => kv.Key.Count(c => c == ' '))
            .ThenByDescending(kv => kv.Value)
            .ThenByDescending(kv => kv.Key.Length)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .First().Key;
    }
}

/// <summary>Union-find with path halving and union by size.</summary>
internal sealed class DisjointSets
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public DisjointSets(int count)
    {
        _parent = new int[count];
        _size = new int[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
        }
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }
        return x;
    }

    public int Size(int x) => _size[Find(x)];

    public void Union(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        if (a == b) return;
        if (_size[a] < _size[b]) (a, b) = (b, a);
        _parent[b] = a;
        _size[a] += _size[b];
    }
}
