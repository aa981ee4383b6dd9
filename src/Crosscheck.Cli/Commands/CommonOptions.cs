using System.CommandLine;

namespace Crosscheck.Cli.Commands;

/// <summary>Options several commands share, defined once so their names and help never drift apart.</summary>
public static class CommonOptions
{
    public const string DefaultDatabase = "./crosscheck.db";

    public static Option<string> Database() => new("--db")
    {
        Description = "The Crosscheck database file (SQLite). Created on first ingest.",
        DefaultValueFactory = _ => DefaultDatabase,
        HelpName = "FILE",
    };

    public static Option<bool> Json(string what) => new("--json") { Description = $"Print {what} as JSON (the contract in docs/JSON.md)." };

    public static Option<string?> Out(string what) => new("--out") { Description = $"Also write {what} to this file.", HelpName = "FILE" };
}
