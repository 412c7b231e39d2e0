using System.Text.Json.Nodes;
using k8s.Models;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Samples;

/// <summary>
/// The feature switch that lets the samples' NativeAOT publish leave KubernetesClient's JSON machinery out
/// (<see cref="KubernetesJsonSwitch"/>): on in the library by default, so validation reads Kubernetes objects and
/// managed fields of any type are written; off in the samples program, whose runtimeconfig.json carries it (the
/// trimmer reads the same item). .ci/run checks that the samples write the same bytes with it off under NativeAOT
/// as the JIT build does.
/// </summary>
public class KubernetesJsonSwitchTests
{
    [Fact]
    public void The_library_uses_KubernetesJson_unless_a_program_turns_it_off()
    {
        Assert.True(KubernetesJsonSwitch.IsSupported);

        // A fieldsV1 that is neither a JsonNode nor a JsonElement goes through KubernetesJson.
        var fields = new Dictionary<string, object> { ["f:spec"] = new Dictionary<string, object>() };
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"f:spec":{}}"""), FreeFormValues.From(fields)));

        var result = MeshYaml.TryRead(new StringReader("apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\nspec:\n  ports:\n  - port: 9080\n"), "service.yaml");
        Assert.Empty(result.Errors);
        var service = Assert.IsType<V1Service>(Assert.Single(result.KubernetesObjects));
        Assert.Equal(9080, Assert.Single(service.Spec.Ports).Port);
    }

    [Fact]
    public void The_samples_program_turns_KubernetesJson_off()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Mesh.Dsl.Samples.runtimeconfig.json")))!;
        Assert.False(config["runtimeOptions"]?["configProperties"]?[KubernetesJsonSwitch.Name]?.GetValue<bool>() ?? true);
    }

    [Fact]
    public void The_message_with_the_switch_off_names_the_switch()
    {
        Assert.Contains("Mesh.Dsl.KubernetesJson.IsSupported = false", KubernetesJsonSwitch.Unsupported("reading a Service for validation"), StringComparison.Ordinal);
    }
}
