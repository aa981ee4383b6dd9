namespace Crosscheck.Ingest.Watching;

/// <summary>
/// The rules of one robots.txt (RFC 9309) that apply to one crawler: the groups naming its product
/// token, else the "*" groups; within them the longest matching Allow or Disallow path prefix
/// decides, Allow winning a tie, and a path no rule matches is allowed. A small, bounded parser:
/// wildcards ("*", "$") are not expanded, so a rule using them matches only paths that spell it
/// out, and at most <see cref="MaxLines"/> lines are read.
/// </summary>
internal sealed class RobotsRules
{
    private const int MaxLines = 10_000;

    private readonly List<(string Path, bool Allow)> _rules;

    private RobotsRules(List<(string Path, bool Allow)> rules) => _rules = rules;

    public static RobotsRules AllowAll { get; } = new([]);

    public static RobotsRules DisallowAll { get; } = new([("/", false)]);

    public static RobotsRules Parse(string text, string productToken)
    {
        var mine = new List<(string, bool)>();
        var anyone = new List<(string, bool)>();
        var named = false;
        var agents = new List<string>();
        var inRules = false;
        foreach (var rawLine in text.Split('\n').Take(MaxLines))
        {
            var hash = rawLine.IndexOf('#');
            var line = (hash >= 0 ? rawLine[..hash] : rawLine).Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var field = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (field == "user-agent")
            {
                // A user-agent line after rules starts a new group.
                if (inRules) agents.Clear();
                inRules = false;
                agents.Add(value);
                continue;
            }
            if (field is not ("allow" or "disallow")) continue;
            inRules = true;
            var forMe = agents.Any(agent => agent != "*" && productToken.StartsWith(agent, StringComparison.OrdinalIgnoreCase));
            named |= forMe;
            // An empty Disallow allows everything, which is what no rule means too.
            if (value.Length == 0) continue;
            var rule = (value, field == "allow");
            if (forMe) mine.Add(rule);
            else if (agents.Contains("*")) anyone.Add(rule);
        }
        return new RobotsRules(named ? mine : anyone);
    }

    /// <summary>Whether a path (with its query) may be fetched.</summary>
    public bool Allows(string pathAndQuery)
    {
        var best = -1;
        var allowed = true;
        foreach (var (path, allow) in _rules)
        {
            if (!pathAndQuery.StartsWith(path, StringComparison.Ordinal)) continue;
            if (path.Length > best || (path.Length == best && allow))
            {
                best = path.Length;
                allowed = allow;
            }
        }
        return allowed;
    }
}
