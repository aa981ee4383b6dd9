using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Xunit;

namespace Crosscheck.Core.Tests.Text;

public class LexiconTests
{
    private const string Months = "WordLists/months.txt";

    [Fact]
    public void Exact_keeps_entries_as_written_and_compares_ordinally()
    {
        var months = Lexicon.Rows(Lexicon.Shared, Months, LexiconCase.Exact).Select(row => row[0]).ToList();
        Assert.Contains("May", months);
        Assert.DoesNotContain("may", months);

        var set = Lexicon.Rows(Lexicon.Shared, Months, LexiconCase.Exact).Select(row => row[0]).ToHashSet(Lexicon.Comparer(LexiconCase.Exact));
        Assert.DoesNotContain("march", set);
    }

    [Fact]
    public void Lower_lower_cases_the_entries()
    {
        var months = Lexicon.Rows(Lexicon.Shared, Months, LexiconCase.Lower).ToList();
        Assert.Contains(months, row => row is ["may", "5"]);
        Assert.All(months, row => Assert.Equal(row[0].ToLowerInvariant(), row[0]));
    }

    [Fact]
    public void IgnoreCase_sets_find_any_casing_also_by_span()
    {
        var weekdays = Lexicon.Set(Lexicon.Shared, "WordLists/weekdays.txt", LexiconCase.IgnoreCase);
        Assert.Contains("Monday\t1", (IReadOnlySet<string>)weekdays);
        Assert.True(Lexicon.Contains(weekdays, "MONDAY\t1".AsSpan()));
        Assert.False(Lexicon.Contains(weekdays, "Mondays\t1".AsSpan()));
    }

    [Fact]
    public void Comments_and_blank_lines_are_never_entries()
    {
        foreach (var list in new[] { "roles", "source-nouns", "determiners", "months", "weekdays", "function-words", "function-words-short", "function-words-long" })
        {
            var lines = Lexicon.Lines(Lexicon.Shared, $"WordLists/{list}.txt", LexiconCase.Exact);
            Assert.NotEmpty(lines);
            Assert.All(lines, line =>
            {
                Assert.DoesNotContain('#', line);
                Assert.Equal(line.Trim(), line);
                Assert.NotEqual("", line);
            });
        }
    }

    [Fact]
    public void Several_lists_make_one_set()
    {
        var both = Lexicon.Set(LexiconCase.Lower, (Lexicon.Shared, Months), (Lexicon.Shared, "WordLists/weekdays.txt"));
        Assert.Contains("may\t5", (IReadOnlySet<string>)both);
        Assert.Contains("monday\t1", (IReadOnlySet<string>)both);
    }

    [Fact]
    public void A_missing_list_names_its_path_and_assembly()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Lexicon.Lines(typeof(TextSpan).Assembly, "WordLists/no-such-list.txt", LexiconCase.Exact));
        Assert.Contains("WordLists/no-such-list.txt", error.Message);
        Assert.Contains("Crosscheck.Core", error.Message);
    }
}
