using Crosscheck.Annotation.Quantities;
using Crosscheck.Annotation.Sentences;
using Crosscheck.Annotation.Tests.Claims;
using Crosscheck.Core.Model;
using Xunit;

namespace Crosscheck.Annotation.Tests.Quantities;

/// <summary>One test per case of the quantity rules: units, glued numbers, rates, ranges, signs, fractions, ages, pounds, and what is not a quantity.</summary>
public class QuantityRuleTests
{
    private static Quantity[] Run(string text, QuantityOptions? options = null) => QuantityRecognizerTests.Run(text, options: options);

    private static Quantity One(string text, double value, string? unit, QuantityKind kind)
    {
        var q = Assert.Single(Run(text));
        Assert.Equal(value, q.Value, 6);
        Assert.Equal(unit, q.Unit);
        Assert.Equal(kind, q.Kind);
        return q;
    }

    [Theory]
    [InlineData("The plant can generate 1,200 MW of power.", 1200, "MW")]
    [InlineData("The engine produces 300 horsepower.", 300, "hp")]
    [InlineData("The barge can carry 1,500 tons of coal.", 1500, "ton")]
    [InlineData("The mill produced 40,000 tonnes of steel.", 40000, "t")]
    [InlineData("Farmers harvested 3.2 million metric tons of wheat.", 3.2e6, "t")]
    [InlineData("The ship carried 2 million barrels of oil.", 2e6, "bbl")]
    [InlineData("It was 95 degrees Fahrenheit in the shade.", 95, "°F")]
    [InlineData("The storm packed winds of 120 miles per hour.", 120, "mph")]
    [InlineData("The battery stores 13.5 kWh of energy.", 13.5, "kWh")]
    public void Measures_get_their_normalised_unit(string text, double value, string unit) => One(text, value, unit, QuantityKind.Measure);

    [Theory]
    [InlineData("The phone ships with 256GB of storage.", 256, "GB")]
    [InlineData("It has a 4,500mAh battery.", 4500, "mAh")]
    [InlineData("Drivers were clocked at 50mph on the bridge.", 50, "mph")]
    [InlineData("The train reached 140 km/h on the new track.", 140, "km/h")]
    [InlineData("The tractor has a 75hp engine.", 75, "hp")]
    [InlineData("The climber fell about 600m down the face.", 600, "m")]
    public void Units_glued_to_the_number_are_read(string text, double value, string unit) => One(text, value, unit, QuantityKind.Measure);

    [Theory]
    [InlineData("A plate of noodles costs RM23.50 at the stall.", 23.5, "MYR")]
    [InlineData("The miner raised AUD1.5m from investors.", 1.5e6, "AUD")]
    [InlineData("The developer paid HK$3.7bn for the site.", 3.7e9, "HKD")]
    [InlineData("Tickets cost €1,200 for the week.", 1200, "EUR")]
    [InlineData("The country received US$55.9 million in aid.", 55.9e6, "USD")]
    [InlineData("Thieves pulled off a two million-euro heist.", 2e6, "EUR")]
    public void Currencies_glued_to_the_number_are_read(string text, double value, string unit) => One(text, value, unit, QuantityKind.Money);

    [Fact]
    public void A_glued_pc_is_a_percentage() => One("Inflation eased to 1.38pc in March.", 1.38, "%", QuantityKind.Percent);

    [Theory]
    [InlineData("Brent crude settled at $58.24 per barrel on Friday.", 58.24, "bbl")]
    [InlineData("The company will pay 12 cents per share.", 0.12, "share")]
    [InlineData("The agency spends $10.8 million a month on fuel.", 10.8e6, "month")]
    [InlineData("Nurses earn about $45 an hour.", 45, "h")]
    public void Rates_keep_what_they_are_per(string text, double value, string per)
    {
        var q = Assert.Single(Run(text));
        Assert.Equal(value, q.Value, 6);
        Assert.Equal(per, q.Period);
    }

    [Theory]
    [InlineData("Prices ranged from $800,000 to $1.3 million.", 800000, 1.3e6)]
    [InlineData("Organisers expect between 2,500 and 3,000 runners.", 2500, 3000)]
    [InlineData("The hall seats 2,500-3,000 people.", 2500, 3000)]
    [InlineData("He blamed two or three clans for the attack.", 2, 3)]
    public void Ranges_are_one_quantity_with_low_and_high(string text, double low, double high)
    {
        var q = Assert.Single(Run(text));
        Assert.Equal(low, q.Value);
        Assert.Equal(high, q.High);
    }

    [Theory]
    [InlineData("The shares rose 8.1 percent to 99.20 yuan.", 8.1, "%", 99.2, "CNY")]
    [InlineData("Unemployment rose 0.4 percentage points to 5.1%.", 0.4, "pp", 5.1, "%")]
    [InlineData("Fares will rise from $2.75 to $3.", 2.75, "USD", 3, "USD")]
    public void A_change_and_a_level_are_two_quantities(string text, double change, string changeUnit, double level, string levelUnit)
    {
        var found = Run(text);
        Assert.Equal(2, found.Length);
        Assert.All(found, q => Assert.Null(q.High));
        Assert.Equal((change, changeUnit), (found[0].Value, found[0].Unit));
        Assert.Equal((level, levelUnit), (found[1].Value, found[1].Unit));
    }

    [Theory]
    [InlineData("Output shrank by -1.3% in the quarter.", -1.3, "%")]
    [InlineData("Temperatures drop to minus 387 °F at night.", -387, "°F")]
    [InlineData("The thermometer showed -12 °C in the valley.", -12, "°C")]
    [InlineData("The error rate fell to .001 after the fix.", 0.001, null)]
    public void Negatives_and_leading_decimals_keep_their_value(string text, double value, string? unit)
    {
        var q = Assert.Single(Run(text));
        Assert.Equal(value, q.Value, 6);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("A third of the staff work from home.", 1.0 / 3)]
    [InlineData("Half of the respondents said they would vote.", 0.5)]
    [InlineData("Two-thirds of the budget goes to salaries.", 2.0 / 3)]
    [InlineData("Three quarters of the town was flooded.", 0.75)]
    public void Fractions_are_shares_of_a_whole(string text, double value) => One(text, value, null, QuantityKind.Fraction);

    [Theory]
    [InlineData("Dozens of people were injured.", 24)]
    [InlineData("Hundreds of homes lost power.", 200)]
    [InlineData("Tens of thousands of people marched.", 20000)]
    public void Vague_amounts_are_the_least_they_mean(string text, double value)
    {
        var q = One(text, value, null, QuantityKind.Count);
        Assert.Equal(Qualifier.AtLeast, q.Qualifier);
    }

    [Fact]
    public void Half_a_million_is_a_number() => One("Nearly half a million people were displaced.", 500000, null, QuantityKind.Count);

    [Theory]
    [InlineData("The number of cases grew sixfold in a month.", 6)]
    [InlineData("Premiums rose three times faster than wages.", 3)]
    public void Multiples_are_factors(string text, double value) => One(text, value, "x", QuantityKind.Measure);

    [Theory]
    [InlineData("A 50-year-old man was arrested.", 50, "year")]
    [InlineData("The 16 - year - old was released.", 16, "year")]
    [InlineData("A six-month-old baby was among the injured.", 6, "month")]
    [InlineData("Jane Doe, 44, was taken to hospital.", 44, "year")]
    [InlineData("The victim, aged 19, was a student.", 19, "year")]
    [InlineData("The swimmer dies at 91.", 91, "year")]
    public void Ages_are_years_or_months(string text, double value, string unit) => One(text, value, unit, QuantityKind.Measure);

    [Theory]
    [InlineData("He was sentenced to 12 years in prison.", 12, "year")]
    [InlineData("He is serving a 12-year sentence.", 12, "year")]
    [InlineData("The jury deliberated for more than 30 hours.", 30, "hour")]
    public void Durations_are_measures_in_time_units(string text, double value, string unit) => One(text, value, unit, QuantityKind.Measure);

    [Theory]
    [InlineData("The climber lost 20 pounds during the expedition.", "lb", QuantityKind.Measure)]
    [InlineData("Police seized 5 pounds of cocaine.", "lb", QuantityKind.Measure)]
    [InlineData("He was fined 500 pounds by the magistrates.", "GBP", QuantityKind.Money)]
    [InlineData("The club paid 40 million pounds for the striker.", "GBP", QuantityKind.Money)]
    public void Pounds_are_weight_or_money_by_context(string text, string unit, QuantityKind kind)
    {
        var q = Assert.Single(Run(text));
        Assert.Equal((unit, kind), (q.Unit, q.Kind));
    }

    [Theory]
    [InlineData("The iPhone 11 went on sale in September.")]
    [InlineData("The S&P 500 closed higher on Tuesday.")]
    [InlineData("A Boeing 787 was diverted to Shannon.")]
    [InlineData("United secured a 2-0 win over the visitors.")]
    [InlineData("The Chiefs ended the season with a 2 - 14 record.")]
    [InlineData("The vote passed 52-48 after a long debate.")]
    [InlineData("The shop at 9 E 71st St was closed.")]
    [InlineData("Her flat is at 221B Baker Street.")]
    [InlineData("Residents of the 90210 ZIP code pay the most.")]
    [InlineData("Call 555-0134 or 0800 555 111 for details.")]
    [InlineData("The festival runs Sept. 20-24 in the old town.")]
    [InlineData("Interstate 95 was closed for hours.")]
    [InlineData("A .45-caliber revolver was found.")]
    [InlineData("They drove to the Colts 7 yard line.")]
    [InlineData("He finished with 4: 43 left in the half.")]
    public void Names_models_scores_addresses_codes_and_dates_are_not_quantities(string text) => Assert.Empty(Run(text));

    [Fact]
    public void Every_quantity_records_the_rule_that_made_it()
    {
        var found = Run("Jane Doe, 44, paid $58.24 per barrel for 2,000 barrels.");
        Assert.Equal(["age-apposition", "number", "number"], found.Select(q => q.Rule));
    }

    [Fact]
    public void Rule_names_are_unique_and_each_rule_has_an_example()
    {
        var names = QuantityRules.Table.Select(r => r.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(QuantityRules.Table, r => Assert.False(string.IsNullOrWhiteSpace(r.Example)));
        Assert.Equal("number", names[^1]);
    }

    [Fact]
    public void Leaving_a_rule_out_removes_what_it_does()
    {
        Assert.Empty(Run("United secured a 2-0 win.", new QuantityOptions()));
        Assert.NotEmpty(Run("United secured a 2-0 win.", new QuantityOptions { Without = new HashSet<string> { "score" } }));
    }

    [Fact]
    public void A_decimal_inside_a_glued_number_ends_no_sentence()
    {
        var document = ClaimDocs.Plain("It costs RM23.50 at the stall. A magnitude-5.2 quake hit. The rate fell to .001 today.");
        new SentenceSplitter().Process(document);
        Assert.Equal(3, document.Sentences.Length);
    }
}
