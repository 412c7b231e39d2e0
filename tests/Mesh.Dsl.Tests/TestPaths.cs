namespace Mesh.Dsl.Tests;

/// <summary>Where the tests find the repository and the fixtures vendored in it (no test reads anything outside the repository).</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The seed scenarios' expected YAML (tests/Mesh.Dsl.Tests/Fixtures/Scenarios), one file per scenario.</summary>
    public static string Scenarios => Path.Combine(RepositoryRoot, "tests", "Mesh.Dsl.Tests", "Fixtures", "Scenarios");

    /// <summary>The Istio 0.x input of the legacy seed scenario, which the samples program embeds.</summary>
    public static string LegacyInput => Path.Combine(RepositoryRoot, "src", "Mesh.Dsl.Samples", "Scenarios", "legacy-bookinfo-googleapis.input.yaml");

    /// <summary>Every scenario YAML file the tests read, in ordinal order: the expected outputs and the legacy input.</summary>
    public static IEnumerable<string> ScenarioFiles
        => Directory.GetFiles(Scenarios, "*.yaml").Append(LegacyInput).Order(StringComparer.Ordinal);

    /// <summary>Istio's CRD bundle, vendored with the generator's inputs (tools/Mesh.Dsl.Generator/Istio).</summary>
    public static string CrdBundle => Path.Combine(RepositoryRoot, "tools", "Mesh.Dsl.Generator", "Istio", "customresourcedefinitions.gen.yaml");

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
