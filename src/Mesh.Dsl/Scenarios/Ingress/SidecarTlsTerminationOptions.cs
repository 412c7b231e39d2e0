using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>
/// Options of <see cref="IngressScenarios.TerminateTlsAtSidecar(string, Action{SidecarTlsTerminationOptions})"/>;
/// each starts at the default it documents (those of Istio's "Ingress Sidecar TLS Termination" example).
/// </summary>
public sealed class SidecarTlsTerminationOptions : RecipeOptions
{
    internal SidecarTlsTerminationOptions(string app)
    {
        WorkloadLabels = new() { ["app"] = app };
        SidecarWorkloadLabels = new() { ["app"] = app };
    }

    /// <summary>The API version of the PeerAuthentications; <see cref="ApiVersions.SecurityV1"/> by default.</summary>
    public string SecurityApiVersion { get; set; } = ApiVersions.SecurityV1;

    /// <summary>
    /// Whether to add the namespace-wide PeerAuthentication with STRICT mutual TLS; true by default, so
    /// every other port keeps requiring mesh mTLS.
    /// </summary>
    public bool NamespaceWideStrictMtls { get; set; } = true;

    /// <summary>The namespace-wide PeerAuthentication's name; <c>default</c> by default.</summary>
    public string NamespacePolicyName { get; set; } = "default";

    /// <summary>The name of the PeerAuthentication that turns mesh mTLS off on the exposed port; <c>disable-peer-auth-for-external-mtls-port</c> by default.</summary>
    public string PortPolicyName { get; set; } = "disable-peer-auth-for-external-mtls-port";

    /// <summary>The labels the port-level PeerAuthentication selects the workload by; <c>app</c> by default.</summary>
    public OrderedDictionary<string, string> WorkloadLabels { get; set; }

    /// <summary>The labels the Sidecar selects the workload by; <c>app</c> by default (the seed adds <c>version: v1</c>).</summary>
    public OrderedDictionary<string, string> SidecarWorkloadLabels { get; set; }

    /// <summary>The Sidecar's name; <c>ingress-sidecar</c> by default.</summary>
    public string SidecarName { get; set; } = "ingress-sidecar";

    /// <summary>The port clients outside the mesh connect to with TLS; 9080 by default.</summary>
    public int ExternalPort { get; set; } = 9080;

    /// <summary>The external port's name; <c>external</c> by default.</summary>
    public string ExternalPortName { get; set; } = "external";

    /// <summary>
    /// The port the mesh keeps reaching the workload on with its own mTLS; 9081 (<c>internal</c>) by
    /// default. Once a Sidecar lists ingress listeners, only their ports are served, so it must be
    /// listed too; null leaves it out.
    /// </summary>
    public int? InternalPort { get; set; } = 9081;

    /// <summary>The internal port's name; <c>internal</c> by default.</summary>
    public string InternalPortName { get; set; } = "internal";

    /// <summary>Where the sidecar sends the decrypted traffic: the app's address; <c>0.0.0.0:80</c> by default.</summary>
    public string DefaultEndpoint { get; set; } = "0.0.0.0:80";

    /// <summary>
    /// <see cref="ServerTlsMode.Mutual"/> (the default) to require client certificates signed by
    /// <see cref="CaCertificates"/>, <see cref="ServerTlsMode.Simple"/> for server-side TLS only.
    /// </summary>
    public ServerTlsMode TlsMode { get; set; } = ServerTlsMode.Mutual;

    /// <summary>The server certificate file in the proxy; <c>/etc/istio/tls-certs/tls.crt</c> by default.</summary>
    public string ServerCertificate { get; set; } = "/etc/istio/tls-certs/tls.crt";

    /// <summary>The server's private key file in the proxy; <c>/etc/istio/tls-certs/tls.key</c> by default.</summary>
    public string PrivateKey { get; set; } = "/etc/istio/tls-certs/tls.key";

    /// <summary>The CA certificates that sign client certificates, for <see cref="ServerTlsMode.Mutual"/>; <c>/etc/istio/tls-ca-certs/ca.crt</c> by default.</summary>
    public string CaCertificates { get; set; } = "/etc/istio/tls-ca-certs/ca.crt";
}
