namespace Mesh.Dsl.IO;

/// <summary>
/// Every file-system call the folder walker, the reader and the safe writer make, in one place. The real one
/// calls the system; tests derive from it to fail a chosen call (the machines run as root, so a permission
/// that root ignores, or a full disk, can only be shown this way).
/// </summary>
internal class FileSystem
{
    /// <summary>The system's file system.</summary>
    public static FileSystem Real { get; } = new();

    /// <summary>The status of a path; <paramref name="followLinks"/> false describes a symbolic link itself.</summary>
    /// <exception cref="IOException">With the system's reason: <see cref="FileNotFoundException"/> when nothing is there.</exception>
    public virtual FileStatus Status(string path, bool followLinks)
    {
        if (Posix.IsAvailable)
        {
            return Posix.Status(path, followLinks);
        }

        // Elsewhere .NET's view: files, folders and links (Windows has no FIFOs or devices in a folder tree).
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException("no such file or directory", path);
        }

        if (info.LinkTarget is not null)
        {
            if (!followLinks)
            {
                return new FileStatus(FileKind.SymbolicLink, 0, default, -1, -1);
            }

            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
            if (!info.Exists)
            {
                throw new FileNotFoundException("no such file or directory", path);
            }
        }

        var mode = OperatingSystem.IsWindows() ? default : info.UnixFileMode;
        return info is DirectoryInfo
            ? new FileStatus(FileKind.Directory, 0, mode, -1, -1)
            : new FileStatus(FileKind.Regular, ((FileInfo)info).Length, mode, -1, -1);
    }

    /// <summary>The entries of a folder (files, folders, links, special files), as paths below <paramref name="directory"/>.</summary>
    public virtual IEnumerable<string> Entries(string directory)
        => Directory.EnumerateFileSystemEntries(directory, "*", new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = false,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
        }).ToList();

    /// <summary>The absolute path with every symbolic link resolved, the file's one true name.</summary>
    public virtual string RealPath(string path)
    {
        if (Posix.IsAvailable)
        {
            return Posix.RealPath(path);
        }

        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full);
        var name = Path.GetFileName(full);
        var resolved = parent is null || name.Length == 0 ? full : Path.Combine(RealPath(parent), name);
        var link = new FileInfo(resolved).LinkTarget is not null ? File.ResolveLinkTarget(resolved, returnFinalTarget: true) : null;
        return link is null ? resolved : RealPath(link.FullName);
    }

    /// <summary>Opens a file to read it.</summary>
    public virtual Stream OpenRead(string path)
        => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);

    /// <summary>Creates a new file that must not exist yet: the safe writer's temporary file.</summary>
    public virtual Stream CreateNew(string path)
        => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);

    /// <summary>Flushes a file's data to the disk (fsync), not only to the system's cache.</summary>
    public virtual void FlushToDisk(Stream stream)
    {
        stream.Flush();
        if (stream is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }
    }

    /// <summary>Gives <paramref name="path"/> the permission bits and owner of <paramref name="original"/>.</summary>
    public virtual void CopyModeAndOwner(string path, FileStatus original)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(path, original.Mode);
        if (Posix.IsAvailable && original.UserId >= 0 && Posix.Status(path, followLinks: false) is var created
            && (created.UserId != original.UserId || created.GroupId != original.GroupId))
        {
            Posix.ChangeOwner(path, original.UserId, original.GroupId);
        }
    }

    /// <summary>Renames <paramref name="source"/> over <paramref name="target"/> in one step (rename(2)).</summary>
    public virtual void Rename(string source, string target) => File.Move(source, target, overwrite: true);

    /// <summary>Flushes a folder's list of names to the disk, so that a rename survives a power loss.</summary>
    public virtual void FlushDirectory(string directory)
    {
        if (Posix.IsAvailable)
        {
            Posix.FlushDirectory(directory);
        }
    }

    /// <summary>Deletes a file if it is there.</summary>
    public virtual void Delete(string path) => File.Delete(path);

    /// <summary>Creates a folder and the folders above it.</summary>
    public virtual void CreateDirectory(string path) => Directory.CreateDirectory(path);
}
