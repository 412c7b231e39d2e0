namespace Mesh.Dsl.IO;

/// <summary>What <see cref="FileFinder.Find(IEnumerable{string}, Func{string, bool})"/> found.</summary>
public sealed class FileSearch
{
    private readonly IReadOnlyList<string> _realRoots;

    internal FileSearch(IReadOnlyList<FoundFile> files, IReadOnlyList<FileProblem> problems, IReadOnlyList<string> realRoots)
    {
        Files = files;
        Problems = problems;
        _realRoots = realRoots;
    }

    /// <summary>The regular files, each once (a file reached twice, by a link or a second path, is listed where it was first found).</summary>
    public IReadOnlyList<FoundFile> Files { get; }

    /// <summary>The paths not read, with the reason: errors and files skipped on purpose, in path order.</summary>
    public IReadOnlyList<FileProblem> Problems { get; }

    /// <summary>True when a problem is an error.</summary>
    public bool HasErrors => Problems.Any(p => p.IsError);

    /// <summary>
    /// True when <paramref name="realPath"/> (links resolved, as <see cref="FoundFile.RealPath"/>) is one of the files
    /// given or lies below one of the folders given, themselves with links resolved: a symbolic link's target that
    /// may be rewritten on the user's behalf.
    /// </summary>
    /// <param name="realPath">An absolute path with links resolved.</param>
    /// <returns>Whether it is inside the paths given.</returns>
    public bool IsInsidePathsGiven(string realPath)
    {
        ArgumentNullException.ThrowIfNull(realPath);
        foreach (var root in _realRoots)
        {
            if (FileFinder.PathComparer.Equals(realPath, root)
                || (realPath.Length > root.Length && realPath.StartsWith(root, FileFinder.PathComparison)
                    && (root.EndsWith(Path.DirectorySeparatorChar) || realPath[root.Length] == Path.DirectorySeparatorChar)))
            {
                return true;
            }
        }

        return false;
    }
}
