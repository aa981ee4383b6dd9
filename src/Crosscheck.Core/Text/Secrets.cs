using System.Text.RegularExpressions;

namespace Crosscheck.Core.Text;

/// <summary>
/// Hides credentials in text about to be printed or logged: the password of a URL
/// (<c>postgres://user:PASSWORD@host</c>, <c>nats://user:PASSWORD@host</c>) and the value of
/// password, token and key settings in a key=value connection string
/// (<c>Host=db;Password=PASSWORD</c>). Every line a command prints that may quote a <c>--db</c>
/// or <c>--queue</c> value, or an error about one, goes through <see cref="Redact"/>, so a
/// credential reaches neither a terminal, nor a log collector, nor a screenshot of either.
/// </summary>
public static partial class Secrets
{
    /// <summary>What stands in for a hidden value.</summary>
    public const string Mask = "***";

    /// <summary>
    /// The text with URL passwords and secret key=value settings replaced by <see cref="Mask"/>, and each of
    /// <paramref name="knownSecrets"/> (a token, a parsed password) wherever it occurs.
    /// </summary>
    public static string Redact(string text, params IEnumerable<string?> knownSecrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        var redacted = UrlPassword().Replace(text, "${prefix}" + Mask + "@");
        redacted = SecretSetting().Replace(redacted, "${key}" + Mask);
        foreach (var secret in knownSecrets)
        {
            // A one- or two-character secret would mask ordinary letters everywhere; the patterns above cover the usual places.
            if (secret is { Length: >= 3 }) redacted = redacted.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return redacted;
    }

    /// <summary><c>scheme://user:password@</c>: the user is kept, the password (up to the last '@' before the host) masked.</summary>
    [GeneratedRegex(@"(?<prefix>[A-Za-z][A-Za-z0-9+.\-]*://[^\s/:@]*:)[^\s/]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    /// <summary>
    /// <c>Password=...</c>, <c>pwd=...</c>, <c>token=...</c>, <c>api_key=...</c> and the like in a key=value string or a
    /// URL query, up to the next ';', '&amp;' or white space (or the closing quote of a quoted value); a colon
    /// just before the end stays (it ends a message's "URL: problem", it is not part of the value).
    /// </summary>
    [GeneratedRegex(@"(?<key>\b(?:password|passwd|pwd|pass|token|access_token|secret|api[_-]?key|apikey|auth[_-]?token)\s*=\s*)(?:'[^']*'|""[^""]*""|[^;&\s]*?(?=:?(?:[;&\s]|$)))",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecretSetting();
}
