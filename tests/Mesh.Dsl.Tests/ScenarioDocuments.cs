using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests;

/// <summary>Reads the documents of one kind from a scenario file, leaving out kinds this test does not need.</summary>
internal static class ScenarioDocuments
{
    public static IReadOnlyList<IstioResource> OfKind(string file, string kind)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Scenarios, file));
        var documents = text.Split("\n---")
            .Where(d => d.Contains($"\nkind: {kind}\n", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(documents);
        return documents.SelectMany(d => MeshYaml.Read(d, file)).ToList();
    }
}
