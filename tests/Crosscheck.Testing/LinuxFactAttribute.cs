using Xunit;

namespace Crosscheck.Testing;

/// <summary>A fact about what only Linux tells (e.g. a thread's CPU time from /proc); skipped elsewhere with the reason.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute() => Skip = OperatingSystem.IsLinux() ? null : "needs Linux (/proc/thread-self)";
}
