using Mesh.Dsl;
using Mesh.Dsl.Builders;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;

namespace ShopConfiguration;

/// <summary>The Istio resources of <c>egress-gateway-tls-origination.yaml</c>, built with Mesh.Dsl.</summary>
internal static class Scenario
{
    /// <summary>Adds the resources of <c>egress-gateway-tls-origination.yaml</c> to <paramref name="mesh"/>, in the file's order.</summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void AddTo(IstioMesh mesh)
    {
        // seed: 003_b2154bd58794a52c.txt — as egress-gateway-http, but the egress gateway upgrades the
        // HTTP request to TLS on 443 through a dedicated subset of the external host.
        var entryXServiceEntry = mesh.AddServiceEntry("entry-x", se => se
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Hosts("www.aliyun.com")
            .Port(80, "http-port", Protocols.Http)
            .Port(443, "https-port", Protocols.Https)
            .Resolution(ServiceEntryResolution.Dns));
        var istioEgressgatewayGateway = mesh.AddGateway("istio-egressgateway", gateway => gateway
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Server(server => server.Port(80, "http-port", Protocols.Http).Hosts("www.aliyun.com"))
            .Selector("istio", "egressgateway"));
        var egressgatewayForAliyunDestinationRule = mesh.AddDestinationRule("egressgateway-for-aliyun", dr => dr
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Host("istio-egressgateway.istio-system.svc.cluster.local")
            .Subset("aliyun"));
        mesh.AddVirtualService("aliyun-through-egress-gateway", vs => vs
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Hosts("www.aliyun.com")
            .Gateway(istioEgressgatewayGateway)
            .Gateway("mesh")
            .Http(hr => hr
                .Match(hmr => hmr.Port(80).Gateways("mesh"))
                .Route(hrd => hrd.Destination(egressgatewayForAliyunDestinationRule, "aliyun", port: 80).Weight(100)))
            .Http(hr => hr
                .Match(hmr => hmr.Port(80).Gateways("istio-egressgateway"))
                .Route(hrd => hrd.Destination(entryXServiceEntry, subset: "originate-tls", port: 443).Weight(100))));
        mesh.AddDestinationRule("originate-tls-for-aliyun", dr => dr
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Host("www.aliyun.com")
            .TrafficPolicy(tp => tp.LoadBalancer(lbs => lbs.Simple(LoadBalancerAlgorithm.RoundRobin)))
            .Subset("originate-tls", subset => subset
                .TrafficPolicy(tp => tp
                    .LoadBalancer(lbs => lbs.Simple(LoadBalancerAlgorithm.RoundRobin))
                    .PortLevelSettings(443, ptp => ptp.Tls(ClientTlsMode.Simple)))));
    }
}
