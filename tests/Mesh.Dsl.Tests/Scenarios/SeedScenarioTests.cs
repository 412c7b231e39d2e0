using Mesh.Dsl.Model;
using Mesh.Dsl.Samples;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Scenarios;

/// <summary>Each sample of a seed scenario produces exactly the documents of Fixtures/Scenarios/&lt;id&gt;.yaml.</summary>
public class SeedScenarioTests
{
    public static TheoryData<string> SeedIds()
    {
        var data = new TheoryData<string>();
        foreach (var sample in SampleCatalogue.All.Where(s => File.Exists(ExpectedPath(s.Id))))
        {
            data.Add(sample.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Sample_equals_the_seed_scenario(string id)
    {
        var expected = MeshYaml.ReadFile(ExpectedPath(id));
        var actual = MeshYaml.Read(SampleCatalogue.Find(id)!.ToYaml(), id + " (sample)");

        Assert.Equal(DocumentList(expected), DocumentList(actual));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(
                ResourceComparer.Instance.Equals(expected[i], actual[i]),
                $"document {i + 1} ({expected[i]}) differs.\nexpected:\n{MeshYaml.Serialize(expected[i])}\nactual:\n{MeshYaml.Serialize(actual[i])}");
        }
    }

    [Fact]
    public void Every_seed_scenario_file_has_a_sample()
    {
        var files = Directory.GetFiles(TestPaths.Scenarios, "*.yaml")
            .Select(Path.GetFileName)
            .Where(f => !f!.EndsWith(".input.yaml", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f!))
            .Order(StringComparer.Ordinal);

        var sampled = SampleCatalogue.All.Select(s => s.Id).Where(id => File.Exists(ExpectedPath(id)));
        Assert.Equal(files, sampled.Order(StringComparer.Ordinal));
    }

    private static string ExpectedPath(string id) => Path.Combine(TestPaths.Scenarios, id + ".yaml");

    private static List<string> DocumentList(IEnumerable<IstioResource> resources)
        => resources.Select(r => $"{r.ApiVersion} {r}").ToList();
}
