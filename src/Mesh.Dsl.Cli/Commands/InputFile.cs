namespace Mesh.Dsl.Cli.Commands;

/// <summary>One file to process, found from a PATH given on the command line.</summary>
/// <param name="Path">The file's path, as the PATH given plus the part below it: what error messages show.</param>
/// <param name="RelativePath">The path below the PATH given (a folder), or the file name (a PATH that is a file).</param>
internal sealed record InputFile(string Path, string RelativePath)
{
    /// <summary>
    /// The files a PATH stands for: a file itself, or every *.yaml and *.yml file below a folder in
    /// ordinal path order; null when the PATH does not exist.
    /// </summary>
    /// <param name="path">A file or folder, as given on the command line.</param>
    /// <returns>The files, or null.</returns>
    public static IReadOnlyList<InputFile>? ExpandYaml(string path)
    {
        if (File.Exists(path))
        {
            return [new InputFile(path, System.IO.Path.GetFileName(path))];
        }

        if (!Directory.Exists(path))
        {
            return null;
        }

        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(IsYaml)
            .Order(StringComparer.Ordinal)
            .Select(file => new InputFile(file, System.IO.Path.GetRelativePath(path, file)))
            .ToList();
    }

    /// <summary>True for *.yaml and *.yml names, in any case.</summary>
    /// <param name="path">A file path.</param>
    /// <returns>Whether it names a YAML file.</returns>
    public static bool IsYaml(string path)
        => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
