namespace Mesh.Dsl.Model.Networking;

/// <summary>How a proxy secures its connections to an upstream (Istio enum <c>ClientTLSSettings.TLSmode</c>).</summary>
public enum ClientTlsMode
{
    /// <summary><c>DISABLE</c>: plaintext.</summary>
    Disable,

    /// <summary><c>SIMPLE</c>: originate TLS (TLS origination).</summary>
    Simple,

    /// <summary><c>MUTUAL</c>: mutual TLS with a client certificate given by files or a credential name.</summary>
    Mutual,

    /// <summary><c>ISTIO_MUTUAL</c>: mutual TLS with Istio's own workload certificates; set no other TLS field.</summary>
    IstioMutual,
}
