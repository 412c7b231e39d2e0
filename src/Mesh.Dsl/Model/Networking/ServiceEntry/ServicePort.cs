using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>A port of a ServiceEntry (Istio message <c>ServicePort</c>).</summary>
public sealed class ServicePort
{
    // Written number, name, protocol, targetPort as Istio's docs write ports.
    internal static readonly MessageSchema<ServicePort> Schema = new MessageSchema<ServicePort>("ServicePort", () => new())
        .Field("number", x => x.Number, (x, v) => x.Number = v, Codecs.UInt32)
        .Field("name", x => x.Name, (x, v) => x.Name = v, Codecs.String)
        .Field("protocol", x => x.Protocol, (x, v) => x.Protocol = v, Codecs.String)
        .Field("targetPort", x => x.TargetPort, (x, v) => x.TargetPort = v, Codecs.UInt32);

    /// <summary>The port number, 1 to 65535.</summary>
    public uint? Number { get; set; }

    /// <summary>The port's name, unique within the entry.</summary>
    public string? Name { get; set; }

    /// <summary>The protocol: one of the names in <see cref="Protocols"/> (HTTP, HTTPS, GRPC, HTTP2, MONGO, TCP, TLS).</summary>
    public string? Protocol { get; set; }

    /// <summary>The port the endpoints receive traffic on, when it differs from <see cref="Number"/>.</summary>
    public uint? TargetPort { get; set; }
}
