using System.Diagnostics;
using Crosscheck.Core.Text;
using Crosscheck.Ingest.Processing;
using Spectre.Console;

namespace Crosscheck.Cli.Output;

/// <summary>
/// Progress for long work: a live line on a terminal, and on a pipe or log a plain line every
/// few seconds (Spectre draws nothing when output is not a terminal).
/// </summary>
public sealed class ConsoleProgress : IProgress<IngestProgress>
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);
    private readonly bool _interactive = AnsiConsole.Profile.Capabilities.Interactive && !Console.IsErrorRedirected;
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private string _phase = "";
    private int _lastWidth;

    public void Report(IngestProgress value)
    {
        var phaseChanged = value.Phase != _phase;
        _phase = value.Phase;
        if (!phaseChanged && _sinceLast.Elapsed < (_interactive ? TimeSpan.FromMilliseconds(100) : PlainInterval)) return;
        _sinceLast.Restart();
        var count = value.Total is { } total ? $"{value.Done}/{total}" : value.Done.ToString();
        var line = $"{value.Phase} {count}  {Clipped.End(OneLine.Of(value.Current), 60)}";
        if (_interactive)
        {
            Console.Error.Write("\r" + line.PadRight(_lastWidth));
            _lastWidth = line.Length;
        }
        else
        {
            Console.Error.WriteLine(line);
        }
    }

    /// <summary>Clears the live line so the summary starts on a clean line.</summary>
    public void Finish()
    {
        if (_interactive && _lastWidth > 0) Console.Error.Write("\r" + new string(' ', _lastWidth) + "\r");
        _lastWidth = 0;
    }

}
