using System.Runtime.InteropServices;

namespace Mesh.Dsl.IO;

/// <summary>
/// The few POSIX calls .NET does not offer: the type of a file (.NET cannot tell a FIFO or a device from a
/// regular file, and opening a FIFO blocks), its owner, <c>chown</c>, and <c>fsync</c> of a folder. Linux
/// only: <c>statx</c> has one layout on every architecture, unlike <c>struct stat</c>.
/// </summary>
internal static unsafe partial class Posix
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int ORdOnly = 0;
    private const int ODirectory = 0x10000;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux();

    /// <summary>The status of <paramref name="path"/>; <paramref name="followLinks"/> false describes a link itself.</summary>
    /// <exception cref="IOException">With the system's reason (no such file, permission denied, a link loop, ...).</exception>
    public static FileStatus Status(string path, bool followLinks)
    {
        if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, out var status) != 0)
        {
            throw Error(Marshal.GetLastPInvokeError(), path);
        }

        var kind = (status.Mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            _ => FileKind.Socket,
        };
        return new FileStatus(kind, (long)status.Size, (UnixFileMode)(status.Mode & 0xFFF), status.Uid, status.Gid);
    }

    /// <summary>The absolute path of <paramref name="path"/> with every symbolic link and <c>..</c> resolved.</summary>
    public static string RealPath(string path)
    {
        var resolved = RealPathNative(path, 0);
        if (resolved == 0)
        {
            throw Error(Marshal.GetLastPInvokeError(), path);
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved)!;
        }
        finally
        {
            NativeMemory.Free((void*)resolved);
        }
    }

    /// <summary>Gives <paramref name="path"/> the owner and group given.</summary>
    public static void ChangeOwner(string path, long userId, long groupId)
    {
        if (Chown(path, (uint)userId, (uint)groupId) != 0)
        {
            throw Error(Marshal.GetLastPInvokeError(), path);
        }
    }

    /// <summary>Flushes a folder's entries to disk, so that a rename in it survives a power loss.</summary>
    public static void FlushDirectory(string path)
    {
        var descriptor = Open(path, ORdOnly | ODirectory);
        if (descriptor < 0)
        {
            throw Error(Marshal.GetLastPInvokeError(), path);
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw Error(Marshal.GetLastPInvokeError(), path);
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    private static IOException Error(int errno, string path)
    {
        var reason = errno switch
        {
            1 => "operation not permitted",
            2 => "no such file or directory",
            5 => "input/output error",
            13 => "permission denied",
            20 => "a part of the path is not a folder",
            28 => "no space left on the device",
            30 => "read-only file system",
            36 => "the name is too long",
            40 => "too many levels of symbolic links (a link loop?)",
            _ => Marshal.GetPInvokeErrorMessage(errno),
        };
        return errno switch
        {
            2 or 20 => new FileNotFoundException(reason, path),
            1 or 13 => new PosixIOException(reason, errno, isAccessDenied: true),
            _ => new PosixIOException(reason, errno, isAccessDenied: false),
        };
    }

    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(20)] public uint Uid;
        [FieldOffset(24)] public uint Gid;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(40)] public ulong Size;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "realpath", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint RealPathNative(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
