using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Tests.Scenarios;

public class TlsOriginationRecipeTests
{
    [Fact]
    public void TargetPort_style_forwards_port_80_to_443_and_originates_tls_on_80()
    {
        var result = new IstioMesh().Egress().OriginateTls("api.example.com");

        var http = result.ServiceEntry.Spec.Ports[0];
        Assert.Equal((80u, 443u), (http.Number!.Value, http.TargetPort!.Value));
        var setting = Assert.Single(result.DestinationRule.Spec.TrafficPolicy!.PortLevelSettings);
        Assert.Equal(80u, setting.Port!.Number);
        Assert.Equal(ClientTlsMode.Simple, setting.Tls!.Mode);
        Assert.Null(result.DestinationRule.Spec.TrafficPolicy.LoadBalancer);
        Assert.Null(result.VirtualService);
    }

    [Fact]
    public void TlsOrigination_rewrites_port_80_to_443()
    {
        var result = new IstioMesh().Egress().OriginateTls("api.example.com", TlsOriginationStyle.PortRewrite);

        Assert.Equal(["HTTP", "HTTP"], result.ServiceEntry.Spec.Ports.Select(p => p.Protocol));
        var route = Assert.Single(result.VirtualService!.Spec.Http);
        Assert.Equal(80u, Assert.Single(route.Match).Port);
        Assert.Equal(443u, Assert.Single(route.Route).Destination!.Port!.Number);
        Assert.Equal(443u, Assert.Single(result.DestinationRule.Spec.TrafficPolicy!.PortLevelSettings).Port!.Number);
        Assert.Equal(LoadBalancerAlgorithm.RoundRobin, result.DestinationRule.Spec.TrafficPolicy.LoadBalancer!.Simple);
        Assert.Equal("rewrite-port-for-api-example-com", result.VirtualService.Metadata.Name);
        Assert.Equal("originate-tls-for-api-example-com", result.DestinationRule.Metadata.Name);
    }

    [Fact]
    public void DedicatedSubset_style_names_the_same_subset_and_port_in_the_virtual_service_and_the_rule()
    {
        var result = new IstioMesh().Egress().OriginateTls("api.example.com", TlsOriginationStyle.DedicatedSubset, o =>
        {
            o.SubsetName = "upgrade";
            o.TlsPort = 8443;
        });

        var destination = Assert.Single(Assert.Single(result.VirtualService!.Spec.Http).Route).Destination!;
        var subset = Assert.Single(result.DestinationRule.Spec.Subsets);
        Assert.Equal(subset.Name, destination.Subset);
        Assert.Equal(Assert.Single(subset.TrafficPolicy!.PortLevelSettings).Port!.Number, destination.Port!.Number);
        var passthrough = Assert.Single(result.VirtualService.Spec.Tls);
        Assert.Equal(["api.example.com"], Assert.Single(passthrough.Match).SniHosts);
        Assert.Equal(8443u, Assert.Single(passthrough.Match).Port);
        Assert.Empty(result.DestinationRule.Spec.TrafficPolicy!.PortLevelSettings);
    }

    [Fact]
    public void Options_change_names_namespace_ports_hosts_and_api_version()
    {
        var mesh = new IstioMesh();
        var result = mesh.Egress().OriginateTls("api.example.com", TlsOriginationStyle.PortRewrite, o =>
        {
            o.ServiceEntryName = "api";
            o.VirtualServiceName = "api-rewrite";
            o.DestinationRuleName = "api-tls";
            o.Namespace = "shop";
            o.HttpPort = 8080;
            o.HttpPortName = "http-alt";
            o.TlsPort = 8443;
            o.TlsPortName = "tls-alt";
            o.AdditionalHosts.Add("static.example.com");
            o.ApiVersion = ApiVersions.NetworkingV1Alpha3;
        });

        Assert.Equal(["api", "api-rewrite", "api-tls"], mesh.Resources.Select(r => r.Metadata.Name));
        Assert.All(mesh.Resources, r => Assert.Equal("shop", r.Metadata.NamespaceProperty));
        Assert.All(mesh.Resources, r => Assert.Equal(ApiVersions.NetworkingV1Alpha3, r.ApiVersion));
        Assert.Equal(["api.example.com", "static.example.com"], result.ServiceEntry.Spec.Hosts);
        Assert.Equal([(8080u, "http-alt"), (8443u, "tls-alt")], result.ServiceEntry.Spec.Ports.Select(p => (p.Number!.Value, p.Name)));
        Assert.Equal(["api.example.com"], result.VirtualService!.Spec.Hosts);
        Assert.Equal(8080u, Assert.Single(Assert.Single(result.VirtualService.Spec.Http).Match).Port);
        Assert.Equal(8443u, Assert.Single(result.DestinationRule.Spec.TrafficPolicy!.PortLevelSettings).Port!.Number);
    }

    [Fact]
    public void Server_verification_goes_into_the_client_tls_settings()
    {
        var result = new IstioMesh().Egress().OriginateTls("api.example.com", o =>
        {
            o.Verification.CaCertificates = "/etc/certs/ca.pem";
            o.Verification.Sni = "api.example.com";
            o.Verification.SubjectAltNames.Add("api.example.com");
            o.LoadBalancer = LoadBalancerAlgorithm.LeastRequest;
        });

        var tls = Assert.Single(result.DestinationRule.Spec.TrafficPolicy!.PortLevelSettings).Tls!;
        Assert.Equal("/etc/certs/ca.pem", tls.CaCertificates);
        Assert.Equal("api.example.com", tls.Sni);
        Assert.Equal(["api.example.com"], tls.SubjectAltNames);
        Assert.Equal(LoadBalancerAlgorithm.LeastRequest, result.DestinationRule.Spec.TrafficPolicy.LoadBalancer!.Simple);
    }

    [Fact]
    public void Older_styles_can_drop_the_round_robin_the_docs_write()
    {
        var result = new IstioMesh().Egress().OriginateTls("api.example.com", TlsOriginationStyle.DedicatedSubset, o => o.LoadBalancer = null);

        Assert.Null(result.DestinationRule.Spec.TrafficPolicy);
        Assert.Null(Assert.Single(result.DestinationRule.Spec.Subsets).TrafficPolicy!.LoadBalancer);
    }

    [Fact]
    public void A_wildcard_host_is_rejected_because_the_proxy_needs_the_exact_host()
    {
        var error = Assert.Throws<ArgumentException>(() => new IstioMesh().Egress().OriginateTls("*.cnn.com"));
        Assert.Contains("wildcard", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_style_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IstioMesh().Egress().OriginateTls("api.example.com", (TlsOriginationStyle)7));
    }
}
