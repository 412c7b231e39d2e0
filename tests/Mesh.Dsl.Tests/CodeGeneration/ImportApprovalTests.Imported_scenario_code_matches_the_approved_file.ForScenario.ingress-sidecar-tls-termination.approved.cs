using Mesh.Dsl;
using Mesh.Dsl.Builders;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;

namespace ShopConfiguration;

/// <summary>The Istio resources of <c>ingress-sidecar-tls-termination.yaml</c>, built with Mesh.Dsl.</summary>
internal static class Scenario
{
    /// <summary>Adds the resources of <c>ingress-sidecar-tls-termination.yaml</c> to <paramref name="mesh"/>, in the file's order.</summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void AddTo(IstioMesh mesh)
    {
        // seed: 004_c6b4afcf42711c81.txt — the httpbin sidecar terminates mutual TLS from clients outside the
        // mesh on port 9080 (no ingress gateway); mesh-wide STRICT mTLS stays on for every other port.
        mesh.AddPeerAuthentication("default", pa => pa
            .Namespace("test")
            .ApiVersion(ApiVersions.SecurityV1Beta1)
            .Mtls(MutualTlsMode.Strict));
        mesh.AddPeerAuthentication("disable-peer-auth-for-external-mtls-port", pa => pa
            .Namespace("test")
            .ApiVersion(ApiVersions.SecurityV1Beta1)
            .Selector("app", "httpbin")
            .Mtls(MutualTlsMode.Strict)
            .Edit(spec => spec.PortLevelMtls = new() { [9080] = new MutualTls { Mode = MutualTlsMode.Disable } }));
        mesh.AddSidecar("ingress-sidecar", sidecar => sidecar
            .Namespace("test")
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .WorkloadSelector("app", "httpbin")
            .WorkloadSelector("version", "v1")
            .Ingress(iil => iil
                .Port(9080, "external", Protocols.Https)
                .DefaultEndpoint("0.0.0.0:80")
                .Tls(sts => sts
                    .Mode(ServerTlsMode.Mutual)
                    .ServerCertificate("/etc/istio/tls-certs/tls.crt")
                    .PrivateKey("/etc/istio/tls-certs/tls.key")
                    .CaCertificates("/etc/istio/tls-ca-certs/ca.crt")))
            .Ingress(iil => iil.Port(9081, "internal", Protocols.Http).DefaultEndpoint("0.0.0.0:80")));
    }
}
