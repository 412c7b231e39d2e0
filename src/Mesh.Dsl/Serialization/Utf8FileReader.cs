using Mesh.Dsl.IO;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// The reader <see cref="TextFile.OpenReader"/> gives for a UTF-8 file it can seek in: it also says which file it
/// reads and at which byte the text starts, so that the loader need not keep the text it read. A resource's
/// <see cref="ResourceSource"/> reads its part of the file again when a diagnostic asks where a field is.
/// </summary>
internal sealed class Utf8FileReader(Stream file, System.Text.Encoding encoding, int bufferSize, string path, FileSystem fileSystem, int textStart)
    : StreamReader(file, encoding, detectEncodingFromByteOrderMarks: false, bufferSize)
{
    /// <summary>The file's path, as it was opened.</summary>
    public string Path { get; } = path;

    /// <summary>The file system it was opened through, to open it again.</summary>
    public FileSystem FileSystem { get; } = fileSystem;

    /// <summary>The byte at which the text starts (after a UTF-8 byte order mark).</summary>
    public int TextStart { get; } = textStart;
}
