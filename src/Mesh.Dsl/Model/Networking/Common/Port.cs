using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// A port a proxy listens on: a Gateway server's port or a Sidecar listener's port (Istio messages
/// <c>istio.networking.v1alpha3.Port</c> and <c>SidecarPort</c>, which have the same fields).
/// </summary>
public sealed class Port
{
    // Written number, name, protocol, targetPort as Istio's docs write ports.
    internal static readonly MessageSchema<Port> Schema = new MessageSchema<Port>("Port", () => new())
        .Field("number", x => x.Number, (x, v) => x.Number = v, Codecs.UInt32)
        .Field("name", x => x.Name, (x, v) => x.Name = v, Codecs.String)
        .Field("protocol", x => x.Protocol, (x, v) => x.Protocol = v, Codecs.String)
        .Field("targetPort", x => x.TargetPort, (x, v) => x.TargetPort = v, Codecs.UInt32);

    /// <summary>The port number, 1 to 65535 (0 for a listener bound to a Unix domain socket).</summary>
    public uint? Number { get; set; }

    /// <summary>The port's name (<c>http-port</c>, <c>https-443</c>).</summary>
    public string? Name { get; set; }

    /// <summary>The protocol: one of the names in <see cref="Protocols"/> (HTTP, HTTPS, GRPC, HTTP2, MONGO, TCP, TLS).</summary>
    public string? Protocol { get; set; }

    /// <summary>Deprecated: only meaningful on ServiceEntry ports (use <see cref="ServicePort.TargetPort"/>); kept so nothing read is lost.</summary>
    public uint? TargetPort { get; set; }
}
