namespace Mesh.Dsl.Model.Networking;

/// <summary>The PROXY protocol version (Istio enum <c>ProxyProtocol.VERSION</c>).</summary>
public enum ProxyProtocolVersion
{
    /// <summary><c>V1</c>: the human-readable text format.</summary>
    V1,

    /// <summary><c>V2</c>: the binary format.</summary>
    V2,
}
