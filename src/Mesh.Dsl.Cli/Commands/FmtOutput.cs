using Mesh.Dsl.IO;

namespace Mesh.Dsl.Cli.Commands;

/// <summary>
/// Where <c>mesh fmt --out</c> and <c>--write</c> put a formatted file, and how: every file is replaced whole
/// through <see cref="AtomicFile"/> (a temporary file flushed to disk and renamed over the old one), so a
/// failure or a kill leaves the old file or the new one, never a torn one.
/// </summary>
internal sealed class FmtOutput(FileSystem fileSystem, FileSearch search, string? outDirectory)
{
    private readonly Dictionary<string, FoundFile> _sourceByTarget = new(StringComparer.Ordinal);

    /// <summary>
    /// Why <paramref name="file"/> must not be rewritten in place, or null: a symbolic link whose target lies outside
    /// the paths given (rewriting it would change a file the user did not name).
    /// </summary>
    public string? RefusalToWriteInPlace(FoundFile file)
        => file.IsSymbolicLink && !search.IsInsidePathsGiven(file.RealPath)
            ? $"skipped: a symbolic link to {file.RealPath}, outside the paths given; --write rewrites only files inside them"
            : null;

    /// <summary>
    /// Writes the content of the file <paramref name="formatted"/> for <paramref name="file"/>: in place (at a link's
    /// target), or into the --out folder at its path below the folder given; a target that already holds exactly that
    /// content is not touched. Streams: memory does not grow with the file. Returns a message for the user when it did not write.
    /// </summary>
    public string? Write(FoundFile file, string formatted)
    {
        var target = outDirectory is null ? file.RealPath : Path.GetFullPath(Path.Combine(outDirectory, file.RelativePath));
        if (_sourceByTarget.TryGetValue(target, out var earlier))
        {
            // The same file reached twice (a folder and a file in it) is formatted once; two files cannot share an output.
            return FileFinder.PathComparer.Equals(earlier.RealPath, file.RealPath)
                ? null
                : $"{file.Path}: not written: {target} already holds the output of {earlier.Path}";
        }

        _sourceByTarget.Add(target, file);
        try
        {
            if (HasContent(target, formatted))
            {
                return null; // already canonical: not touched, so its time stamp and inode stay
            }

            fileSystem.CreateDirectory(Path.GetDirectoryName(target)!);
            AtomicFile.Write(target, stream =>
            {
                using var source = File.OpenRead(formatted);
                source.CopyTo(stream);
            }, fileSystem);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{file.Path}: not written: {FileFinder.Reason(e)}" + (outDirectory is null ? "; the file is unchanged" : string.Empty);
        }
    }

    private bool HasContent(string path, string formatted)
    {
        var length = new FileInfo(formatted).Length;
        try
        {
            var status = fileSystem.Status(path, followLinks: true);
            if (status.Kind != FileKind.Regular || status.Size != length)
            {
                return false;
            }
        }
        catch (FileNotFoundException)
        {
            return false;
        }

        using var existing = fileSystem.OpenRead(path);
        using var wanted = File.OpenRead(formatted);
        var left = new byte[1 << 16];
        var right = new byte[1 << 16];
        while (true)
        {
            var read = wanted.ReadAtLeast(right, right.Length, throwOnEndOfStream: false);
            if (existing.ReadAtLeast(left, read, throwOnEndOfStream: false) != read || !left.AsSpan(0, read).SequenceEqual(right.AsSpan(0, read)))
            {
                return false;
            }

            if (read < right.Length)
            {
                return existing.ReadByte() < 0;
            }
        }
    }
}
