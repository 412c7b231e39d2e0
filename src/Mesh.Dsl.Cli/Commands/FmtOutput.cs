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
    /// Writes <paramref name="bytes"/> for <paramref name="file"/>: in place (at a link's target), or into the
    /// --out folder at its path below the folder given. Returns a message for the user when it did not.
    /// </summary>
    public string? Write(FoundFile file, byte[] bytes)
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
            if (HasContent(target, bytes))
            {
                return null; // already canonical: not touched, so its time stamp and inode stay
            }

            fileSystem.CreateDirectory(Path.GetDirectoryName(target)!);
            AtomicFile.Write(target, stream => stream.Write(bytes), fileSystem);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{file.Path}: not written: {FileFinder.Reason(e)}" + (outDirectory is null ? "; the file is unchanged" : string.Empty);
        }
    }

    /// <summary>The bytes of <paramref name="file"/> as they are (for --out of a file that holds no resource).</summary>
    public byte[] ReadAsItIs(FoundFile file)
    {
        using var stream = fileSystem.OpenRead(file.Path);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private bool HasContent(string path, byte[] bytes)
    {
        try
        {
            var status = fileSystem.Status(path, followLinks: true);
            if (status.Kind != FileKind.Regular || status.Size != bytes.Length)
            {
                return false;
            }
        }
        catch (FileNotFoundException)
        {
            return false;
        }

        using var stream = fileSystem.OpenRead(path);
        var existing = new byte[bytes.Length];
        return stream.ReadAtLeast(existing, existing.Length, throwOnEndOfStream: false) == existing.Length && stream.ReadByte() < 0
            && existing.AsSpan().SequenceEqual(bytes);
    }
}
