using Crosscheck.Storage;

namespace Crosscheck.Cli.Commands;

/// <summary>
/// Runs a command body and turns the failures users can cause (a bad store, a missing file)
/// into one readable error line and exit code 1 instead of a stack trace.
/// </summary>
public static class CommandRunner
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (StoreException ex)
        {
            return Fail(ex.Message);
        }
        catch (Crosscheck.Queue.QueueException ex)
        {
            return Fail(ex.Message);
        }
        catch (UserError ex)
        {
            return Fail(ex.Message);
        }
        catch (Crosscheck.Evaluation.EvaluationDataException ex)
        {
            return Fail(ex.Message);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return Fail(ex.Message);
        }
    }

    /// <summary>
    /// Prints the one error line; a credential the message may quote (a --db or --queue value) is hidden, and the paths,
    /// values and exception texts it quotes are kept to the line (<see cref="Crosscheck.Core.Text.OneLine"/>: a `--db` path or a
    /// file name holding a line break cannot forge a second `error:` line). No message of these is laid out on several lines.
    /// </summary>
    public static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {Crosscheck.Core.Text.OneLine.Of(Crosscheck.Core.Text.Secrets.Redact(message))}");
        return ExitCodes.BadInput;
    }
}

/// <summary>A problem with what the user asked for; its message says how to fix it.</summary>
public sealed class UserError(string message) : Exception(message);
