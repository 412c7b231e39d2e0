using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>Tunnels TCP connections over HTTP to a target (Istio message <c>TrafficPolicy.TunnelSettings</c>).</summary>
public sealed class TunnelSettings
{
    internal static readonly MessageSchema<TunnelSettings> Schema = new MessageSchema<TunnelSettings>("TunnelSettings", () => new())
        .Field("protocol", x => x.Protocol, (x, v) => x.Protocol = v, Codecs.String)
        .Field("targetHost", x => x.TargetHost, (x, v) => x.TargetHost = v, Codecs.String)
        .Field("targetPort", x => x.TargetPort, (x, v) => x.TargetPort = v, Codecs.UInt32);

    /// <summary>The tunnelling protocol: <c>CONNECT</c> (the default) or <c>POST</c>.</summary>
    public string? Protocol { get; set; }

    /// <summary>The host (a DNS name or IP address) the connection is tunnelled to; required.</summary>
    public string? TargetHost { get; set; }

    /// <summary>The port the connection is tunnelled to; required.</summary>
    public uint? TargetPort { get; set; }
}
