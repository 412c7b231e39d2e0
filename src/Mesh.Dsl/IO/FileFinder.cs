namespace Mesh.Dsl.IO;

/// <summary>
/// Finds the files that paths given by a user stand for: the library's <see cref="IstioMesh.Load"/> and
/// the <c>mesh</c> commands share it. It never hangs and never throws for what it finds:
/// <list type="bullet">
/// <item>Links to folders are not followed (so a link loop cannot make the walk endless); links to files are, once.</item>
/// <item>FIFOs, devices and sockets below a folder are skipped (opening a FIFO waits for a writer, /dev/zero never ends).</item>
/// <item>A missing path, an unreadable folder and a file over <see cref="MaxFileSize"/> are errors; the walk goes on.</item>
/// </list>
/// </summary>
public static class FileFinder
{
    /// <summary>
    /// The largest file read: 256 MiB. The reader holds a file's text as UTF-16 (twice its size) plus the model
    /// built from it, so a 256 MiB file already needs over a gigabyte; real configuration files are kilobytes to a
    /// few megabytes (100,000 generated services are 87 MB). Larger files are a mistake (a log, an image, a
    /// device), and .NET cannot hold a string of more than about a billion characters anyway.
    /// </summary>
    public const long MaxFileSize = 256L << 20;

    internal static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    internal static readonly StringComparer PathComparer = StringComparer.FromComparison(PathComparison);

    /// <summary>True for *.yaml and *.yml names, in any case.</summary>
    /// <param name="path">A path.</param>
    /// <returns>Whether it names a YAML file.</returns>
    public static bool IsYaml(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True for *.yaml, *.yml and *.json names, in any case.</summary>
    /// <param name="path">A path.</param>
    /// <returns>Whether it names a YAML or JSON file.</returns>
    public static bool IsYamlOrJson(string path) => IsYaml(path) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The files <paramref name="paths"/> stand for: a file given is taken whatever its name (a FIFO given by name
    /// too, for <c>&lt;(kubectl get ...)</c>); a folder is walked, in ordinal path order, for the files whose name
    /// <paramref name="isWanted"/> accepts.
    /// </summary>
    /// <param name="paths">Files or folders, in the order their files are listed.</param>
    /// <param name="isWanted">Which names below a folder to take, e.g. <see cref="IsYaml"/>.</param>
    /// <returns>The files and the problems.</returns>
    public static FileSearch Find(IEnumerable<string> paths, Func<string, bool> isWanted)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(isWanted);
        return Find(paths, isWanted, FileSystem.Real);
    }

    /// <summary>As <see cref="Find(IEnumerable{string}, Func{string, bool})"/>, through <paramref name="fileSystem"/>.</summary>
    internal static FileSearch Find(IEnumerable<string> paths, Func<string, bool> isWanted, FileSystem fileSystem)
    {
        var files = new List<FoundFile>();
        var problems = new List<FileProblem>();
        var roots = new List<string>();
        var seen = new HashSet<string>(PathComparer);
        foreach (var path in paths)
        {
            var found = new List<FoundFile>();
            var pathProblems = new List<FileProblem>();
            try
            {
                var status = fileSystem.Status(path, followLinks: true);
                var real = fileSystem.RealPath(path);
                if (status.Kind == FileKind.Directory)
                {
                    roots.Add(real);
                    Walk(path, real, isWanted, fileSystem, found, pathProblems);
                }
                else if (status.Kind is FileKind.Regular or FileKind.Fifo)
                {
                    roots.Add(real);
                    var isLink = fileSystem.Status(path, followLinks: false).Kind == FileKind.SymbolicLink;
                    Add(new FoundFile(path, Path.GetFileName(path), real, isLink, status.Size), found, pathProblems);
                }
                else
                {
                    pathProblems.Add(new FileProblem(path, $"skipped: {Describe(status.Kind)}, not a regular file", IsError: false));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                pathProblems.Add(new FileProblem(path, Reason(e), IsError: true));
            }

            found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            files.AddRange(found.Where(file => seen.Add(file.RealPath)));
            pathProblems.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            problems.AddRange(pathProblems);
        }

        return new FileSearch(files, problems, roots);
    }

    /// <summary>Every wanted file below <paramref name="root"/>, without following links to folders.</summary>
    private static void Walk(string root, string realRoot, Func<string, bool> isWanted, FileSystem fileSystem, List<FoundFile> found, List<FileProblem> problems)
    {
        var folders = new Stack<string>();
        folders.Push(root);
        while (folders.TryPop(out var folder))
        {
            IEnumerable<string> entries;
            try
            {
                entries = fileSystem.Entries(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new FileProblem(folder, "cannot read the folder: " + Reason(e), IsError: true));
                continue;
            }

            foreach (var entry in entries)
            {
                try
                {
                    var status = fileSystem.Status(entry, followLinks: false);
                    switch (status.Kind)
                    {
                        case FileKind.Directory:
                            folders.Push(entry);
                            break;
                        case FileKind.Regular when isWanted(entry):
                            // No link to a folder is followed, so below the real root the path is already real.
                            var relative = Path.GetRelativePath(root, entry);
                            Add(new FoundFile(entry, relative, Path.Combine(realRoot, relative), IsSymbolicLink: false, status.Size), found, problems);
                            break;
                        case FileKind.SymbolicLink:
                            AddLink(root, entry, isWanted, fileSystem, found, problems);
                            break;
                        case FileKind.Regular:
                            break;
                        default:
                            if (isWanted(entry))
                            {
                                problems.Add(new FileProblem(entry, $"skipped: {Describe(status.Kind)}, not a regular file", IsError: false));
                            }

                            break;
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    if (isWanted(entry))
                    {
                        problems.Add(new FileProblem(entry, Reason(e), IsError: true));
                    }
                }
            }
        }
    }

    private static void AddLink(string root, string link, Func<string, bool> isWanted, FileSystem fileSystem, List<FoundFile> found, List<FileProblem> problems)
    {
        FileStatus target;
        try
        {
            target = fileSystem.Status(link, followLinks: true);
        }
        catch (FileNotFoundException)
        {
            if (isWanted(link))
            {
                problems.Add(new FileProblem(link, "skipped: a symbolic link to nothing (its target does not exist)", IsError: false));
            }

            return;
        }
        catch (IOException e)
        {
            if (isWanted(link))
            {
                problems.Add(new FileProblem(link, "skipped: a symbolic link that cannot be followed: " + Reason(e), IsError: false));
            }

            return;
        }

        if (target.Kind == FileKind.Directory)
        {
            problems.Add(new FileProblem(link, "skipped: a symbolic link to a folder (links to folders are not followed)", IsError: false));
        }
        else if (!isWanted(link))
        {
            return;
        }
        else if (target.Kind == FileKind.Regular)
        {
            Add(new FoundFile(link, Path.GetRelativePath(root, link), fileSystem.RealPath(link), IsSymbolicLink: true, target.Size), found, problems);
        }
        else
        {
            problems.Add(new FileProblem(link, $"skipped: a symbolic link to {Describe(target.Kind)}, not a regular file", IsError: false));
        }
    }

    private static void Add(FoundFile file, List<FoundFile> found, List<FileProblem> problems)
    {
        if (file.Size > MaxFileSize)
        {
            problems.Add(new FileProblem(file.Path, TooLarge(file.Size), IsError: true));
        }
        else
        {
            found.Add(file);
        }
    }

    /// <summary>The message for a file over <see cref="MaxFileSize"/>.</summary>
    internal static string TooLarge(long size)
        => $"not read: the file is larger than the limit of {MaxFileSize >> 20} MiB ({size:N0} bytes)";

    /// <summary>A kind of file for a message: "a named pipe (FIFO)".</summary>
    internal static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        _ => "a socket",
    };

    /// <summary>Why a path could not be read, in the system's words without the path (messages put the path first).</summary>
    internal static string Reason(Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        UnauthorizedAccessException => "permission denied",
        PosixIOException posix => posix.Message,
        _ => exception.Message,
    };
}
