namespace Mesh.Dsl.Tests;

/// <summary>Where the tests find the repository and the shared design material beside it.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>../shared beside the repository: the scenarios, seeds and Istio's CRD bundle.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Scenarios => Path.Combine(Shared, "scenarios");

    public static string CrdBundle => Path.Combine(Shared, "istio", "customresourcedefinitions.gen.yaml");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MeshDsl.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MeshDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
