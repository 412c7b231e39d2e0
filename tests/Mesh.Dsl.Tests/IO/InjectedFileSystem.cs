using Mesh.Dsl.IO;

namespace Mesh.Dsl.Tests.IO;

/// <summary>
/// The real file system with failures injected: <see cref="Fail"/> is asked before each call with the call's name
/// (status, entries, realpath, open, create, write, flush, chmod, rename, delete, mkdir, fsyncdir) and path, and
/// the exception it returns is thrown instead. A "write" failure is thrown by the temporary file's stream once
/// <see cref="WriteLimit"/> bytes were written. The tests run as root, which no permission stops.
/// </summary>
internal sealed class InjectedFileSystem : FileSystem
{
    public Func<string, string, Exception?> Fail { get; init; } = (_, _) => null;

    /// <summary>How many bytes the temporary file takes before a "write" failure.</summary>
    public long WriteLimit { get; init; }

    /// <summary>Every call made, as "name path", in order.</summary>
    public List<string> Calls { get; } = new();

    public static Exception PermissionDenied() => new UnauthorizedAccessException("Access to the path is denied.");

    public static Exception DiskFull() => new IOException("No space left on device");

    public override FileStatus Status(string path, bool followLinks)
    {
        Check("status", path);
        return base.Status(path, followLinks);
    }

    public override IEnumerable<string> Entries(string directory)
    {
        Check("entries", directory);
        return base.Entries(directory);
    }

    public override string RealPath(string path)
    {
        Check("realpath", path);
        return base.RealPath(path);
    }

    public override Stream OpenRead(string path)
    {
        Check("open", path);
        return base.OpenRead(path);
    }

    public override Stream CreateNew(string path)
    {
        Check("create", path);
        var stream = base.CreateNew(path);
        return Fail("write", path) is { } failure ? new FailingStream(stream, WriteLimit, failure) : stream;
    }

    public override void FlushToDisk(Stream stream)
    {
        Check("flush", (stream as FailingStream)?.Name ?? (stream as FileStream)?.Name ?? string.Empty);
        base.FlushToDisk(stream is FailingStream failing ? failing.Inner : stream);
    }

    public override void CopyModeAndOwner(string path, FileStatus original)
    {
        Check("chmod", path);
        base.CopyModeAndOwner(path, original);
    }

    public override void Rename(string source, string target)
    {
        Check("rename", target);
        base.Rename(source, target);
    }

    public override void FlushDirectory(string directory)
    {
        Check("fsyncdir", directory);
        base.FlushDirectory(directory);
    }

    public override void Delete(string path)
    {
        Check("delete", path);
        base.Delete(path);
    }

    public override void CreateDirectory(string path)
    {
        Check("mkdir", path);
        base.CreateDirectory(path);
    }

    private void Check(string call, string path)
    {
        lock (Calls)
        {
            Calls.Add($"{call} {path}");
        }

        if (Fail(call, path) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>A file stream that fails once it holds <c>limit</c> bytes, having written the bytes before (a torn write).</summary>
    private sealed class FailingStream(Stream inner, long limit, Exception failure) : Stream
    {
        private long _written;

        public Stream Inner => inner;

        public string Name => (inner as FileStream)?.Name ?? string.Empty;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var room = (int)Math.Max(0, Math.Min(buffer.Length, limit - _written));
            inner.Write(buffer[..room]);
            _written += room;
            if (room < buffer.Length)
            {
                inner.Flush();
                throw failure;
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
