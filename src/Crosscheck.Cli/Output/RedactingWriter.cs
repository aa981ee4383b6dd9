using System.Text;
using Crosscheck.Core.Text;

namespace Crosscheck.Cli.Output;

/// <summary>
/// The log of a long-running command (watch, worker) as it reaches the terminal or a log collector:
/// each line goes through <see cref="Secrets.Redact"/>, so a feed URL's token or a connection
/// string's password that a message quotes is masked. Lines are written whole (the stages write
/// whole lines), and text written in pieces is held until its line is complete, so a secret cut
/// in two is still recognised.
/// </summary>
public sealed class RedactingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _pending = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n') FlushLine();
            else _pending.Append(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        lock (_gate)
        {
            var start = 0;
            for (var newline = value.IndexOf('\n', StringComparison.Ordinal); newline >= 0; newline = value.IndexOf('\n', start))
            {
                _pending.Append(value, start, newline - start);
                FlushLine();
                start = newline + 1;
            }
            _pending.Append(value, start, value.Length - start);
        }
    }

    public override void WriteLine(string? value) => Write((value ?? "") + "\n");

    public override void Flush()
    {
        lock (_gate)
        {
            if (_pending.Length > 0)
            {
                inner.Write(Secrets.Redact(_pending.ToString()));
                _pending.Clear();
            }
            inner.Flush();
        }
    }

    private void FlushLine()
    {
        inner.WriteLine(Secrets.Redact(_pending.ToString().TrimEnd('\r')));
        _pending.Clear();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }
}
