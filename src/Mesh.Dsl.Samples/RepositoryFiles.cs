namespace Mesh.Dsl.Samples;

/// <summary>Finds the repository (the folder holding MeshDsl.sln) and the shared design material beside it.</summary>
public static class RepositoryFiles
{
    private const string SolutionFile = "MeshDsl.sln";

    /// <summary>
    /// A file of <c>../shared/scenarios</c> beside the repository root, which is found by walking up
    /// from the current directory, then from the program's own folder, to <c>MeshDsl.sln</c>.
    /// </summary>
    /// <param name="fileName">The file name, e.g. <c>legacy-bookinfo-googleapis.input.yaml</c>.</param>
    /// <returns>The full path of the file.</returns>
    /// <exception cref="FileNotFoundException">The repository root or the file cannot be found; the message says where it looked.</exception>
    public static string SharedScenario(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var starts = new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        var root = starts.Select(FindRoot).FirstOrDefault(r => r is not null)
            ?? throw new FileNotFoundException(
                $"Cannot find {fileName}: no {SolutionFile} above {string.Join(" or ", starts)}. Run the samples from inside the Mesh.Dsl repository, with the shared folder beside it.",
                fileName);
        var path = Path.GetFullPath(Path.Combine(root, "..", "shared", "scenarios", fileName));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Cannot find {path}: the scenario inputs are expected in ../shared/scenarios beside the repository root {root}.", path);
    }

    private static string? FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
