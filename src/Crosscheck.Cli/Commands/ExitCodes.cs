namespace Crosscheck.Cli.Commands;

/// <summary>Exit codes of every command: 0 success, 1 bad input (one line per problem), 2 misuse.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int BadInput = 1;
    public const int Misuse = 2;
}
