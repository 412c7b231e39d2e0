using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Samples.Scenarios;

/// <summary>
/// Traffic leaving the mesh, as the seed documents configure it: access to external services, TLS
/// origination in the sidecar, and the egress gateway. The recipes are secure by default (HTTPS only, TLS
/// origination verified against the system CA bundle with the SNI set); to reproduce the documents' YAML
/// exactly, the seed scenarios opt out explicitly, and validation's warnings name the option each time.
/// </summary>
public static class EgressSamples
{
    /// <summary>
    /// Seed 000 ("出口流量的 TLS"): allow HTTP and HTTPS to every <c>*.cnn.com</c> host, so both
    /// www.cnn.com and edition.cnn.com can be reached. A wildcard host cannot be resolved by DNS, so
    /// the entry gets resolution NONE.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void WildcardCnn(IstioMesh mesh) =>
        mesh.Egress().ExternalService("*.cnn.com", o =>
        {
            o.Name = "cnn";
            o.Ports = [ExternalPort.Http(), ExternalPort.Https()];
            o.ApiVersion = ApiVersions.NetworkingV1Alpha3;
        });

    /// <summary>
    /// Seed 002 ("Egress TLS 源"): one ServiceEntry gives HTTP and HTTPS access to edition.cnn.com.
    /// An HTTP request still gets a 301 to HTTPS: one round trip too many, and the path in clear text.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void HttpAndHttps(IstioMesh mesh) =>
        mesh.Egress().ExternalService("edition.cnn.com", o => o.Ports = [ExternalPort.Http(), ExternalPort.Https()]);

    /// <summary>
    /// Seed 003 ("网格边缘-Egress", sidecar, HTTP): open plain HTTP to www.aliyun.com and hbchen.com.
    /// HTTPS, and HTTP redirected to HTTPS, still fail.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void EntryHttp(IstioMesh mesh) =>
        mesh.Egress().ExternalService(["www.aliyun.com", "hbchen.com"], o =>
        {
            o.Name = "entry-x";
            o.Ports = [ExternalPort.Http(80, "http")];
            o.Resolution = ServiceEntryResolution.None;
            o.ApiVersion = ApiVersions.NetworkingV1Alpha3;
        });

    /// <summary>
    /// Seed 003 (sidecar, HTTP &amp; HTTPS): in practice an external service opens both 80 and 443, so
    /// HTTPS and HTTP redirected to HTTPS work too.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void EntryHttpAndHttps(IstioMesh mesh) =>
        mesh.Egress().ExternalService(["www.aliyun.com", "hbchen.com"], o =>
        {
            o.Name = "entry-x";
            o.Ports = [ExternalPort.Http(), ExternalPort.Https()];
            o.Resolution = ServiceEntryResolution.None;
            o.ApiVersion = ApiVersions.NetworkingV1Alpha3;
        });

    /// <summary>
    /// Seed 000 ("出口流量的 TLS"), the older way: the ServiceEntry declares 443 as plain HTTP, a
    /// VirtualService rewrites port 80 to 443, and a DestinationRule originates TLS on 443. The app
    /// keeps sending HTTP; Istio encrypts it, and the 301 round trip is gone.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void TlsOriginationV1Alpha3(IstioMesh mesh) =>
        mesh.Egress().OriginateTls("edition.cnn.com", TlsOriginationStyle.PortRewrite, o =>
        {
            o.ServiceEntryName = "cnn";
            o.Verification = ServerVerification.None;
            o.ApiVersion = ApiVersions.NetworkingV1Alpha3;
        });

    /// <summary>
    /// Seed 002 ("用于出口流量的 TLS 源"), today's way: port 80 forwards to targetPort 443 and the
    /// DestinationRule originates TLS on port 80. HTTP requests get a single 200; HTTPS from the app
    /// keeps working.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void TlsOrigination(IstioMesh mesh) =>
        mesh.Egress().OriginateTls("edition.cnn.com", o => o.Verification = ServerVerification.None);

    /// <summary>
    /// Seed 002 ("出口流量的双向 TLS 源"): the curl workload's sidecar originates mutual TLS to an
    /// nginx outside the mesh, with the client certificate of the Secret client-credential. A
    /// credentialName is only read by the sidecars the DestinationRule selects, hence app: curl.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void MutualTlsOrigination(IstioMesh mesh) =>
        mesh.Egress().OriginateMutualTls("my-nginx.mesh-external.svc.cluster.local", o =>
        {
            o.ServiceEntryName = "originate-mtls-for-nginx";
            o.DestinationRuleName = "originate-mtls-for-nginx";
            o.CredentialName = "client-credential";
            o.WorkloadLabels["app"] = "curl";
        });

    /// <summary>
    /// Seed 003 (sidecar, "HTTP转TLS"): upgrade HTTP to www.aliyun.com to TLS in the sidecar, through
    /// a dedicated subset, so HTTPS the app sends on 443 still passes through; hbchen.com stays plain.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void TlsOriginationThroughSubset(IstioMesh mesh) =>
        mesh.Egress().OriginateTls("www.aliyun.com", TlsOriginationStyle.DedicatedSubset, o =>
        {
            o.ServiceEntryName = "entry-x";
            o.AdditionalHosts.Add("hbchen.com");
            o.VirtualServiceName = "rewrite-port-for-entry";
            o.DestinationRuleName = "originate-tls-for-entry";
            o.Verification = ServerVerification.None;
            o.ApiVersion = ApiVersions.NetworkingV1Alpha3;
        });

    /// <summary>
    /// Seed 003 ("Gateway方式", HTTP): HTTP to www.aliyun.com leaves the mesh through the egress
    /// gateway. Sidecars (gateway "mesh") route it to the gateway, the gateway to www.aliyun.com.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void GatewayHttp(IstioMesh mesh) =>
        mesh.Egress().RouteThroughGateway("www.aliyun.com", EgressGatewayTraffic.Http, o =>
        {
            o.ServiceEntryName = "entry-x";
            o.ApiVersion = ApiVersions.NetworkingV1Alpha3;
        });

    /// <summary>
    /// Seed 003 ("Gateway方式", "HTTP转TLS"): as <see cref="GatewayHttp"/>, but the egress gateway
    /// upgrades the request to TLS on 443, through a dedicated subset so HTTPS traffic is not affected.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void GatewayTlsOrigination(IstioMesh mesh) =>
        mesh.Egress().RouteThroughGateway("www.aliyun.com", EgressGatewayTraffic.HttpWithTlsOrigination, o =>
        {
            o.ServiceEntryName = "entry-x";
            o.Verification = ServerVerification.None;
            o.ApiVersion = ApiVersions.NetworkingV1Alpha3;
        });

    /// <summary>
    /// After Istio's "Egress Gateways" task (seed 003 leaves HTTPS passthrough to it): HTTPS to
    /// edition.cnn.com leaves through the egress gateway untouched, routed by SNI on 443.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void GatewayPassthrough(IstioMesh mesh) =>
        mesh.Egress().RouteThroughGateway("edition.cnn.com", EgressGatewayTraffic.TlsPassthrough);

    /// <summary>
    /// After Istio's "Egress Gateways" and "Authorization Policy" tasks: HTTP to www.aliyun.com leaves
    /// through the egress gateway, which originates TLS and lets only the shop namespace and the curl
    /// service account of default send that host's traffic.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void GatewayAllowedSources(IstioMesh mesh) =>
        mesh.Egress().RouteThroughGateway("www.aliyun.com", o =>
        {
            o.AllowedNamespaces = ["shop"];
            o.AllowedPrincipals = ["cluster.local/ns/default/sa/curl"];
        });

    /// <summary>
    /// After Istio's "Accessing External Services" task: the shop namespace may reach only hosts in the
    /// registry (REGISTRY_ONLY), its own namespace's and istio-system's, and the one external API it
    /// needs.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void LockDown(IstioMesh mesh)
    {
        mesh.Egress().LockDown("shop", o => o.EgressHosts = ["./*", "istio-system/*"]);
        mesh.Egress().ExternalService("api.stripe.com", o =>
        {
            o.Namespace = "shop";
            o.Ports = [ExternalPort.Https()];
        });
    }
}
