using System.Text;
using Crosscheck.Core.Model;

namespace Crosscheck.Extraction.Tests;

internal static class TestInputs
{
    public static RawInput Html(string html, string? url = null) => Bytes(Encoding.UTF8.GetBytes(html), RawKind.Html, url);

    public static RawInput Text(string text) => Bytes(Encoding.UTF8.GetBytes(text), RawKind.Text);

    public static RawInput Json(string json) => Bytes(Encoding.UTF8.GetBytes(json), RawKind.Json);

    public static RawInput Bytes(byte[] content, RawKind kind, string? url = null, IngestHints? hints = null) => new()
    {
        Id = "test-" + kind.ToString().ToLowerInvariant(),
        Source = url ?? "test://input",
        Kind = kind,
        Content = content,
        Hints = hints ?? new IngestHints { Url = url },
        // A fixed receipt date: what a year-less date line resolves to must not depend on the day the tests run.
        ReceivedAt = ReceivedAt,
    };

    public static readonly DateTimeOffset ReceivedAt = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A plain article page wrapped around <paramref name="bodyHtml"/>.</summary>
    public static string Page(string bodyHtml, string head = "") =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Test page</title>{head}</head><body>{bodyHtml}</body></html>";

    public const string Paragraphs =
        "<p>The national statistics office said on Tuesday that inflation slowed to 2.4 percent in October, the lowest rate in three years.</p>" +
        "<p>Food prices rose by 1.1 percent, while energy prices fell for the fourth month in a row, the office said in a statement.</p>" +
        "<p>Economists had expected a rate of 2.6 percent, and some now think the central bank could cut interest rates in December.</p>";
}
