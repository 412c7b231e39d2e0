using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Tests.Scenarios;

public class ExternalServiceRecipeTests
{
    [Fact]
    public void Concrete_host_gets_only_the_https_port_dns_resolution_and_a_name_from_the_host()
    {
        var entry = new IstioMesh().Egress().ExternalService("api.example.com").ServiceEntry;

        Assert.Equal("api-example-com", entry.Metadata.Name);
        Assert.Equal(["api.example.com"], entry.Spec.Hosts);
        Assert.Equal([(443u, "https-port", "HTTPS")], entry.Spec.Ports.Select(p => (p.Number!.Value, p.Name, p.Protocol)));
        Assert.Equal(ServiceEntryResolution.Dns, entry.Spec.Resolution);
        Assert.Null(entry.Spec.Location);
        Assert.Equal(ApiVersions.NetworkingV1, entry.ApiVersion);
    }

    [Fact]
    public void A_wildcard_among_the_hosts_makes_resolution_none()
    {
        var entry = new IstioMesh().Egress().ExternalService(["api.example.com", "*.cnn.com"]).ServiceEntry;

        Assert.Equal(ServiceEntryResolution.None, entry.Spec.Resolution);
    }

    [Fact]
    public void Options_change_name_namespace_ports_resolution_location_and_api_version()
    {
        var entry = new IstioMesh().Egress().ExternalService("db.example.com", o =>
        {
            o.Name = "database";
            o.Namespace = "shop";
            o.Ports = [ExternalPort.Tcp(5432), ExternalPort.Tls(8443, "admin") with { TargetPort = 443 }];
            o.Resolution = ServiceEntryResolution.Static;
            o.Location = ServiceEntryLocation.MeshExternal;
            o.ApiVersion = ApiVersions.NetworkingV1Beta1;
        }).ServiceEntry;

        Assert.Equal("database", entry.Metadata.Name);
        Assert.Equal("shop", entry.Metadata.NamespaceProperty);
        Assert.Equal([(5432u, "tcp-5432", "TCP", (uint?)null), (8443u, "admin", "TLS", 443u)], entry.Spec.Ports.Select(p => (p.Number!.Value, p.Name, p.Protocol, p.TargetPort)));
        Assert.Equal(ServiceEntryResolution.Static, entry.Spec.Resolution);
        Assert.Equal(ServiceEntryLocation.MeshExternal, entry.Spec.Location);
        Assert.Equal(ApiVersions.NetworkingV1Beta1, entry.ApiVersion);
    }

    [Fact]
    public void The_entry_is_added_to_the_mesh_and_the_handle_edits_it()
    {
        var mesh = new IstioMesh("apps");
        var access = mesh.Egress().ExternalService("api.example.com");

        access.ServiceEntry.Spec.ExportTo.Add(".");

        Assert.Same(access.ServiceEntry, Assert.Single(mesh.Resources));
        Assert.Equal("apps", access.ServiceEntry.Metadata.NamespaceProperty);
        Assert.Contains("exportTo:\n  - .\n", mesh.ToYaml(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://api.example.com")]
    public void Bad_hosts_are_rejected(string host)
    {
        Assert.Throws<ArgumentException>(() => new IstioMesh().Egress().ExternalService(host));
    }

    [Fact]
    public void No_hosts_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new IstioMesh().Egress().ExternalService([]));
        Assert.Contains("at least one host", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_option_values_are_rejected_and_nothing_is_added()
    {
        var mesh = new IstioMesh();

        Assert.Throws<ArgumentOutOfRangeException>(() => mesh.Egress().ExternalService("a.example.com", o => o.Ports = [ExternalPort.Http(0)]));
        Assert.Throws<ArgumentException>(() => mesh.Egress().ExternalService("a.example.com", o => o.Name = "Not_A_Name"));
        Assert.Throws<ArgumentException>(() => mesh.Egress().ExternalService("a.example.com", o => o.ApiVersion = "networking.istio.io/v2"));
        Assert.Empty(mesh.Resources);
    }
}
