using System.Diagnostics;
using System.Text.RegularExpressions;
using Crosscheck.Stories.Consolidation;
using Xunit;

namespace Crosscheck.Reports.Tests;

public class DossierHtmlTests
{
    private static string Html()
    {
        var (story, documents) = SampleStory.Build();
        return DossierHtml.ToHtml(new DossierBuilder().Build(story, documents));
    }

    [Fact]
    public void Markup_inside_articles_is_shown_as_text()
    {
        var html = Html();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>News", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Deal denied &lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_is_self_contained_under_a_strict_content_security_policy()
    {
        var html = Html();

        Assert.Matches("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'", html);
        Assert.DoesNotMatch(new Regex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_has_the_matrix_coloured_by_status_and_every_section()
    {
        var html = Html();

        foreach (var id in new[] { "matrix", "claims", "entities", "quotes", "citations", "timeline", "texts" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("<td class=\"single-origin\" title=\"origin: Associated Press\">600</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"single-origin\" title=\"origin: Associated Press\">about 600</td>", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"graph\"", html, StringComparison.Ordinal);
        Assert.Contains("2 articles, 1 origin: Associated Press", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_link_only_to_their_place_in_the_report()
    {
        var html = Html();

        var targets = Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains("#article-3", targets);
        Assert.Contains(targets, t => t.StartsWith("#e-", StringComparison.Ordinal));
        foreach (var target in targets)
        {
            Assert.StartsWith("#", target, StringComparison.Ordinal);
            Assert.Contains($"id=\"{target[1..]}\"", html, StringComparison.Ordinal);
        }
        // The web UI's ids for scripts and tests stay out of the file.
        Assert.DoesNotContain("data-claim", html, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void Chromium_renders_the_report_without_errors_and_runs_no_article_script()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dossier-{Guid.NewGuid():N}.html");
        File.WriteAllText(path, Html());
        try
        {
            var (dom, log) = ChromiumFactAttribute.DumpDom(path);

            Assert.Contains("<h1>Nordvik instructors</h1>", dom, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt;", dom, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
            // The page runs no script, so any console line is a policy violation or a load error.
            Assert.DoesNotContain(":CONSOLE", log, StringComparison.Ordinal);
            Assert.DoesNotContain("violates", log, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>A fact that needs a Chromium binary on this machine; skipped with the reason when there is none.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    private static readonly string? Binary = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    public ChromiumFactAttribute()
    {
        if (Binary is null) Skip = "No Chromium binary found (looked in /usr/bin); install chromium to run the browser check.";
    }

    /// <summary>The DOM Chromium builds from a file, and its console log.</summary>
    public static (string Dom, string Log) DumpDom(string path)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        var start = new ProcessStartInfo(Binary!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                     $"--user-data-dir={profile.FullName}", "--virtual-time-budget=2000", "--dump-dom", new Uri(path).AbsoluteUri })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not finish within 60 s");
        }
        try
        {
            profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A profile file still held by a Chromium helper; the temp folder is cleaned by the system.
        }
        return (stdout.Result, stderr.Result);
    }
}
