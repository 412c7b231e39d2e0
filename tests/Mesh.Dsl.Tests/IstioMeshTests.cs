using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Tests;

public class IstioMeshTests
{
    [Fact]
    public void Add_refuses_a_second_resource_of_the_same_kind_namespace_and_name()
    {
        var mesh = new IstioMesh();
        mesh.AddServiceEntry("svc", se => se.Hosts("svc.example.com"));
        var error = Assert.Throws<ArgumentException>(() => mesh.AddServiceEntry("svc", se => se.Hosts("other.example.com")));
        Assert.Contains("ServiceEntry svc", error.Message, StringComparison.Ordinal);
        Assert.Single(mesh.Resources);
    }

    [Fact]
    public void Add_accepts_the_same_name_in_another_kind_or_namespace()
    {
        var mesh = new IstioMesh();
        mesh.AddServiceEntry("svc", se => se.Hosts("svc.example.com"));
        mesh.AddDestinationRule("svc", dr => dr.Host("svc.example.com"));
        mesh.AddServiceEntry("svc", se => se.Namespace("other").Hosts("svc.example.com"));
        mesh.Add(new ServiceEntry { Metadata = new() { Name = null } });
        mesh.Add(new ServiceEntry { Metadata = new() { Name = string.Empty } });
        Assert.Equal(5, mesh.Resources.Count);
        Assert.Throws<ArgumentException>(() => mesh.Add(new ServiceEntry { Metadata = new() { Name = null } }));
    }
}
