namespace Mesh.Dsl.Generator;

/// <summary>The generators of the repository, and what running or checking them means.</summary>
internal static class Generators
{
    /// <summary>Every generator, in the order they run.</summary>
    public static IReadOnlyList<IGenerator> All { get; } =
    [
        new Model.ModelGenerator(),
        new DiagnosticCatalogueGenerator(),
    ];

    /// <summary>
    /// Compares a generator's output with the files on disk: files that differ or are missing, and files in
    /// its owned folders that it does not produce. Empty when the checked-in output is current.
    /// </summary>
    public static IReadOnlyList<string> Differences(IGenerator generator, string repositoryRoot)
    {
        var differences = new List<string>();
        var produced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in generator.Generate(repositoryRoot))
        {
            produced.Add(file.RelativePath);
            var path = Path.Combine(repositoryRoot, file.RelativePath);
            if (!File.Exists(path))
            {
                differences.Add($"{file.RelativePath}: missing");
            }
            else if (File.ReadAllText(path) != file.Content)
            {
                differences.Add($"{file.RelativePath}: differs from what {generator.Name} generates");
            }
        }

        foreach (var stale in OwnedFiles(generator, repositoryRoot).Where(f => !produced.Contains(f)))
        {
            differences.Add($"{stale}: in a folder {generator.Name} owns, but not generated");
        }

        return differences;
    }

    /// <summary>Writes a generator's output (each file replaced whole, through a temporary file) and deletes stale files of its folders.</summary>
    /// <returns>How many files were written or deleted.</returns>
    public static int Write(IGenerator generator, string repositoryRoot)
    {
        var changed = 0;
        var produced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in generator.Generate(repositoryRoot))
        {
            produced.Add(file.RelativePath);
            var path = Path.Combine(repositoryRoot, file.RelativePath);
            if (File.Exists(path) && File.ReadAllText(path) == file.Content)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, file.Content);
            File.Move(temporary, path, overwrite: true);
            changed++;
        }

        foreach (var stale in OwnedFiles(generator, repositoryRoot).Where(f => !produced.Contains(f)))
        {
            File.Delete(Path.Combine(repositoryRoot, stale));
            changed++;
        }

        return changed;
    }

    private static IEnumerable<string> OwnedFiles(IGenerator generator, string repositoryRoot)
    {
        foreach (var folder in generator.OwnedFolders)
        {
            var directory = Path.Combine(repositoryRoot, folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                yield return Path.GetRelativePath(repositoryRoot, file).Replace('\\', '/');
            }
        }
    }

    /// <summary>The repository root: the folder holding MeshDsl.sln, found by walking up from <paramref name="start"/>.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MeshDsl.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
