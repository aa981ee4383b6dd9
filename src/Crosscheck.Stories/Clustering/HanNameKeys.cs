using System.Text;

namespace Crosscheck.Stories.Clustering;

/// <summary>
/// A sound key that lets a foreign name written in Han characters meet its Latin spelling: Chinese writes "Trump" as
/// 特朗普 (te-lang-pu), "Istanbul" as 伊斯坦布尔 (yi-si-tan-bu-er), and the pinyin AnyAscii gives meets no English spelling.
/// Both sides are reduced to the consonants Chinese transliteration keeps: each Han syllable to its initial and a nasal
/// coda (-n, -ng), a Latin name to its consonants; voiced and voiceless stops merge, r and l merge (Chinese renders r as l),
/// m, n and ng merge, and so do the sibilants. "Trump" and 特朗普 are both "tlnp", "Grimsby" and 格里姆斯比 "klnsp".
/// Only runs of the characters Chinese uses to transliterate foreign names (the common ones of the standard table for
/// foreign personal names) are keyed: other Han text would give keys of chance.
/// </summary>
public static class HanNameKeys
{
    /// <summary>Marks an entity feature that is a sound key (after <see cref="DocumentFeatures.CountryKeyPrefix"/>, so it is a language-neutral key).</summary>
    internal const string Prefix = DocumentFeatures.CountryKeyPrefix + "~";

    /// <summary>Fewer consonants than this say too little: two-consonant keys meet by chance.</summary>
    private const int MinimumLength = 3;

    /// <summary>Longer keys are cut to this (bounds the key space <see cref="IsKeyFeature"/> enumerates, and how much of a name is read).</summary>
    private const int MaximumLength = 6;

    private const string KeyLetters = "ptksnlf";

    /// <summary>The characters Chinese writes foreign names with (the common ones of the standard transliteration table).</summary>
    private static readonly HashSet<char> TransliterationCharacters =
        [.. "阿埃艾爱安昂奥澳巴拜班邦保鲍贝本比彼毕宾波伯勃博布查察彻达代戴丹道德登迪蒂丁东杜敦多厄恩尔法凡范菲费芬丰弗福富盖甘冈戈哥格根贡古瓜圭哈海汉豪赫亨洪胡华霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎昆拉腊莱赖兰朗劳勒雷蕾里利莉连林琳隆卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米密明莫默姆穆纳娜奈南内尼涅纽努诺欧帕潘庞佩彭皮普奇齐恰乔切钦琼丘萨塞赛桑瑟森沙莎尚舍施什舒斯松苏索塔泰坦汤唐特滕提廷图托瓦万旺威韦维温文沃乌伍西希锡席夏谢辛休雅亚扬耶叶伊因尤约扎泽詹兹祖佐蓬歇茨"];

    private static readonly Lazy<HashSet<long>> KeyFeatures = new(() =>
    {
        var ids = new HashSet<long>();
        void Add(string key)
        {
            if (key.Length >= MinimumLength) ids.Add(FeatureSpace.KeyOf(StoryClusterer.EntityChannel, Prefix + key));
            if (key.Length == MaximumLength) return;
            foreach (var letter in KeyLetters)
            {
                if (key.Length == 0 || key[^1] != letter) Add(key + letter);
            }
        }
        Add("");
        return ids;
    });

    /// <summary>
    /// Whether articles carry sound keys under <paramref name="options"/>: <see cref="ClusteringOptions.HanNameKeys"/> on, and
    /// <see cref="ClusteringOptions.CountryKeys"/> too, since only the clusterer's way with country keys takes uncounted keys out of the norms.
    /// </summary>
    internal static bool AreMade(ClusteringOptions options) => options.HanNameKeys && options.CountryKeys;

    /// <summary>Whether an entity feature id is a sound key.</summary>
    internal static bool IsKeyFeature(long id) => KeyFeatures.Value.Contains(id);

    /// <summary>The sound key of a folded Latin name word (lower-case ASCII, as <see cref="Words.Fold"/> gives), or null.</summary>
    public static string? OfLatin(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        // Chinese drops an English final "-er" (Chester: 切斯特) and writes "ng", "sh", "ch", "th" as one sound.
        var word = folded.Length > 4 && folded.EndsWith("er", StringComparison.Ordinal) ? folded[..^2] : folded;
        var key = new StringBuilder(MaximumLength);
        for (var i = 0; i < word.Length && key.Length < MaximumLength; i++)
        {
            var c = word[i];
            var next = i + 1 < word.Length ? word[i + 1] : '\0';
            if (c == 'n' && next == 'g' || c is 's' or 'c' or 'z' or 't' && next == 'h') i++;
            Append(key, c switch
            {
                'b' or 'p' => 'p',
                'd' or 't' when next == 'h' => 's',
                'd' or 't' => 't',
                'g' or 'k' or 'c' or 'q' when next != 'h' => 'k',
                'c' or 's' or 'z' or 'x' or 'j' => 's',
                'r' or 'l' => 'l',
                'm' or 'n' => 'n',
                'f' or 'v' => 'f',
                _ => '\0',
            });
        }
        return Finish(key);
    }

    /// <summary>The runs of transliteration characters in <paramref name="text"/> (two or more) with their keys and offsets.</summary>
    public static IEnumerable<(string Key, int Start)> OfHanNames(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && TransliterationCharacters.Contains(text[i]))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0 && i - start >= 2 && OfHan(text.AsSpan(start, i - start)) is { } key) yield return (key, start);
            start = -1;
        }
    }

    /// <summary>The sound key of a run of Han characters, each read as its pinyin syllable (AnyAscii), or null.</summary>
    public static string? OfHan(ReadOnlySpan<char> run)
    {
        var key = new StringBuilder(MaximumLength);
        foreach (var character in run)
        {
            // The key is cut to its first letters: the rest of a long run (article text is anyone's) is not read.
            if (key.Length >= MaximumLength) break;
            var syllable = AnyAscii.Transliteration.Transliterate(character.ToString()).ToLowerInvariant();
            if (syllable == "er")
            {
                Append(key, 'l');
                continue;
            }
            var (initial, rest) = syllable.Length >= 2 && syllable[1] == 'h' && syllable[0] is 'z' or 'c' or 's'
                ? ('s', syllable[2..])
                : syllable.Length == 0 ? ('\0', "") : (syllable[0] switch
                {
                    'b' or 'p' => 'p',
                    'd' or 't' => 't',
                    'g' or 'k' => 'k',
                    'j' or 'q' or 'x' or 'z' or 'c' or 's' or 'r' => 's',
                    'l' => 'l',
                    'm' or 'n' => 'n',
                    'f' => 'f',
                    _ => '\0',
                }, syllable[1..]);
            Append(key, initial);
            if (rest.EndsWith('n') || rest.EndsWith("ng", StringComparison.Ordinal)) Append(key, 'n');
        }
        return Finish(key);
    }

    private static void Append(StringBuilder key, char sound)
    {
        if (sound != '\0' && (key.Length == 0 || key[^1] != sound)) key.Append(sound);
    }

    private static string? Finish(StringBuilder key) =>
        key.Length < MinimumLength ? null : key.ToString(0, Math.Min(key.Length, MaximumLength));
}
