namespace Crosscheck.Stories.Clustering;

/// <summary>
/// Every threshold of <see cref="StoryClusterer"/>, with its default. Defaults were set on the ECB+
/// development topics (two look-alike events per topic) preferring evidence that generalises —
/// shared rare entities and event specifics — over fine threshold fitting.
/// </summary>
public sealed record ClusteringOptions
{
    public static readonly ClusteringOptions Default = new();

    // ---- similarity: a weighted sum of three cosines (each in [0,1]), then scaled by time distance ----

    /// <summary>Weight of body+title term similarity (TF-IDF cosine, IDF learned online). Default 0.45.</summary>
    public double TermWeight { get; init; } = 0.45;

    /// <summary>Weight of entity overlap (IDF-weighted cosine over entity name words). Default 0.35.</summary>
    public double EntityWeight { get; init; } = 0.35;

    /// <summary>Weight of event specifics (numbers, years, resolved dates, quantities). Default 0.20.</summary>
    public double SpecificsWeight { get; init; } = 0.20;

    /// <summary>
    /// The channel weights (in place of <see cref="TermWeight"/>, <see cref="EntityWeight"/>, <see cref="SpecificsWeight"/>) when
    /// both sides are written in one and the same analysed language (<see cref="AnalysedLanguages"/>; a story of one language): there
    /// the name words are terms too, and the entity channel counts them a second time, while two reports of different events
    /// from one outlet name the same mayor, minister or club. Null: the common weights. Default terms 0.65, entities 0.05,
    /// specifics 0.10, chosen on the training pairs of similarity-semeval2022 by the mean same / cross-language F1 over the ingest
    /// order and 8 shuffled orders (`eval similarity DIR --db FILE --tune --orders 8 --grid same-language-weights`): common weights
    /// 0.680 / 0.675, these 0.705 / 0.674 (up in all nine orders), 0.65 / 0.15 / 0.10 0.696 / 0.675, 0.55 / 0.10 / 0.15 0.700 /
    /// 0.672, 0.45 / 0.05 / 0.20 0.672 / 0.673. Among the pairs the common weights join on their own, the entity cosine told one
    /// story from two hardly at all (AUC 0.57, the term cosine 0.73); docs/BENCHMARKS.md, 2026-12-06 late evening, simil9.
    /// English is not an analysed language: its weights stay those set on ECB+.
    /// </summary>
    public ChannelWeights? AnalysedSameLanguageWeights { get; init; } = new ChannelWeights(0.65, 0.05, 0.10);

    /// <summary>
    /// Similarity is multiplied by this when both sides carry at least <see cref="SpecificsConflictMinimum"/>
    /// specifics (figures, dates) and their specifics cosine is below <see cref="SpecificsConflictCosine"/>:
    /// two reports stating several figures and dates, none of them the same, are more likely two look-alike
    /// events than one. Mild, because outlets of one event also quote different figures; 1 turns it off.
    /// Default 0.9 (ECB+ dev: B-cubed F1 0.944 -> 0.948; 0.85 reaches 0.953 but then one seed article
    /// stays apart until the end-of-input settle).
    /// </summary>
    public double SpecificsConflictFactor { get; init; } = 0.9;

    /// <summary>Specifics each side needs before their disagreement counts as a conflict. Default 5.</summary>
    public int SpecificsConflictMinimum { get; init; } = 5;

    /// <summary>Specifics cosine below which two sides are taken to share (nearly) no figure or date. Default 0.05.</summary>
    public double SpecificsConflictCosine { get; init; } = 0.05;

    /// <summary>
    /// With this above 0, a pair whose term cosine and entity cosine (as weighed, after the cross-language lifts; a channel empty
    /// on either side counts as 0) both stay under it scores 0, whatever figures and dates the two share: numbers are no evidence
    /// of one event by themselves. Without it a story whose specifics are one year ("2019") or one small number takes in articles
    /// of any language that state it and share no word or name with it (a lone Arabic article placed into a story of Italian and
    /// Spanish year-in-review pages), and the article is lost to its own story. 0 turns it off.
    /// </summary>
    public double WordsOrNamesFloor { get; init; }

    /// <summary>
    /// Similarity is multiplied by this when both sides name entities but (nearly) none of the same ones: an entity cosine
    /// below <see cref="NamesAgreeCosine"/>. Reports of one event name its participants; pages that share only a topic
    /// (two guides to one kind of product, two explainers of one technology) share its words and few names. 1 turns it off.
    /// Only placements (joins, merges) are scaled, not the article-to-article graph a split cuts. Default 0.7 with
    /// <see cref="NamesDisagreeMinimum"/> 40, chosen on streams that never saw the AEB story labels: the 793 article pages of
    /// extraction-wcxb-dev as unrelated pages (predicted pairs 219 -> 182, even half 48 -> 38), the ECB+ dev stream in five
    /// orders and the training pairs of similarity-semeval2022 (unchanged); docs/BENCHMARKS.md, 2026-12-05 morning.
    /// </summary>
    public double NamesDisagreeFactor { get; init; } = 0.7;

    /// <summary>
    /// Entity features (name words and pairs) each side needs before their disagreement counts (see <see cref="NamesDisagreeFactor"/>):
    /// a long page naming many things and none of the other's. Default 40 (at 10 and 20 ECB+ in batches of 20 lost 0.0035 B-cubed F1).
    /// </summary>
    public int NamesDisagreeMinimum { get; init; } = 40;

    /// <summary>Entity cosine below which two sides that both name entities are taken to name different ones (see <see cref="NamesDisagreeFactor"/>). Default 0.2 (0.15 tried: more false pairs kept).</summary>
    public double NamesAgreeCosine { get; init; } = 0.2;

    /// <summary>
    /// A document joins its best candidate story at or above this similarity; else it opens a story. Default 0.28.
    /// Chosen with <see cref="MergeThreshold"/> for the mean over ECB+ dev in file order, random orders
    /// and each half of its topics alone (a small corpus starts with thin IDF evidence), not for file order alone.
    /// </summary>
    public double AssignThreshold { get; init; } = 0.28;

    /// <summary>
    /// Joining a story of one article needs this much more similarity: one article against one article
    /// is thin evidence, and the pair can still meet later through a re-check or merge. Default 0.
    /// </summary>
    public double SingleArticleMargin { get; init; }

    /// <summary>
    /// An article placed against a story of its own language that still keeps its members' own profiles (up to
    /// <see cref="SplitMaxSize"/>) scores the higher of its similarity to the story's profile and this multiple of its similarity
    /// to the story's closest member (single link beside the profile's centroid link): a report joins a story whose profile the
    /// other reports have moved off its angle, where in another arrival order it would have met its closest report alone. A
    /// story holding another language (or several) is judged on its profile alone: there the member link cost cross-language
    /// pairs. So is every article of no identified language (ECB+, whose English thresholds were set on the profile alone: with
    /// the member link its bare-document pairwise F1 fell 0.9124 -> 0.9114, B-cubed of the annotated documents 0.9564 -> 0.9557). 0 turns it off.
    /// Default 0 (off). On the training pairs of similarity-semeval2022, mean same / cross F1 over the ingest order and 8
    /// shuffled orders (`eval similarity DIR --db FILE --tune --orders 8 --grid member-link`): off 0.687 / 0.676, 1.1 on
    /// stories of the article's language 0.698 / 0.677; on every story 1.0 / 1.1 gave 0.707 / 0.672 and 0.709 / 0.654, on
    /// members of the article's language in any story 1.0 / 1.1 gave 0.719 / 0.663 and 0.730 / 0.653 (docs/BENCHMARKS.md,
    /// 2026-12-06 midday, simil7). Left off because on English news whose language is identified, as every ingest
    /// identifies it, a single link makes stories depend on where batches end: the batch-agreement test of 120 real
    /// articles fell from 0.9619 / 0.9360 (mean / lowest) to 0.9608 / 0.9327 with 1.1, and the ECB+ figures, whose
    /// documents carry no language, cannot show it.
    /// </summary>
    public double MemberLinkWeight { get; init; } = 0;

    /// <summary>
    /// An article of an analysed language (<see cref="AnalysedLanguages"/>) joins a story of several articles all in its language
    /// only when at least one member alone scores this share of the join threshold against it: a story's profile blends its
    /// members, and an article that meets the blend but none of the reports in it links two events through the story (a chain).
    /// Asked of an article placed (a new one, or one still alone at a re-check or settle), not of a story of several merging with a
    /// lone article at <see cref="MergeThreshold"/>; only against stories that still keep their members' profiles (at most
    /// <see cref="SplitMaxSize"/> articles, as for <see cref="MemberLinkWeight"/>: a larger story is joined on its profile alone), and
    /// only of analysed languages, so English and articles of no identified language (ECB+) are placed as before. 0 turns it off. Default 1 (a member
    /// must reach the threshold itself), chosen with five <see cref="CrossLanguageSharedNames"/> on the training pairs of
    /// similarity-semeval2022 by the rule docs/BENCHMARKS.md states (2026-12-07 early morning, simil11; mean same / cross F1 over
    /// nine arrival orders): five shared names alone 0.718 / 0.700, with this at 1 0.720 / 0.701, at 0.75 0.719 / 0.700; with three
    /// shared names it moved nothing beyond 0.002 (0.705 / 0.673-0.674 against 0.705 / 0.674). A small effect: most false joins
    /// through a story run through a member that does reach the threshold.
    /// </summary>
    public double ClosestMemberShare { get; init; } = 1;

    /// <summary>
    /// Whether <see cref="ClosestMemberShare"/> also guards a story of several articles merging with a lone article (a re-check or
    /// settle at <see cref="MergeThreshold"/>): the lone article, when of an analysed language, must reach the share of its join
    /// threshold against one member alone, as when it is placed itself. Default false (simil12: weighed, see docs/BENCHMARKS.md).
    /// </summary>
    public bool GuardLoneMerges { get; init; }

    /// <summary>
    /// An article of an analysed language joins a story of at least three articles all in its language only when its mean
    /// similarity to the members (average link) reaches this share of its join threshold; 0 turns it off. Asked where
    /// <see cref="ClosestMemberShare"/> is. Default 0 (off; simil12: weighed, see docs/BENCHMARKS.md).
    /// </summary>
    public double AverageMemberShare { get; init; }

    /// <summary>
    /// At a settle, each article of an analysed language in a changed story of at least <see cref="ReplaceMinSize"/> articles (and
    /// at most <see cref="SplitMaxSize"/>) is scored against its story without itself; when that falls under this share of its join
    /// threshold, it leaves: to the best other story that takes it as a new article would be taken, else alone (a refinement step
    /// after the online pass, like one of k-means). 0 turns it off. Default 0.75 (simil12 weighed it; simil13 chose it with
    /// <see cref="AnalysedNameJoin"/> on nine arrival orders of the SemEval training pairs, see docs/BENCHMARKS.md).
    /// </summary>
    public double ReplaceShare { get; init; } = 0.75;

    /// <summary>
    /// With <see cref="ReplaceShare"/>: an article that still reaches its story also moves to another story that scores it at least
    /// this much higher than its own story without it does; 0: never (only articles under the share leave). Default 0.05.
    /// </summary>
    public double ReplaceMargin { get; init; } = 0.05;

    /// <summary>
    /// With <see cref="ReplaceShare"/>: each article that leaves is moved at once (its story rebuilt without it), so an article leaving
    /// later in the same pass can join it; false: all leave after the pass, each to a story that was there before it. Default false.
    /// </summary>
    public bool ReplaceInTurn { get; init; }

    /// <summary>The least size of a story whose articles the settle's re-placement (<see cref="ReplaceShare"/>) looks at. Default 2.</summary>
    public int ReplaceMinSize { get; init; } = 2;

    /// <summary>
    /// A pair of two sides in one and the same identified language whose shorter side (an article, or a story of one) has fewer
    /// distinct terms than this is held to its join threshold times √(terms / this), at least <see cref="ShortSideFloor"/> of it: a
    /// text of few terms (a headline and a paragraph, a teaser, a text cut short) that tells part of a longer one's story has a
    /// term cosine of about that root with it, where two full reports meet at the threshold. Only at join thresholds (an article's
    /// placement, a lone story's re-check and settle, the settle's re-placement), never at <see cref="MergeThreshold"/>; articles of
    /// no identified language (ECB+) and pairs across languages are placed as without it. With <see cref="ShortSideSharedNames"/> or
    /// <see cref="ShortSideTitleTermDocuments"/> the lowered threshold needs shared names or a shared rare title term too. 0 turns it off.
    /// Default 30 (simil18's cut; on since simil21, with its title-term guard: same-language training mean over nine orders 0.747 → 0.754).
    /// </summary>
    public int ShortSideTerms { get; init; } = 30;

    /// <summary>The least share of its join threshold a short side is held to (<see cref="ShortSideTerms"/>). Default 0.6.</summary>
    public double ShortSideFloor { get; init; } = 0.6;

    /// <summary>
    /// How many name features (name words and pairs of them, as the entity channel keeps them; not a country's key) the short side must
    /// share with the other side for <see cref="ShortSideTerms"/> to lower its join threshold: evidence beyond common words that the
    /// two tell one event, where two unrelated short pages meet on a few words of a topic or a site. 0: no such guard. Default 2.
    /// </summary>
    public int ShortSideSharedNames { get; init; } = 2;

    /// <summary>
    /// With this above 0, a short side (<see cref="ShortSideTerms"/>) also passes the guard when a term of its own
    /// title (the title its story keeps: the article's, or its first line when it has none) is a term of the other side and at most
    /// this many documents so far carry it: the rare word of a headline over a paywall or login text that names nobody. The guard
    /// is then shared names (<see cref="ShortSideSharedNames"/>, when above 0) or such a title term. 0: no title guard. Default 3.
    /// </summary>
    public int ShortSideTitleTermDocuments { get; init; } = 3;

    /// <summary>Two stories merge when their similarity reaches this (evidence accumulated on both sides). Default 0.40.</summary>
    public double MergeThreshold { get; init; } = 0.40;

    /// <summary>
    /// Each absent channel (a side without entities or specifics) is dropped and the weights re-normalised,
    /// but only up to this share of the total weight, so a bare document cannot join on terms alone too easily. Default 0.5.
    /// </summary>
    public double MaxDroppedWeight { get; init; } = 0.5;

    /// <summary>
    /// A new story is compared with its neighbours again after this many further arrivals (each delay
    /// once), joining one when it now reaches the assign threshold (singletons) or merge threshold.
    /// Bounded: a story is re-checked at most this many times. Default 16, 128, 1024.
    /// </summary>
    public IReadOnlyList<int> RecheckDelays { get; init; } = [16, 128, 1024];

    /// <summary>
    /// When the input ends (<see cref="StoryClusterer.Settle"/>), a story of at least this many articles that
    /// grew since it was last examined is checked for two events grown together (0 turns it off). Default 4.
    /// </summary>
    public int SplitMinSize { get; init; } = 4;

    /// <summary>Stories larger than this are not re-examined and stop keeping their articles' own profiles, bounding cost and memory. Default 64.</summary>
    public int SplitMaxSize { get; init; } = 64;

    /// <summary>Each side of a split needs at least this many articles: one odd article is not a second event. Default 3.</summary>
    public int SplitMinPart { get; init; } = 3;

    /// <summary>
    /// A story splits when the normalised cut of its best two-way partition is below this. The cut sums, for
    /// each side, the share of its similarity that goes across; an even split of one homogeneous event gives
    /// about 1, two distinct events well under it. Default 0.8 (each side keeps at least ~60% of its links inside).
    /// </summary>
    public double SplitMaxCut { get; init; } = 0.8;

    /// <summary>
    /// A less clear partition still splits, below this normalised cut, when each side has its own participant:
    /// one of its <see cref="SplitSalientNames"/> most widespread two-word names, carried by at least
    /// <see cref="SplitParticipantShare"/> of its articles, that no article of the other side mentions. Two
    /// look-alike events differ in who and where; halves of one event name the same people. Default 0.9.
    /// </summary>
    public double SplitMaxCutDistinctParticipants { get; init; } = 0.9;

    /// <summary>How many of a side's most widespread two-word names count as its participants. Default 3.</summary>
    public int SplitSalientNames { get; init; } = 3;

    /// <summary>Share of a side's articles (and at least two) that must carry a participant's name. Default 0.5.</summary>
    public double SplitParticipantShare { get; init; } = 0.5;

    /// <summary>
    /// When the input ends, an article still alone joins its most similar story from this similarity (instead of
    /// <see cref="AssignThreshold"/>) if both carry the same two-word name. The shared name is the evidence; the
    /// result barely moves between 0.10 and 0.20 on ECB+ dev. Default 0.15.
    /// </summary>
    public double SettleNameThreshold { get; init; } = 0.15;

    /// <summary>
    /// The kinds of name a shared two-word name must mostly have been tagged as (by the documents that typed it: the name
    /// statistics kept with the story state) to count for <see cref="SettleNameThreshold"/>. Default people, places and other
    /// names, not organisations: the title-case topic phrases of guides and listings ("Social Media Marketing", "HR
    /// Management", "Robot Vacuum") are what the entity tagger takes for organisations. A name no document typed (no tagging
    /// model, or statistics stored before the kinds were kept) counts as before; all four kinds ignore the kind. Chosen on the
    /// even half of the extraction-wcxb-dev article pages as unrelated pages (predicted pairs 42 -> 23) with ECB+ dev in one
    /// batch and batches of 20 unchanged (people and places alone: 22 pairs, but batches of 20 lower); docs/BENCHMARKS.md,
    /// 2026-12-05 midday.
    /// </summary>
    public NameTypes SettleNameTypes { get; init; } = NameTypes.Person | NameTypes.Loc | NameTypes.Misc;

    /// <summary>
    /// Where the end-of-batch join of a lone article on a shared two-word name (<see cref="SettleNameThreshold"/>) is made for articles
    /// of an analysed language (<see cref="AnalysedLanguages"/>); English and articles of no language are joined as before whatever
    /// this says. Default <see cref="AnalysedNameJoin.NotWithinOneLanguage"/> (simil13: within one analysed language the name join made
    /// about nine false pairs of the SemEval training pairs per arrival order to one true; see docs/BENCHMARKS.md).
    /// </summary>
    public AnalysedNameJoin AnalysedNameJoin { get; init; } = AnalysedNameJoin.NotWithinOneLanguage;

    /// <summary>
    /// Whether the end-of-batch join of a lone article on a shared name (<see cref="SettleNameThreshold"/>, below the assign
    /// threshold) waits while both the article and the story it would join are younger than the first of <see cref="RecheckDelays"/>
    /// (arrivals since their first article); a later settle takes the join up once the article has waited that long. In a stream of
    /// small ingests a settle comes soon after an article arrives, while the other reports of its event (and of a look-alike
    /// event) are still arriving: a lone report joined on a shared name a story a look-alike's first reports had just opened, and
    /// later placements built on the mix, which the split could not undo with thin sides. One batch settles only at the end,
    /// when both were long formed. The wait is the re-check's own delay, no new threshold. ECB+ dev B-cubed F1 (the set the other
    /// thresholds were chosen on): batches of 20 in file order 0.9432 -> 0.9495, one batch 0.9512 and random:1,2,3
    /// 0.9500 / 0.9473 / 0.9539 unchanged; waiting on the article's age alone gave 0.9487 but random 0.9500 / 0.9450 / 0.9496.
    /// extraction-wcxb-dev even half as unrelated pages: 23 / 25 predicted pairs unchanged; docs/BENCHMARKS.md, 2026-12-05
    /// afternoon (cluster8). False restores the earlier placement exactly.
    /// </summary>
    public bool NameJoinWaitsForFirstRecheck { get; init; } = true;

    /// <summary>
    /// Whether a stream's decisions taken on young word statistics are looked at again once they have matured: a story split
    /// off at a settle gets the re-checks a newly opened story gets (<see cref="RecheckDelays"/>), and a story of several
    /// articles whose re-check comes due without a merge is divided afresh with its nearest neighbours at the next settle (the
    /// repartition a changed story gets), so an article a split put on the wrong side on the statistics of its batch goes back.
    /// No new threshold. Default true (ECB+ dev in batches of 20, file order: 0.9495 -> 0.9514; one batch, random orders and
    /// topics 18-35 alone unchanged; docs/BENCHMARKS.md, 2026-12-05 late evening, cluster9). False restores the earlier placement exactly.
    /// </summary>
    public bool RevisitWhenRecheckDue { get; init; } = true;

    /// <summary>How many of a changed story's nearest neighbours (at least <see cref="SettleNameThreshold"/> similar) the end-of-batch repartition looks at with it.</summary>
    public int RepartitionNeighbours { get; init; } = 3;

    // ---- features ----

    /// <summary>Title words count this many times a body word. Default 2.</summary>
    public double TitleBoost { get; init; } = 2.0;

    /// <summary>
    /// Words, names and numbers of the lead (first <see cref="LeadWords"/> words) count this many times:
    /// the lead states the event itself, the rest adds background shared with look-alikes. Default 3.
    /// </summary>
    public double LeadBoost { get; init; } = 3.0;

    /// <summary>The lead starts at the first line with at least this many words (prose, not menus or teasers). Default 10.</summary>
    public int LeadMinLineWords { get; init; } = 10;

    /// <summary>Words on a line that looks like page chrome (teaser ending in an ellipsis, title-cased headline, fragment) count this much. Default 0.25.</summary>
    public double ChromeLineWeight { get; init; } = 0.25;

    /// <summary>A line with fewer words than this is a fragment (menu item, label) rather than prose. Default 4.</summary>
    public int ChromeMaxWords { get; init; } = 4;

    /// <summary>How many body words form the lead. Default 60.</summary>
    public int LeadWords { get; init; } = 60;

    /// <summary>
    /// Languages whose terms are stems without stop words (<see cref="LanguageTerms"/>); the others, and articles
    /// of no identified language, keep the folded words of the language-neutral scanner. English is left out:
    /// the ECB+ figures were set on its unstemmed words. Default: the other eleven news languages.
    /// </summary>
    public IReadOnlySet<string> AnalysedLanguages { get; init; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ar", "de", "es", "fr", "it", "nl", "pl", "pt", "ru", "tr", "zh",
    };

    /// <summary>
    /// The assign threshold of an article whose terms are stems (<see cref="AnalysedLanguages"/>); null: the same
    /// <see cref="AssignThreshold"/> as every article. Stop words dropped and inflections merged change the scale of
    /// the term cosine, and the ECB+ figures that set the assign threshold are English. Default 0.22, chosen on the
    /// training pairs of similarity-semeval2022 (mean of same- and cross-language F1 there: 0.674 at the common 0.28,
    /// 0.674 at 0.24, 0.692 at 0.22, 0.675 at 0.20; docs/BENCHMARKS.md, 2026-12-05 night 2).
    /// </summary>
    public double? AnalysedAssignThreshold { get; init; } = 0.22;

    /// <summary>
    /// Across two languages the term cosine is multiplied by this (at most 1): only names, cognates and numbers
    /// written as words can be shared, so the same story scores far lower on terms than within one language. Default 2.5,
    /// chosen with <see cref="CrossLanguageEntityScale"/> and <see cref="CrossLanguageSharedNames"/> on the training pairs of
    /// similarity-semeval2022 (`crosscheck eval similarity DIR --db FILE --tune`, or re-clustering one stored ingest;
    /// cross-language F1 on those pairs 0.44 at 1 and 1, 0.65 at 2 and 2.5 with the entity models of 2026-12-05 night 2;
    /// with the format-3 models of de/es/nl/ru and three shared entity features: 0.667 at 2 and 2.5, 0.677 at 2.5 and 2.5,
    /// **0.689 at 2.5 and 2**; docs/BENCHMARKS.md, 2026-12-05 afternoon).
    /// </summary>
    public double CrossLanguageTermScale { get; init; } = 2.5;

    /// <summary>
    /// Across two languages the entity cosine is multiplied by this (at most 1): names are spelled apart in each
    /// ("Poutine", "Putin") and the entity tagger finds fewer of them in some languages. How far to lift depends on how many
    /// name words a side carries that cannot meet the other language's: the format-3 German model no longer takes
    /// capitalised nouns for names (a German article's entity features in the cross-language training pairs: 21.6 -> 16.3
    /// on average), so the same shared names give a higher cosine than with the models this was first chosen with (2.5).
    /// Country keys (<see cref="CountryKeys"/>) add to both sides' entity norms across languages, so the lift goes back to
    /// 2.5 with them. Default 2.5, chosen with the keys on the training pairs of similarity-semeval2022 (same / cross F1
    /// 0.718 / 0.683 at 2, **0.718 / 0.715 at 2.5**, 0.715 / 0.672 at 3, with terms x2.5 and 3 shared names; terms x3:
    /// 0.721 / 0.710; shared names 2 / 4: 0.723 / 0.709, 0.718 / 0.698; docs/BENCHMARKS.md, 2026-12-06 night, simil4).
    /// </summary>
    public double CrossLanguageEntityScale { get; init; } = 2.5;

    /// <summary>
    /// Across two languages an entity cosine resting on fewer shared entity features (name words and word pairs) than this
    /// is scaled down in proportion (one shared word: a third at 3), after <see cref="CrossLanguageEntityScale"/>: a lone
    /// shared place or acronym says little about one event, yet across languages it was lifted like a shared full name,
    /// and different stories met on it (most of the cross-language joins the format-3 entity models added were such).
    /// 0 turns it off. A shared country key (<see cref="CountryKeys"/>) counts as one of them. Default 5, chosen on the training
    /// pairs of similarity-semeval2022 by the mean same / cross F1 over the ingest order and 8 shuffled orders (`eval similarity
    /// DIR --db FILE --tune --orders 8 --grid story-joins`): 3 (the earlier default, set in the ingest order alone) 0.705 / 0.674,
    /// 5 0.718 / 0.700, up in 8 of the 9 orders; 2 / 4 / 6 (with terms x2) gave 0.655 / 0.684 / 0.686 across (docs/BENCHMARKS.md,
    /// 2026-12-06 late night, simil10, and 2026-12-07 early morning, simil11).
    /// </summary>
    public int CrossLanguageSharedNames { get; init; } = 5;

    /// <summary>
    /// The English words a <see cref="Glossary"/> gives a stem of an analysed language are added as terms at this
    /// share of the stem's weight (split among them), so articles meet across languages through their translated
    /// words; 0 turns it off. Default 0: measured with FreeDict glossaries of nine languages on the training pairs of
    /// similarity-semeval2022, weights 0.5, 1 and 2 moved cross-language F1 by at most 0.006 and same-language by at
    /// most 0.012 either way (at the assign threshold 0.22 of analysed terms, 1 gave 0.709 / 0.656 against 0.706 / 0.677).
    /// </summary>
    public double GlossWeight { get; init; }

    /// <summary>
    /// <see cref="GlossWeight"/> for Chinese alone (which <see cref="GlossWeight"/> leaves unglossed): a Chinese character pair that
    /// is a headword of the Chinese glossary (Glossary/zh.tsv.gz, from CC-CEDICT) adds its English words as terms at this share of
    /// its weight, so a Chinese and an English report of one event share terms ("地震" and "earthquake"), where without it they
    /// share only figures and the Latin names the Chinese text keeps. 0 turns it off. Default 3 (simil15: chosen over x2 on nine
    /// arrival orders of the SemEval training pairs, cross-language mean 0.711 → 0.733, same-language unmoved; docs/BENCHMARKS.md).
    /// </summary>
    public double ChineseGlossWeight { get; init; } = 3;

    /// <summary>
    /// Whether an article of an identified language that names people or organisations also carries the
    /// language-neutral key of each country it names (<see cref="CountryNames"/>: "Allemagne" and "Germany" share one),
    /// as an entity feature weighted as a place mention; the key counts only across languages, and within one language it
    /// leaves the entity norms too, so it changes no same-language score of two articles.
    /// Default on: training pairs of similarity-semeval2022 gave same / cross-language F1 0.714 / 0.661 without, 0.718 /
    /// 0.683 with (docs/BENCHMARKS.md, 2026-12-06 night, simil4; simil3 measured 0.718 / 0.656 and 0.719 / 0.694 on its
    /// tree). Before the norms left the keys out, the keys lowered every same-language entity cosine of an article naming a
    /// country, and one seed article left its story (`eval seeds` 66/80, now 80/80 with them on).
    /// </summary>
    public bool CountryKeys { get; init; } = true;

    /// <summary>
    /// Whether articles of an identified language also carry sound keys of their names (<see cref="Clustering.HanNameKeys"/>): a
    /// Chinese article those of the foreign names it writes in Han characters, any other article those of its name words. The
    /// keys count only between an article or story in Chinese and one with no Chinese (within one language and between two
    /// other scripts they are neither compared nor in the norms), and only with <see cref="CountryKeys"/> on (off, none are made).
    /// Default off: on the training pairs of similarity-semeval2022, mean same / cross F1 over the ingest order and 8 shuffled orders
    /// (`eval similarity DIR --db FILE --tune --orders 8 --grid han-names`) 0.680 / 0.675 off, 0.682 / 0.676 on: within the order
    /// range (cross 0.639-0.720); a higher entity lift across Han and names compared there by their keys alone lost
    /// (docs/BENCHMARKS.md, 2026-12-06 evening, simil8).
    /// </summary>
    public bool HanNameKeys { get; init; }

    /// <summary>
    /// The score of two sides in different languages of which one writes Chinese and the other does not is multiplied by this:
    /// there neither terms nor names can be spelled alike (Chinese writes foreign names in Han, whose pinyin meets no Latin
    /// spelling), so one story scores far lower than across two Latin-script languages and only the figures and dates are
    /// left to meet; equivalent to a lower join threshold for that kind of pair. 1 turns it off. Default 1 (off): on the training
    /// pairs of similarity-semeval2022 (`eval similarity DIR --db FILE --tune --orders 8 --grid cross-han`) no setting passed the
    /// rule set before the runs (docs/BENCHMARKS.md, 2026-12-06 late night, simil10).
    /// </summary>
    public double CrossHanScale { get; init; } = 1;

    /// <summary>Place mentions (LOC) weigh this many times other entity words: where it happened is an event specific. Default 1.5.</summary>
    public double PlaceBoost { get; init; } = 1.5;

    /// <summary>Words read per document at most; bounds the cost of a huge or hostile input. Default 20000.</summary>
    public int MaxWordsPerDocument { get; init; } = 20_000;

    /// <summary>Terms kept in a story centroid (highest weight first), bounding comparison cost. Default 300.</summary>
    public int CentroidTerms { get; init; } = 300;

    /// <summary>Entity words kept in a story profile. Default 120.</summary>
    public int CentroidEntities { get; init; } = 120;

    /// <summary>Specifics kept in a story profile. Default 80.</summary>
    public int CentroidSpecifics { get; init; } = 80;

    // ---- candidate retrieval through the inverted index (bounded time per document) ----

    /// <summary>Highest-weighted terms of a document used to look up candidate stories. Default 25.</summary>
    public int IndexTermsPerDocument { get; init; } = 25;

    /// <summary>Entity words of a document used to look up candidates. Default 25.</summary>
    public int IndexEntitiesPerDocument { get; init; } = 25;

    /// <summary>Specifics of a document used to look up candidates. Default 15.</summary>
    public int IndexSpecificsPerDocument { get; init; } = 15;

    /// <summary>Most recent postings read per feature; older postings are ignored and trimmed. Default 256.</summary>
    public int PostingScanLimit { get; init; } = 256;

    /// <summary>
    /// Candidate stories scored in full per document (best by index overlap). 0 scores none, as 0 postings read or 0 features
    /// looked up find none: an article then joins a story only as a copy of its original (<see cref="UseSyndication"/>). Negative
    /// is refused when the clusterer is made. Default 24.
    /// </summary>
    public int MaxCandidates { get; init; } = 24;

    // ---- time ----

    /// <summary>No time penalty while a document is within this many days of a story's span. Default 3.</summary>
    public double TimeGraceDays { get; init; } = 3;

    /// <summary>Beyond the grace period similarity decays by e^(-days/this). Default 10.</summary>
    public double TimeDecayDays { get; init; } = 10;

    /// <summary>A story idle (no new article) this many days leaves the index: old look-alikes stay apart and cost stays flat. Default 30.</summary>
    public double MaxIdleDays { get; init; } = 30;

    /// <summary>For undated input, a story leaves the index after this many later arrivals without a new article. Default 50000.</summary>
    public int MaxIdleArrivals { get; init; } = 50_000;

    // ---- syndication ----

    /// <summary>When true a near-duplicate copy joins the story of its original directly. Default true.</summary>
    public bool UseSyndication { get; init; } = true;

    /// <summary>
    /// When true a template page (<see cref="Fingerprints.TemplatePageDetector"/>: a text that is mostly a block another recent
    /// text holds verbatim, under an own part unrelated to it, such as a cookie notice or paywall form under a headline) is placed
    /// with no features: it is stored and has a story of its own, but joins no story and no article joins it by similarity (a
    /// near-copy of it can still join it through <see cref="UseSyndication"/>, unless it is found a template page itself).
    /// "Recent" is among the last 5,000 texts placed and, with a store, placed since the last save: like the syndication
    /// detector's, its texts are not stored state, so a template page whose twin an earlier ingest placed is not found. Default
    /// true (simil17, docs/BENCHMARKS.md: the SemEval training pairs' same-language mean over nine orders 0.740 → 0.747).
    /// </summary>
    public bool TemplatePages { get; init; } = true;
}

/// <summary>The weights of the three similarity channels (<see cref="ClusteringOptions.AnalysedSameLanguageWeights"/>).</summary>
public readonly record struct ChannelWeights(double Terms, double Entities, double Specifics)
{
    public double Of(int channel) => channel switch { 0 => Terms, 1 => Entities, _ => Specifics };
}

/// <summary>Where <see cref="ClusteringOptions.AnalysedNameJoin"/> lets the settle join a lone article of an analysed language on a shared name below its threshold.</summary>
public enum AnalysedNameJoin
{
    /// <summary>As for every language.</summary>
    Always,

    /// <summary>Not when the lone article and the story it would join are both of that one language alone.</summary>
    NotWithinOneLanguage,

    /// <summary>Never: a lone article of an analysed language joins at the settle only at its join threshold.</summary>
    Never,
}
