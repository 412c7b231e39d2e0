namespace Mesh.Dsl.Serialization;

/// <summary>
/// The path <c>-</c> of a command line, which stands for standard input: the caller hands it over as a
/// reader (the library never touches the process's console), and it is read once, after the files.
/// </summary>
internal static class MeshInputs
{
    /// <summary>The path that stands for standard input.</summary>
    public const string StandardInputPath = "-";

    /// <summary>How diagnostics and errors name standard input.</summary>
    public const string StandardInputName = "<stdin>";

    /// <summary>The paths without <c>-</c>, and whether <c>-</c> was among them.</summary>
    public static (List<string> Paths, bool StandardInput) WithoutStandardInput(IEnumerable<string> paths)
    {
        var rest = new List<string>();
        var standardInput = false;
        foreach (var path in paths)
        {
            if (path == StandardInputPath)
            {
                standardInput = true;
            }
            else
            {
                rest.Add(path);
            }
        }

        return (rest, standardInput);
    }
}
