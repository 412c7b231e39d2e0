namespace Mesh.Dsl.Model.Networking;

/// <summary>How a Gateway server or Sidecar ingress listener handles TLS from its clients (Istio enum <c>ServerTLSSettings.TLSmode</c>).</summary>
public enum ServerTlsMode
{
    /// <summary><c>PASSTHROUGH</c>: do not terminate TLS; route by the SNI the client presents (needs a VirtualService <c>tls</c> route).</summary>
    Passthrough,

    /// <summary><c>SIMPLE</c>: terminate TLS with the server certificate.</summary>
    Simple,

    /// <summary><c>MUTUAL</c>: terminate TLS and require a client certificate signed by the CA certificates.</summary>
    Mutual,

    /// <summary><c>AUTO_PASSTHROUGH</c>: pass TLS through to the cluster the SNI names, without a VirtualService (multi-network east-west gateways).</summary>
    AutoPassthrough,

    /// <summary><c>ISTIO_MUTUAL</c>: mutual TLS with the certificates Istio issues to the gateway; every other TLS field must be empty.</summary>
    IstioMutual,

    /// <summary><c>OPTIONAL_MUTUAL</c>: as MUTUAL, but a client certificate is verified only when one is presented.</summary>
    OptionalMutual,
}
