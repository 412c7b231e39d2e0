using Mesh.Dsl.IO;

namespace Mesh.Dsl.Serialization;

/// <summary>How the loader opens files: one place, for every command and the library.</summary>
internal static class ManifestFiles
{
    /// <summary>
    /// A reader of the file's text, strictly decoded (<see cref="TextFile.OpenReader"/>): UTF-8 unless a byte order
    /// mark says otherwise (the mark is not part of the text), invalid bytes an error with their line and column, at
    /// most <see cref="FileFinder.MaxFileSize"/> bytes. A UTF-8 file is read in pieces, never whole, so memory does
    /// not grow with the file.
    /// </summary>
    /// <exception cref="IOException">When the file is missing, unreadable or too large.</exception>
    /// <exception cref="MeshReadException">When its bytes are not valid text: one error with the position.</exception>
    public static TextReader OpenText(string path) => OpenText(path, FileSystem.Real);

    /// <inheritdoc cref="OpenText(string)"/>
    public static TextReader OpenText(string path, FileSystem fileSystem) => TextFile.OpenReader(path, fileSystem);
}
