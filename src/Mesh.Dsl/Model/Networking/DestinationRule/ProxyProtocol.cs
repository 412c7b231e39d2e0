using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>Sends the PROXY protocol header to the upstream (Istio message <c>TrafficPolicy.ProxyProtocol</c>).</summary>
public sealed class ProxyProtocol
{
    internal static readonly MessageSchema<ProxyProtocol> Schema = new MessageSchema<ProxyProtocol>("ProxyProtocol", () => new())
        .Field("version", x => x.Version, (x, v) => x.Version = v, Codecs.Enum<ProxyProtocolVersion>());

    /// <summary>The PROXY protocol version; <c>V1</c> by default.</summary>
    public ProxyProtocolVersion? Version { get; set; }
}
