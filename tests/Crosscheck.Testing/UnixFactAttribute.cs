using Xunit;

namespace Crosscheck.Testing;

/// <summary>
/// A fact about Unix file-system objects (named pipes, permissions); reported as skipped, with
/// the reason, where they do not exist or do not apply.
/// </summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute() => Skip = OperatingSystem.IsWindows() ? "needs a Unix file system" : null;

    /// <summary>The test needs permissions to stop this process, which they do not for root (as in CI).</summary>
    public bool PermissionsMustApply
    {
        get;
        set
        {
            field = value;
            if (value && Skip is null && Environment.UserName == "root")
                Skip = "file permissions do not stop root; run as another user to check unreadable files";
        }
    }
}
