using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>A TLS protocol version (Istio enum <c>ServerTLSSettings.TLSProtocol</c>).</summary>
public enum TlsProtocolVersion
{
    /// <summary><c>TLS_AUTO</c>: let the proxy choose.</summary>
    TlsAuto,

    /// <summary><c>TLSV1_0</c>: TLS 1.0.</summary>
    [IstioName("TLSV1_0")]
    Tls1_0,

    /// <summary><c>TLSV1_1</c>: TLS 1.1.</summary>
    [IstioName("TLSV1_1")]
    Tls1_1,

    /// <summary><c>TLSV1_2</c>: TLS 1.2.</summary>
    [IstioName("TLSV1_2")]
    Tls1_2,

    /// <summary><c>TLSV1_3</c>: TLS 1.3.</summary>
    [IstioName("TLSV1_3")]
    Tls1_3,
}
