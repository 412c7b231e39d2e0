using Mesh.Dsl.Model;
using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Samples.Scenarios;

/// <summary>Traffic entering the mesh: TLS termination in a sidecar, and the ingress gateway.</summary>
public static class IngressSamples
{
    /// <summary>
    /// Seed 004 ("Ingress Sidecar TLS 终止"): the httpbin sidecar terminates mutual TLS from clients
    /// outside the mesh on port 9080, without an ingress gateway. STRICT mesh mTLS stays on for the
    /// namespace and is turned off only on 9080, where the sidecar does TLS itself; 9081 keeps serving
    /// the mesh.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void SidecarTlsTermination(IstioMesh mesh) =>
        mesh.Ingress().TerminateTlsAtSidecar("httpbin", o =>
        {
            o.Namespace = "test";
            o.SidecarWorkloadLabels["version"] = "v1";
            o.SecurityApiVersion = ApiVersions.SecurityV1Beta1;
            o.ApiVersion = ApiVersions.NetworkingV1Alpha3;
        });

    /// <summary>
    /// After Istio's "Secure Gateways" task: httpbin.example.com is served over HTTPS with the
    /// certificate of the Secret httpbin-credential, plain HTTP is redirected to HTTPS, and requests go
    /// to the httpbin service on port 8000.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void Gateway(IstioMesh mesh) =>
        mesh.Ingress().Gateway("httpbin.example.com", o => o
            .Http(redirectToHttps: true)
            .Https("httpbin-credential")
            .RouteTo("httpbin", 8000));

    /// <summary>
    /// After Istio's "Secure Gateways" task, mutual TLS: clients of httpbin.example.com must present a
    /// certificate signed by the CA in the Secret httpbin-credential (its ca.crt).
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void GatewayMutualTls(IstioMesh mesh) =>
        mesh.Ingress().Gateway("httpbin.example.com", o => o
            .MutualHttps("httpbin-credential")
            .RouteTo("httpbin", 8000));

    /// <summary>
    /// After Istio's "Ingress Gateway without TLS Termination" task: the gateway passes TLS for
    /// nginx.example.com through to the my-nginx service, which terminates it; routed by SNI.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void GatewayPassthrough(IstioMesh mesh) =>
        mesh.Ingress().Gateway("nginx.example.com", o => o
            .Passthrough()
            .RouteTo("my-nginx", 443));

    /// <summary>
    /// After Istio's "Authorization for ingress with JWT" task: HTTP for httpbin.example.com at the
    /// ingress gateway, which accepts only requests with a valid token of testing@secure.istio.io.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void GatewayRequiringJwt(IstioMesh mesh)
    {
        mesh.Ingress().Gateway("httpbin.example.com", o => o.Https("httpbin-credential").RouteTo("httpbin", 8000));
        mesh.Ingress().RequireJwt(
            "testing@secure.istio.io",
            "https://raw.githubusercontent.com/istio/istio/release-1.28/security/tools/jwt/samples/jwks.json");
    }
}
