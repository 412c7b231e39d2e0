namespace Mesh.Dsl.Serialization;

/// <summary>
/// The inputs a command line names: files, folders, and <c>-</c> for standard input, which the caller
/// hands over as a reader (the library never touches the process's console). Standard input can be read
/// only once, so its text is kept for a second <c>-</c>.
/// </summary>
internal sealed class MeshInputs(TextReader? standardInput)
{
    /// <summary>The path that stands for standard input.</summary>
    public const string StandardInputPath = "-";

    /// <summary>How diagnostics and errors name standard input.</summary>
    public const string StandardInputName = "<stdin>";

    private string? _standardInputText;

    /// <summary>The files of the paths (folders expanded, <c>-</c> kept), in order.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths) => IstioMesh.ExpandPaths(paths);

    /// <summary>The name to report and the text of one expanded path.</summary>
    /// <exception cref="IOException">When a file is missing or unreadable, or <c>-</c> is given without a standard input.</exception>
    public (string Name, string Text) Read(string path)
    {
        if (path != StandardInputPath)
        {
            return (path, TextFile.Read(path));
        }

        if (standardInput is null)
        {
            throw new IOException("'-' names standard input, which this caller does not provide");
        }

        return (StandardInputName, _standardInputText ??= standardInput.ReadToEnd());
    }
}
