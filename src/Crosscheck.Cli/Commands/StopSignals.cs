using System.Runtime.InteropServices;

namespace Crosscheck.Cli.Commands;

/// <summary>How long-running commands (worker, watch) are stopped: SIGTERM (service managers, kill) and Ctrl+C cancel a token instead of killing the process, so the batch in hand is finished first.</summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _onTerm;
    private readonly PosixSignalRegistration _onInt;

    public StopSignals()
    {
        _onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        _onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
    }

    /// <summary>Cancelled by the first SIGTERM or Ctrl+C.</summary>
    public CancellationToken Token => _stop.Token;

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.Cancel();
    }

    public void Dispose()
    {
        _onTerm.Dispose();
        _onInt.Dispose();
        _stop.Dispose();
    }
}
