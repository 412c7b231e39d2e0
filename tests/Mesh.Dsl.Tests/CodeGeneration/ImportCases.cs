using Mesh.Dsl.CodeGeneration;
using Mesh.Dsl.Model;
using Mesh.Dsl.Samples;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Tests.Model;

namespace Mesh.Dsl.Tests.CodeGeneration;

/// <summary>
/// The YAML files the import round trip covers: every seed scenario fixture, the edge cases of
/// Fixtures/Import (values the builders refuse, metadata only the model can hold), every sample's output,
/// and documents that set every leaf field of every kind and served version (made from Istio's CRD
/// bundle), each as the input <c>mesh import</c> would make of it.
/// </summary>
internal static class ImportCases
{
    public static IReadOnlyList<MeshCodeInput> All { get; } = Create();

    private static List<MeshCodeInput> Create()
    {
        var inputs = new List<MeshCodeInput>();
        foreach (var file in Directory.GetFiles(TestPaths.Scenarios, "*.yaml").Order(StringComparer.Ordinal))
        {
            inputs.Add(FromText("scenarios/" + Path.GetFileName(file), File.ReadAllText(file)));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "tests", "Mesh.Dsl.Tests", "Fixtures", "Import"), "*.yaml").Order(StringComparer.Ordinal))
        {
            inputs.Add(FromText("import/" + Path.GetFileName(file), File.ReadAllText(file)));
        }

        foreach (var sample in SampleCatalogue.All)
        {
            inputs.Add(FromText($"samples/{sample.Id}.yaml", sample.ToYaml()));
        }

        foreach (var kind in ResourceKinds.All)
        {
            foreach (var version in CrdBundle.ServedVersions(kind.Kind))
            {
                var documents = new CrdDocumentGenerator(version.Spec).GenerateAll();
                var text = string.Join("---\n", documents.Select((spec, i) => GenericTree.ToJson(new SortedDictionary<string, object>(StringComparer.Ordinal)
                {
                    ["apiVersion"] = new Leaf("str", version.ApiVersion),
                    ["kind"] = new Leaf("str", version.Kind),
                    ["metadata"] = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["name"] = new Leaf("str", "every-field-" + i) },
                    ["spec"] = spec,
                }) + "\n"));
                inputs.Add(FromText($"crd/{kind.Kind}-{version.Version}.yaml", text));
            }
        }

        return inputs;
    }

    private static MeshCodeInput FromText(string relativePath, string text)
        => new(relativePath, MeshYaml.Read(text, relativePath)) { SourceText = text };
}
