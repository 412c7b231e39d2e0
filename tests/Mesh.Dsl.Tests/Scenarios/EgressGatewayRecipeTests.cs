using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Tests.Scenarios;

public class EgressGatewayRecipeTests
{
    [Fact]
    public void Http_routes_the_mesh_to_the_gateway_subset_and_the_gateway_to_the_host()
    {
        var result = new IstioMesh().Egress().RouteThroughGateway("edition.cnn.com", EgressGatewayTraffic.Http);

        Assert.Equal("egressgateway-for-cnn", result.GatewayDestinationRule.Metadata.Name);
        Assert.Equal("cnn-through-egress-gateway", result.VirtualService.Metadata.Name);
        Assert.Equal([result.Gateway.Metadata.Name, "mesh"], result.VirtualService.Spec.Gateways);
        var (toGateway, toHost) = (result.VirtualService.Spec.Http[0], result.VirtualService.Spec.Http[1]);
        Assert.Equal(["mesh"], Assert.Single(toGateway.Match).Gateways);
        var gatewayDestination = Assert.Single(toGateway.Route).Destination!;
        Assert.Equal(result.GatewayDestinationRule.Spec.Host, gatewayDestination.Host);
        Assert.Equal(Assert.Single(result.GatewayDestinationRule.Spec.Subsets).Name, gatewayDestination.Subset);
        Assert.Equal([result.Gateway.Metadata.Name!], Assert.Single(toHost.Match).Gateways);
        Assert.Equal(("edition.cnn.com", 80u), (Assert.Single(toHost.Route).Destination!.Host, Assert.Single(toHost.Route).Destination!.Port!.Number!.Value));
        Assert.Equal(["edition.cnn.com"], Assert.Single(result.Gateway.Spec.Servers).Hosts);
        Assert.Null(result.TlsDestinationRule);
    }

    [Fact]
    public void Tls_origination_at_the_gateway_routes_to_a_subset_that_originates_tls_on_443()
    {
        var result = new IstioMesh().Egress().RouteThroughGateway("edition.cnn.com", EgressGatewayTraffic.HttpWithTlsOrigination);

        var destination = Assert.Single(result.VirtualService.Spec.Http[1].Route).Destination!;
        var subset = Assert.Single(result.TlsDestinationRule!.Spec.Subsets);
        Assert.Equal(subset.Name, destination.Subset);
        var setting = Assert.Single(subset.TrafficPolicy!.PortLevelSettings);
        Assert.Equal((443u, ClientTlsMode.Simple), (setting.Port!.Number!.Value, setting.Tls!.Mode!.Value));
        Assert.Equal(443u, destination.Port!.Number);
    }

    [Fact]
    public void Passthrough_routes_tls_by_sni_through_a_passthrough_server()
    {
        var result = new IstioMesh().Egress().RouteThroughGateway("edition.cnn.com", EgressGatewayTraffic.TlsPassthrough);

        var server = Assert.Single(result.Gateway.Spec.Servers);
        Assert.Equal((443u, "TLS", ServerTlsMode.Passthrough), (server.Port!.Number!.Value, server.Port.Protocol, server.Tls!.Mode!.Value));
        Assert.Empty(result.VirtualService.Spec.Http);
        Assert.Equal(2, result.VirtualService.Spec.Tls.Count);
        Assert.All(result.VirtualService.Spec.Tls, route => Assert.Equal(["edition.cnn.com"], Assert.Single(route.Match).SniHosts));
    }

    [Fact]
    public void Options_change_names_gateway_ports_weight_namespace_and_api_version()
    {
        var mesh = new IstioMesh();
        var result = mesh.Egress().RouteThroughGateway("edition.cnn.com", EgressGatewayTraffic.HttpWithTlsOrigination, o =>
        {
            o.ServiceEntryName = "cnn";
            o.GatewayName = "egress";
            o.GatewaySelector = new() { ["app"] = "my-egress" };
            o.GatewayService = "my-egress.gateways.svc.cluster.local";
            o.GatewayDestinationRuleName = "to-egress";
            o.GatewaySubsetName = "cnn-traffic";
            o.VirtualServiceName = "cnn-out";
            o.TlsDestinationRuleName = "cnn-tls";
            o.TlsSubsetName = "tls";
            o.HttpPort = 8080;
            o.TlsPort = 8443;
            o.RouteWeight = null;
            o.Namespace = "egress-ns";
            o.ApiVersion = ApiVersions.NetworkingV1Beta1;
        });

        Assert.Equal(["cnn", "egress", "to-egress", "cnn-out", "cnn-tls"], mesh.Resources.Select(r => r.Metadata.Name));
        Assert.All(mesh.Resources, r => Assert.Equal(("egress-ns", ApiVersions.NetworkingV1Beta1), (r.Metadata.NamespaceProperty, r.ApiVersion)));
        Assert.Equal("my-egress", result.Gateway.Spec.Selector["app"]);
        Assert.Equal(8080u, Assert.Single(result.Gateway.Spec.Servers).Port!.Number);
        Assert.Equal(["egress", "mesh"], result.VirtualService.Spec.Gateways);
        var toGateway = Assert.Single(result.VirtualService.Spec.Http[0].Route);
        Assert.Equal(("my-egress.gateways.svc.cluster.local", "cnn-traffic", 8080u), (toGateway.Destination!.Host, toGateway.Destination.Subset, toGateway.Destination.Port!.Number!.Value));
        Assert.Null(toGateway.Weight);
        var toHost = Assert.Single(result.VirtualService.Spec.Http[1].Route).Destination!;
        Assert.Equal(("tls", 8443u), (toHost.Subset, toHost.Port!.Number!.Value));
        Assert.Equal("tls", Assert.Single(result.TlsDestinationRule!.Spec.Subsets).Name);
    }

    [Fact]
    public void A_wildcard_host_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new IstioMesh().Egress().RouteThroughGateway("*.cnn.com"));
    }
}
