namespace Mesh.Dsl.IO;

/// <summary>
/// Replaces a file whole: the new content goes to a temporary file in the same folder, is flushed to the disk, gets
/// the old file's permissions, and is then renamed over the old file. A crash, a kill or a full disk leaves the old
/// file or the new one, never a part of either; a write that fails leaves no temporary file behind.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Tests make a write fail at a chosen step through this; null in normal runs.</summary>
    internal static Action<string>? FailurePoint { get; set; }

    /// <summary>
    /// Writes <paramref name="path"/> with what <paramref name="write"/> writes, unless the file already holds
    /// exactly that. Returns whether the file was replaced (or created).
    /// </summary>
    /// <exception cref="IOException">When the folder cannot be written; the old file is then unchanged.</exception>
    public static bool Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
                FailurePoint?.Invoke("written");
                stream.Flush(flushToDisk: true);
                if (File.Exists(full) && SameContent(stream, full))
                {
                    return false;
                }
            }

            if (!OperatingSystem.IsWindows() && File.Exists(full))
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(full));
            }

            FailurePoint?.Invoke("before rename");
            File.Move(temporary, full, overwrite: true);
            return true;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static bool SameContent(FileStream written, string path)
    {
        using var existing = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        if (existing.Length != written.Length)
        {
            return false;
        }

        written.Position = 0;
        var left = new byte[1 << 16];
        var right = new byte[1 << 16];
        while (true)
        {
            var read = written.ReadAtLeast(left, left.Length, throwOnEndOfStream: false);
            if (read == 0)
            {
                return true;
            }

            if (existing.ReadAtLeast(right, read, throwOnEndOfStream: false) != read || !left.AsSpan(0, read).SequenceEqual(right.AsSpan(0, read)))
            {
                return false;
            }
        }
    }
}
