using Crosscheck.Core.Text;
using Xunit;

namespace Crosscheck.Core.Tests.Text;

public sealed class SentenceMarksTests
{
    [Theory]
    [InlineData('.')]
    [InlineData('?')]
    [InlineData('!')]
    [InlineData('\u2026')] // …
    [InlineData('\u3002')] // 。
    [InlineData('\uFF1F')] // ？
    [InlineData('\uFF01')] // ！
    public void Sentence_end_marks_of_every_script_end_a_sentence(char mark) => Assert.True(SentenceMarks.EndsSentence(mark));

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData(':')]
    [InlineData('"')]
    [InlineData('\u3001')] // 、 the ideographic comma
    public void Pauses_and_quotes_do_not_end_a_sentence(char mark) => Assert.False(SentenceMarks.EndsSentence(mark));

    [Theory]
    [InlineData("Officials said it was over.", 0, true)]
    [InlineData("It was over.  Officials said so.", 14, true)]
    [InlineData("It was over\u2026 Officials said so.", 13, true)]
    [InlineData("A headline\nOfficials said so.", 11, true)]
    [InlineData("On Monday Officials said so.", 10, false)]
    [InlineData("It was over, Officials said.", 13, false)]
    public void A_word_opens_a_sentence_only_after_spaces_from_an_end_mark_a_line_break_or_the_start(string text, int position, bool opens)
        => Assert.Equal(opens, SentenceMarks.OpensSentence(text, position));
}
