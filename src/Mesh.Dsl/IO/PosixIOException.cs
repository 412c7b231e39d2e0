namespace Mesh.Dsl.IO;

/// <summary>A failed system call, with the system's reason as the message (no path: callers put the path first).</summary>
internal sealed class PosixIOException(string reason, int errno, bool isAccessDenied) : IOException(reason)
{
    public int Errno { get; } = errno;

    public bool IsAccessDenied { get; } = isAccessDenied;
}
