using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Tests.Model;

public class LazyCollectionTests
{
    [Fact]
    public void A_collection_never_read_and_one_read_but_left_empty_compare_equal_and_write_the_same()
    {
        var untouched = Entry();
        var read = Entry();
        Assert.Empty(read.Spec.Addresses);
        Assert.Empty(read.Spec.Endpoints);
        Assert.Empty(read.Spec.SubjectAltNames);

        Assert.True(ResourceComparer.Instance.Equals(untouched, read));
        Assert.True(ResourceComparer.Instance.Equals(read, untouched));
        Assert.Equal(MeshYaml.Serialize(untouched), MeshYaml.Serialize(read));
    }

    [Fact]
    public void A_collection_set_to_null_reads_as_a_new_empty_one_that_keeps_what_is_added()
    {
        var entry = Entry();
        entry.Spec.ExportTo = null!;

        Assert.Empty(entry.Spec.ExportTo);
        entry.Spec.ExportTo.Add(".");

        Assert.Equal(["."], entry.Spec.ExportTo);
        Assert.Contains("exportTo:\n  - .\n", MeshYaml.Serialize(entry), StringComparison.Ordinal);
    }

    [Fact]
    public void Validating_a_resource_leaves_its_written_yaml_unchanged()
    {
        var entry = Entry();
        var before = MeshYaml.Serialize(entry);

        var mesh = new IstioMesh();
        mesh.Add(entry);
        _ = mesh.Validate();

        Assert.Equal(before, MeshYaml.Serialize(entry));
        Assert.True(ResourceComparer.Instance.Equals(Entry(), entry));
    }

    private static ServiceEntry Entry()
    {
        var entry = new ServiceEntry();
        entry.Metadata.Name = "api";
        entry.Metadata.NamespaceProperty = "prod";
        entry.Spec.Hosts.Add("api.example.com");
        entry.Spec.Ports.Add(new ServicePort { Number = 443, Name = "https", Protocol = "TLS" });
        entry.Spec.Location = ServiceEntryLocation.MeshExternal;
        entry.Spec.Resolution = ServiceEntryResolution.Dns;
        return entry;
    }
}
