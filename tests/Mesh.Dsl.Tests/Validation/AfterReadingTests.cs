using Mesh.Dsl.Cli.Commands;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>
/// The step between reading and validating files (where <c>mesh validate</c> collects the reader's garbage): it
/// runs once, with everything read, and changes nothing that is reported.
/// </summary>
public sealed class AfterReadingTests
{
    [Fact]
    public void Runs_once_with_the_resources_and_Kubernetes_objects_read_and_leaves_the_diagnostics_as_they_are()
    {
        var file = Path.Combine(TestPaths.Scenarios, "egress-gateway-http.yaml");
        var read = MeshYaml.TryReadFile(file, new ManifestReadOptions { ReadKubernetesObjects = true });
        var counts = new List<int>();

        var diagnostics = new MeshValidator { ReadKubernetesObjects = true, AfterReading = counts.Add }.ValidateFiles([file]);
        var collected = new MeshValidator { ReadKubernetesObjects = true, AfterReading = _ => MemoryAfterReading.Release(MemoryAfterReading.CollectFrom) }.ValidateFiles([file]);

        Assert.Equal([read.Resources.Count + read.KubernetesObjects.Count], counts);
        Assert.True(counts[0] > 1);
        Assert.Equal(diagnostics.Select(d => d.ToString()), collected.Select(d => d.ToString()));
        Assert.Equal(new MeshValidator { ReadKubernetesObjects = true }.ValidateFiles([file]).Select(d => d.ToString()), diagnostics.Select(d => d.ToString()));
    }
}
