using Crosscheck.Core.Model;
using Crosscheck.Testing;
using Xunit;
using static Crosscheck.Evaluation.Quantities.QuantityEvaluator;

namespace Crosscheck.Evaluation.Tests;

public class QuantityEvaluatorTests
{
    [Fact]
    public void Values_match_within_the_tolerance_ranges_need_both_ends_and_units_must_be_equal()
    {
        Item[] gold = [new("a third", 0.3333, null, null, "fraction"), new("2,500-3,000", 2500, 3000, null, "count"), new("$5 a month", 5, null, "USD/month", "rate")];
        Item[] found = [new("$5", 5, null, "USD", "money"), new("2,500", 2500, null, null, "count"), new("a third", 1.0 / 3, null, null, "fraction")];

        Assert.Equal([2, -1, 0], Match(gold, found, withUnit: false));
        Assert.Equal([2, -1, -1], Match(gold, found, withUnit: true));
    }

    [Fact]
    public void A_rate_is_scored_with_its_period_in_the_unit()
    {
        var quantity = new Quantity(new TextSpan(0, 3), QuantityKind.Money, 5, Unit: "USD", Period: "month", Rule: "number");

        var item = FromQuantity("$5 a month", quantity);

        Assert.Equal("USD/month", item.Unit);
        Assert.Equal("number", item.Rule);
    }

    [Fact]
    public void A_file_is_scored_per_split_with_recall_per_gold_kind()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path,
            [
                """{"id": "a", "split": "train", "text": "It costs $5.", "quantities": [{"span": "$5", "value": 5, "unit": "USD", "kind": "money"}]}""",
                """{"id": "b", "split": "dev", "text": "Two men came.", "quantities": [{"span": "Two men", "value": 2, "unit": null, "kind": "count"}]}""",
            ]);
            var found = new Quantity(new TextSpan(9, 2), QuantityKind.Money, 5, Unit: "EUR");

            var evaluation = Evaluate(path, "train", text =>
            {
                var document = Docs.Of(text);
                document.Quantities = [found];
                return document;
            });

            Assert.Single(evaluation.Sentences);
            Assert.Equal(new MatchScore(1, 1, 1), evaluation.Value);
            Assert.Equal(new MatchScore(1, 1, 0), evaluation.ValueUnit);
            Assert.Equal(new KindRow("money", 1, 1, 0), Assert.Single(evaluation.PerKind));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_span_that_is_not_in_the_text_is_a_data_error()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"id": "a", "split": "train", "text": "It costs $5.", "quantities": [{"span": "$6", "value": 6, "unit": "USD", "kind": "money"}]}""");

            var error = Assert.Throws<EvaluationDataException>(() => Evaluate(path, "all", text => Docs.Of(text)));

            Assert.Contains("\"$6\"", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
