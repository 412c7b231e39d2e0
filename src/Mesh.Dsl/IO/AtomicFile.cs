namespace Mesh.Dsl.IO;

/// <summary>
/// Replaces a file so that it is always either the old file or the new one, never a torn mix: the new
/// content goes to a temporary file in the same folder, is flushed to the disk, gets the old file's
/// permissions and owner, and is then renamed over the old file in one step. When anything fails (the
/// write, a full disk, the flush, the rename) the old file is untouched and the temporary file is removed.
/// </summary>
/// <remarks>
/// A process killed between the temporary file's creation and the rename leaves that file behind
/// (named <c>.NAME.RANDOM.tmp</c>, next to the file) and the old file intact; nothing can remove it then.
/// A path that is a symbolic link is replaced at the file it finally points to, so the link stays a link.
/// </remarks>
public static class AtomicFile
{
    /// <summary>Replaces (or creates) <paramref name="path"/> with <paramref name="bytes"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="bytes">The new content.</param>
    /// <exception cref="IOException">When the file cannot be replaced; it is then as it was.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder cannot be written; the file is then as it was.</exception>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        var copy = bytes.ToArray();
        Write(path, stream => stream.Write(copy), FileSystem.Real);
    }

    /// <summary>Replaces (or creates) <paramref name="path"/> with what <paramref name="write"/> writes to the stream it is given.</summary>
    /// <param name="path">The file.</param>
    /// <param name="write">Writes the new content; if it throws, the file is left as it was and the exception is passed on.</param>
    /// <exception cref="IOException">When the file cannot be replaced; it is then as it was.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder cannot be written; the file is then as it was.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        Write(path, write, FileSystem.Real);
    }

    /// <summary>
    /// As <see cref="Write(string, Action{Stream})"/>, but leaves the file alone (not even its modification time
    /// changes) when it already holds exactly what <paramref name="write"/> writes. The content is made in memory first.
    /// </summary>
    /// <returns>Whether the file was replaced or created.</returns>
    internal static bool WriteIfChanged(string path, Action<Stream> write, FileSystem? fileSystem = null)
    {
        var content = new MemoryStream();
        write(content);
        var bytes = content.GetBuffer().AsSpan(0, (int)content.Length);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        Write(path, stream => stream.Write(content.GetBuffer(), 0, (int)content.Length), fileSystem ?? FileSystem.Real);
        return true;
    }

    /// <summary>As <see cref="Write(string, Action{Stream})"/>, through <paramref name="fileSystem"/>.</summary>
    internal static void Write(string path, Action<Stream> write, FileSystem fileSystem)
    {
        var target = Path.GetFullPath(path);
        FileStatus? original = null;
        try
        {
            var status = fileSystem.Status(target, followLinks: false);
            if (status.Kind == FileKind.SymbolicLink)
            {
                target = fileSystem.RealPath(target);
                status = fileSystem.Status(target, followLinks: false);
            }

            if (status.Kind != FileKind.Regular)
            {
                throw new IOException($"{path} is not a regular file ({FileFinder.Describe(status.Kind)}); it is not replaced");
            }

            original = status;
        }
        catch (FileNotFoundException)
        {
            // A new file: created with the usual permissions.
        }

        var folder = Path.GetDirectoryName(target)!;
        var temporary = CreateTemporary(folder, Path.GetFileName(target), fileSystem, out var stream);
        try
        {
            using (stream)
            {
                write(stream);
                fileSystem.FlushToDisk(stream);
            }

            if (original is { } old)
            {
                fileSystem.CopyModeAndOwner(temporary, old);
            }

            fileSystem.Rename(temporary, target);
        }
        catch
        {
            TryDelete(temporary, fileSystem);
            throw;
        }

        try
        {
            fileSystem.FlushDirectory(folder);
        }
        catch (IOException)
        {
            // The new file is in place and its data on disk; only its name's durability across a power loss is
            // less certain. Some file systems refuse fsync on a folder; that is no reason to report a failure.
        }
    }

    private static string CreateTemporary(string folder, string name, FileSystem fileSystem, out Stream stream)
    {
        // A random name, created only if absent: two writers, or a leftover of a killed run, never share one.
        for (var attempt = 0; ; attempt++)
        {
            var temporary = Path.Combine(folder, $".{name}.{Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal)}.tmp");
            try
            {
                stream = fileSystem.CreateNew(temporary);
                return temporary;
            }
            catch (IOException) when (attempt < 10 && File.Exists(temporary))
            {
            }
        }
    }

    private static void TryDelete(string path, FileSystem fileSystem)
    {
        try
        {
            fileSystem.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The first failure is the one to report; this file is then left behind, under its temporary name.
        }
    }
}
