using System.CommandLine;
using Crosscheck.Cli.Commands;
using Crosscheck.Ingest.Watching;
using Xunit;

namespace Crosscheck.Cli.Tests;

/// <summary>What `crosscheck COMMAND --help` shows must teach: an example to copy, and options that say what they take.</summary>
public class HelpTextTests
{
    /// <summary>Every command that runs (not a group such as `eval`), with its path from the root.</summary>
    private static IEnumerable<(string Path, Command Command)> RunnableCommands()
    {
        var pending = new Stack<(string, Command)>(Program.BuildRoot().Subcommands.Select(c => (c.Name, c)));
        while (pending.Count > 0)
        {
            var (path, command) = pending.Pop();
            if (command.Action is not null) yield return (path, command);
            foreach (var sub in command.Subcommands) pending.Push(($"{path} {sub.Name}", sub));
        }
    }

    /// <summary>A command's own help text and its parents': a group's examples show in each of its commands' help.</summary>
    private static string DescriptionWithParents(string path)
    {
        var text = "";
        Command current = Program.BuildRoot();
        foreach (var name in path.Split(' '))
        {
            current = current.Subcommands.Single(c => c.Name == name);
            text += current.Description + "\n";
        }
        return text;
    }

    [Fact]
    public void Every_command_is_listed_and_shows_an_example()
    {
        var commands = RunnableCommands().ToList();
        Assert.Contains(commands, c => c.Path == "reprocess");
        Assert.Contains(commands, c => c.Path == "eval seeds");

        var without = commands.Where(c => !DescriptionWithParents(c.Path).Contains("crosscheck " + c.Path, StringComparison.Ordinal)).Select(c => c.Path).ToList();
        Assert.True(without.Count == 0, "no example: " + string.Join(", ", without));
    }

    [Fact]
    public void A_heading_over_more_than_one_example_says_examples()
    {
        // "Example:" heads one command line; the lines under it that are commands too make it "Examples:".
        var singular = RunnableCommands()
            .Where(c => ExamplesUnder(c.Command.Description ?? "", "Example:") > 1)
            .Select(c => c.Path)
            .ToList();
        Assert.Contains(RunnableCommands(), c => ExamplesUnder(c.Command.Description ?? "", "Examples:") > 1);
        Assert.True(singular.Count == 0, "\"Example:\" over several examples: " + string.Join(", ", singular));
    }

    /// <summary>How many command lines stand under the heading in a help text: its own line and those right after it.</summary>
    private static int ExamplesUnder(string description, string heading)
    {
        var lines = description.Split('\n');
        var at = Array.FindIndex(lines, line => line.TrimStart().StartsWith(heading + " ", StringComparison.Ordinal));
        if (at < 0) return 0;
        var count = 1;
        while (at + count < lines.Length && lines[at + count].TrimStart().StartsWith("crosscheck ", StringComparison.Ordinal)) count++;
        return count;
    }

    [Fact]
    public void Every_option_taking_a_value_names_what_it_takes()
    {
        // Without a help name the option's own name stands in its place ("--limit <limit>"), which says nothing.
        var unnamed = RunnableCommands()
            .SelectMany(c => c.Command.Options.Select(o => (c.Path, Option: o)))
            .Where(x => x.Option.ValueType != typeof(bool) && string.IsNullOrEmpty(x.Option.HelpName) && x.Option.Name != "--help")
            .Select(x => $"{x.Path} {x.Option.Name}")
            .ToList();
        Assert.True(unnamed.Count == 0, "no help name: " + string.Join(", ", unnamed));
    }

    [Fact]
    public void A_default_is_stated_once()
    {
        // An option that shows "[default: ...]" must not say "(default ...)" in its text as well.
        var twice = RunnableCommands()
            .SelectMany(c => c.Command.Options.Select(o => (c.Path, Option: o)))
            .Where(x => x.Option.HasDefaultValue && x.Option.ValueType != typeof(bool)
                && x.Option.Description?.Contains("(default ", StringComparison.Ordinal) == true)
            .Select(x => $"{x.Path} {x.Option.Name}")
            .ToList();
        Assert.True(twice.Count == 0, "default stated twice: " + string.Join(", ", twice));
    }

    [Fact]
    public void Watch_times_are_optional_and_read_in_the_syntax_their_help_shows()
    {
        var absent = Program.BuildRoot().Parse(["watch", "inbox"]);
        Assert.Empty(absent.Errors);
        Assert.Null(absent.GetValue<TimeSpan?>("--scan"));

        var given = Program.BuildRoot().Parse(["watch", "inbox", "--scan", "30s"]);
        Assert.Empty(given.Errors);
        Assert.Equal(TimeSpan.FromSeconds(30), given.GetValue<TimeSpan?>("--scan"));
        // The parser's own way of showing a time is not one the options read, so help states the defaults in words.
        Assert.NotEmpty(Program.BuildRoot().Parse(["watch", "inbox", "--scan", "00:00:05"]).Errors);
    }

    [Fact]
    public void Watch_times_not_given_are_the_watchs_defaults_and_each_given_one_lands_on_its_setting()
    {
        var defaults = new WatchOptions();

        Assert.Equal(defaults, WatchCommand.OptionsOf(Program.BuildRoot().Parse(["watch", "inbox"])));

        var given = WatchCommand.OptionsOf(Program.BuildRoot().Parse(["watch", "inbox", "--interval", "90s", "--scan", "2m", "--host-delay", "250ms", "--timeout", "1h"]));
        Assert.Equal(defaults with
        {
            FeedInterval = TimeSpan.FromSeconds(90),
            ScanInterval = TimeSpan.FromMinutes(2),
            HostDelay = TimeSpan.FromMilliseconds(250),
            RequestTimeout = TimeSpan.FromHours(1),
        }, given);
    }
}
