namespace Mesh.Dsl.Serialization;

/// <summary>How the loader opens files: one place, for every command and the library.</summary>
internal static class ManifestFiles
{
    /// <summary>
    /// A reader of the file's text: UTF-8 unless a byte order mark says otherwise (the mark is not part of the text).
    /// Read in pieces, never whole, so memory does not grow with the file.
    /// </summary>
    public static TextReader OpenText(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        return new StreamReader(stream, MeshYaml.Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }
}
