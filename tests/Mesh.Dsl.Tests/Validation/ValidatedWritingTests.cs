using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Tests.Validation;

public class ValidatedWritingTests
{
    private static IstioMesh MeshWithBadPort()
    {
        var mesh = new IstioMesh("default");
        var entry = new ServiceEntry { Metadata = new() { Name = "bad" } };
        entry.Spec.Hosts.Add("a.com");
        entry.Spec.Ports.Add(new ServicePort { Number = 0, Name = "http", Protocol = "HTTP" });
        entry.Spec.Ports.Add(new ServicePort { Number = 80, Name = "http", Protocol = "HTTP" });
        mesh.Add(entry);
        return mesh;
    }

    [Fact]
    public void Validate_returns_the_diagnostics_of_the_mesh()
        => Assert.Contains(MeshWithBadPort().Validate(), d => d.Code == DiagnosticCodes.InvalidPort && d.Path == "spec.ports[0].number");

    [Fact]
    public void Writing_a_mesh_with_errors_throws_listing_every_error()
    {
        var exception = Assert.Throws<MeshValidationException>(() => MeshWithBadPort().ToYaml());
        Assert.Equal(2, exception.Errors.Count());
        Assert.Contains("MESH1006", exception.Message, StringComparison.Ordinal);
        Assert.Contains("MESH1008", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_way_of_writing_a_mesh_with_errors_throws()
    {
        var mesh = MeshWithBadPort();
        Assert.Throws<MeshValidationException>(() => mesh.WriteYaml(new StringWriter()));
        Assert.Throws<MeshValidationException>(() => mesh.ToJson());
        Assert.Throws<MeshValidationException>(() => mesh.WriteToDirectory(Path.Combine(Path.GetTempPath(), "mesh-dsl-never-written")));
        Assert.False(Directory.Exists(Path.Combine(Path.GetTempPath(), "mesh-dsl-never-written")));
    }

    [Fact]
    public void Writing_with_allowErrors_writes_anyway()
    {
        var writer = new StringWriter();
        MeshWithBadPort().WriteYaml(writer, allowErrors: true);
        Assert.Contains("kind: ServiceEntry", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_mesh_is_written()
    {
        var mesh = new IstioMesh("default");
        var entry = new ServiceEntry { Metadata = new() { Name = "good" } };
        entry.Spec.Hosts.Add("a.com");
        entry.Spec.Ports.Add(new ServicePort { Number = 443, Name = "https", Protocol = "HTTPS" });
        entry.Spec.Resolution = ServiceEntryResolution.Dns;
        mesh.Add(entry);
        Assert.DoesNotContain(mesh.Validate(), d => d.IsError);
        Assert.Equal(Mesh.Dsl.Serialization.MeshYaml.Serialize(mesh.Resources), mesh.ToYaml());
    }
}
