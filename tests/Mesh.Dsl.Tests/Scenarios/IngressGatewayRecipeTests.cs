using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Tests.Scenarios;

public class IngressGatewayRecipeTests
{
    [Fact]
    public void Gateway_and_virtual_service_share_the_hosts_and_the_service_is_bound_to_the_gateway()
    {
        var result = new IstioMesh().Ingress().Gateway("httpbin.example.com", o => o
            .Https("httpbin-credential")
            .RouteTo("httpbin", 8000));

        Assert.Equal("httpbin-gateway", result.Gateway.Metadata.Name);
        Assert.Equal("ingressgateway", result.Gateway.Spec.Selector["istio"]);
        var server = Assert.Single(result.Gateway.Spec.Servers);
        Assert.Equal(result.VirtualService.Spec.Hosts, server.Hosts);
        Assert.Equal((ServerTlsMode.Simple, "httpbin-credential"), (server.Tls!.Mode!.Value, server.Tls.CredentialName));
        Assert.Equal([result.Gateway.Metadata.Name!], result.VirtualService.Spec.Gateways);
        var destination = Assert.Single(Assert.Single(result.VirtualService.Spec.Http).Route).Destination!;
        Assert.Equal(("httpbin", 8000u), (destination.Host, destination.Port!.Number!.Value));
    }

    [Fact]
    public void Without_servers_the_gateway_serves_plain_http_on_80()
    {
        var result = new IstioMesh().Ingress().Gateway("app.example.com", o => o.RouteTo("app"));

        var server = Assert.Single(result.Gateway.Spec.Servers);
        Assert.Equal((80u, "HTTP"), (server.Port!.Number!.Value, server.Port.Protocol));
        Assert.Null(server.Tls);
        Assert.Null(Assert.Single(Assert.Single(result.VirtualService.Spec.Http).Route).Destination!.Port);
    }

    [Fact]
    public void Mutual_tls_and_passthrough_servers_get_their_modes_and_passthrough_is_routed_by_sni()
    {
        var result = new IstioMesh().Ingress().Gateway("app.example.com", o => o
            .MutualHttps("app-credential")
            .Passthrough(8443, "raw-tls")
            .RouteTo("app", 443));

        Assert.Equal([ServerTlsMode.Mutual, ServerTlsMode.Passthrough], result.Gateway.Spec.Servers.Select(s => s.Tls!.Mode!.Value));
        var tls = Assert.Single(result.VirtualService.Spec.Tls);
        Assert.Equal((8443u, "app.example.com"), (Assert.Single(tls.Match).Port!.Value, Assert.Single(Assert.Single(tls.Match).SniHosts)));
        Assert.Single(result.VirtualService.Spec.Http);
    }

    [Fact]
    public void An_http_server_that_only_redirects_adds_no_route_of_its_own()
    {
        var result = new IstioMesh().Ingress().Gateway("app.example.com", o => o.Http(redirectToHttps: true).RouteTo("app"));

        Assert.True(Assert.Single(result.Gateway.Spec.Servers).Tls!.HttpsRedirect);
        Assert.Empty(result.VirtualService.Spec.Http);
    }

    [Fact]
    public void Options_change_names_selector_hosts_namespace_and_api_version()
    {
        var mesh = new IstioMesh();
        var result = mesh.Ingress().Gateway("app.example.com", o =>
        {
            o.GatewayName = "public";
            o.VirtualServiceName = "app-public";
            o.GatewaySelector = new() { ["app"] = "edge-gateway" };
            o.AdditionalHosts.Add("www.example.com");
            o.Namespace = "edge";
            o.ApiVersion = ApiVersions.NetworkingV1Alpha3;
            o.Http(8080, "http-alt").RouteTo("app.apps.svc.cluster.local", 80);
        });

        Assert.Equal(["public", "app-public"], mesh.Resources.Select(r => r.Metadata.Name));
        Assert.All(mesh.Resources, r => Assert.Equal(("edge", ApiVersions.NetworkingV1Alpha3), (r.Metadata.NamespaceProperty, r.ApiVersion)));
        Assert.Equal(["app.example.com", "www.example.com"], result.VirtualService.Spec.Hosts);
        Assert.Equal(["app.example.com", "www.example.com"], Assert.Single(result.Gateway.Spec.Servers).Hosts);
        Assert.Equal("edge-gateway", result.Gateway.Spec.Selector["app"]);
    }

    [Fact]
    public void Missing_destination_and_two_servers_on_one_port_are_rejected()
    {
        var mesh = new IstioMesh();

        Assert.Contains("RouteTo", Assert.Throws<ArgumentException>(() => mesh.Ingress().Gateway("app.example.com", o => o.Http())).Message, StringComparison.Ordinal);
        Assert.Contains("443", Assert.Throws<ArgumentException>(() => mesh.Ingress().Gateway("app.example.com", o => o.Https("c").Passthrough().RouteTo("app"))).Message, StringComparison.Ordinal);
        Assert.Empty(mesh.Resources);
    }
}
