namespace Mesh.Dsl.IO;

/// <summary>What a path is, as <c>lstat</c> or <c>stat</c> says.</summary>
internal enum FileKind
{
    /// <summary>A regular file: the only kind that is read or written.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A symbolic link (only when links are not followed).</summary>
    SymbolicLink,

    /// <summary>A named pipe: opening it for reading waits for a writer, possibly forever.</summary>
    Fifo,

    /// <summary>A character device such as /dev/zero: reading it may never end.</summary>
    CharacterDevice,

    /// <summary>A block device: a whole disk, not a configuration file.</summary>
    BlockDevice,

    /// <summary>A Unix domain socket: it cannot be opened as a file.</summary>
    Socket,
}
