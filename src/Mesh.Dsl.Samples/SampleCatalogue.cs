using Mesh.Dsl.Samples.Scenarios;

namespace Mesh.Dsl.Samples;

/// <summary>Every scenario of the samples program, in the order it prints them.</summary>
public static class SampleCatalogue
{
    private const string Seed000 = "seed 000_0dcebc8370906286.txt";
    private const string Seed001 = "seed 001_c0fe838bc9820019.txt";
    private const string Seed002 = "seed 002_5a74613df9cf4829.txt";
    private const string Seed003 = "seed 003_b2154bd58794a52c.txt";
    private const string Seed004 = "seed 004_c6b4afcf42711c81.txt";

    /// <summary>The scenarios.</summary>
    public static IReadOnlyList<Sample> All { get; } =
    [
        new("egress-wildcard-cnn", "ServiceEntry for HTTP and HTTPS to every *.cnn.com host", Seed000, EgressSamples.WildcardCnn),
        new("egress-tls-origination-v1alpha3", "TLS origination in the sidecar, older style: VirtualService rewrites 80 to 443", Seed000, EgressSamples.TlsOriginationV1Alpha3),
        new("egress-http-https", "one ServiceEntry for HTTP and HTTPS to edition.cnn.com", Seed002, EgressSamples.HttpAndHttps),
        new("egress-tls-origination", "TLS origination in the sidecar: port 80 forwards to targetPort 443", Seed002, EgressSamples.TlsOrigination),
        new("egress-mtls-origination", "mutual TLS origination for the curl workload with credentialName", Seed002, EgressSamples.MutualTlsOrigination),
        new("egress-entry-http", "plain HTTP to www.aliyun.com and hbchen.com", Seed003, EgressSamples.EntryHttp),
        new("egress-entry-http-https", "HTTP and HTTPS to www.aliyun.com and hbchen.com", Seed003, EgressSamples.EntryHttpAndHttps),
        new("egress-tls-origination-subset", "TLS origination for HTTP only, through a dedicated subset", Seed003, EgressSamples.TlsOriginationThroughSubset),
        new("egress-gateway-http", "HTTP to www.aliyun.com through the egress gateway", Seed003, EgressSamples.GatewayHttp),
        new("egress-gateway-tls-origination", "HTTP through the egress gateway, upgraded to TLS at the gateway", Seed003, EgressSamples.GatewayTlsOrigination),
        new("egress-gateway-passthrough", "HTTPS to edition.cnn.com through the egress gateway, routed by SNI", "own example after Istio's Egress Gateways task", EgressSamples.GatewayPassthrough),
        new("egress-gateway-allowed-sources", "only the shop namespace and the curl service account may use the egress gateway for www.aliyun.com", "own example after Istio's Egress Gateways and Authorization Policy tasks", EgressSamples.GatewayAllowedSources),
        new("egress-lock-down", "REGISTRY_ONLY for the shop namespace, plus the one external API it needs", "own example after Istio's Accessing External Services task", EgressSamples.LockDown),
        new("ingress-sidecar-tls-termination", "the httpbin sidecar terminates mutual TLS on 9080, no ingress gateway", Seed004, IngressSamples.SidecarTlsTermination),
        new("ingress-gateway", "HTTPS (and HTTP redirected to it) for httpbin.example.com at the ingress gateway", "own example after Istio's Secure Gateways task", IngressSamples.Gateway),
        new("ingress-gateway-mtls", "mutual TLS for httpbin.example.com at the ingress gateway", "own example after Istio's Secure Gateways task", IngressSamples.GatewayMutualTls),
        new("ingress-gateway-passthrough", "TLS for nginx.example.com passed through the ingress gateway by SNI", "own example after Istio's Ingress Gateway without TLS Termination task", IngressSamples.GatewayPassthrough),
        new("ingress-gateway-jwt", "HTTPS for httpbin.example.com at the ingress gateway, only with a valid JWT of testing@secure.istio.io", "own example after Istio's Authorization for ingress with JWT task", IngressSamples.GatewayRequiringJwt),
        new("vm-details", "the Bookinfo details service on two VMs: a MESH_INTERNAL ServiceEntry and a WorkloadEntry per VM", "own example after Istio's Virtual Machines docs", VirtualMachineSamples.DetailsOnVms),
        new("legacy-bookinfo-googleapis", "Istio 0.x RouteRule and EgressRule imported as today's resources", Seed001, LegacySamples.BookinfoGoogleapis),
    ];

    /// <summary>Finds a scenario by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The scenario, or null.</returns>
    public static Sample? Find(string id) => All.FirstOrDefault(s => s.Id == id);
}
