using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Serialization;

public class SmokeTests
{
    [Fact]
    public void Wildcard_cnn_scenario_reads_and_writes_back_the_same_bytes()
    {
        var path = Path.Combine(TestPaths.Scenarios, "egress-wildcard-cnn.yaml");
        var text = File.ReadAllText(path);
        var resources = MeshYaml.Read(text, "egress-wildcard-cnn.yaml");
        var written = MeshYaml.Serialize(resources);
        var body = string.Join("\n", text.Split('\n').Where(l => !l.StartsWith('#')));
        Assert.Equal(body, written);
    }
}
