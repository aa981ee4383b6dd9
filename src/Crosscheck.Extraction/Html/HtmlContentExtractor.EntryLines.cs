using System.Text.RegularExpressions;
using Crosscheck.Core.Model;

namespace Crosscheck.Extraction.Html;

internal sealed partial class HtmlContentExtractor
{
    /// <summary>
    /// The share of a product page's paragraphs that comes before a heading of its reviews or recommendations can end
    /// it: nearer the top, such a line is the rating beside the product's name ("Reviews (12)"), not the section.
    /// </summary>
    private const double MinShareBeforeProductTail = 0.3;

    /// <summary>The longest line read as the heading of a product page's reviews or recommendations.</summary>
    private const int MaxProductTailHeadingChars = 50;

    /// <summary>
    /// The paragraphs without the lines a page of the given type carries about its entries rather than as its text (a
    /// product's reviews, counters and price labels), and without placeholder text on any page.
    /// </summary>
    internal static List<string> WithoutEntryLines(List<string> paragraphs, PageType pageType)
    {
        var kept = paragraphs;
        if (pageType == PageType.Product) kept = WithoutProductTail(kept);
        // A product page's and a thread's lines with no word in them are ratings, counters, vote tallies and lone
        // prices; on a listing, an article or a service page such a line is as often an entry's or the text's own
        // figure (a price in a grid, a step's number).
        if (pageType is PageType.Product or PageType.Forum) kept = [.. kept.Where(p => HasWord().IsMatch(p))];
        // "Regular price $20", "Sale price $12 Regular price $20", "Unit price / per": the shop's label of a price, a
        // line of each entry on a product page and on a shop's grid.
        if (pageType is PageType.Product or PageType.Listing) kept = [.. kept.Where(p => !PriceLabel().IsMatch(p))];
        kept = [.. kept.Where(p => !Placeholder().IsMatch(p))];
        // A page made only of such lines shows them rather than nothing.
        return kept.Count > 0 ? kept : paragraphs;
    }

    /// <summary>
    /// A product page without its customer reviews and its recommendations of other products ("Reviews", "Customer
    /// reviews", "1,204 ratings", "You may also like", "Customers also bought"): the page's own text describes the
    /// product, and these sections follow it, so the first such heading after the first part of the page ends it.
    /// </summary>
    internal static List<string> WithoutProductTail(List<string> paragraphs)
    {
        for (var i = (int)Math.Ceiling(paragraphs.Count * MinShareBeforeProductTail); i < paragraphs.Count; i++)
        {
            var line = paragraphs[i].Trim();
            if (line.Length < MaxProductTailHeadingChars && (ReviewsHeading().IsMatch(line) || RecommendationsHeading().IsMatch(line)))
                return paragraphs.GetRange(0, i);
        }
        return paragraphs;
    }

    [GeneratedRegex(@"^(?:customer |product |top |all |read |verified )?(?:reviews?|ratings?(?: (?:&|and) reviews?)?)(?: \(\d[\d,]*\))?:?$|^\d[\d,]* (?:customer |global )?(?:reviews?|ratings?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReviewsHeading();

    [GeneratedRegex(@"^(?:you (?:may|might) also (?:like|love|need)|related products?|similar (?:products?|items?)|customers (?:also|who) .*|frequently bought together|recently viewed.*|people (?:also|who) .*|recommended (?:for you|products?)|more from .*|complete the look|pairs well with|shop the look|goes well with)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RecommendationsHeading();

    /// <summary>A run of two letters or more: a line without one holds only figures and signs.</summary>
    [GeneratedRegex(@"\p{L}{2}", RegexOptions.CultureInvariant)]
    private static partial Regex HasWord();

    [GeneratedRegex(@"^(?:(?:regular|sale|unit|original|current|list|was|now|from|our|your)\s+)*price\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriceLabel();

    /// <summary>The typesetters' filler a template shows until its text is written: never a page's content.</summary>
    [GeneratedRegex(@"\blorem ipsum\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
