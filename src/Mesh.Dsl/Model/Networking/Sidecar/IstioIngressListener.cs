using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>An inbound listener of a sidecar (Istio message <c>istio.networking.v1alpha3.IstioIngressListener</c>).</summary>
public sealed class IstioIngressListener : ISidecarListener
{
    internal static readonly MessageSchema<IstioIngressListener> Schema = new MessageSchema<IstioIngressListener>("IstioIngressListener", () => new())
        .Field("port", x => x.Port, (x, v) => x.Port = v, Codecs.Message(() => Port.Schema))
        .Field("bind", x => x.Bind, (x, v) => x.Bind = v, Codecs.String)
        .Field("captureMode", x => x.CaptureMode, (x, v) => x.CaptureMode = v, Codecs.Enum<CaptureMode>())
        .Field("defaultEndpoint", x => x.DefaultEndpoint, (x, v) => x.DefaultEndpoint = v, Codecs.String)
        .Field("tls", x => x.Tls, (x, v) => x.Tls = v, Codecs.Message(() => ServerTlsSettings.Schema))
        .Field("connectionPool", x => x.ConnectionPool, (x, v) => x.ConnectionPool = v, Codecs.Message(() => ConnectionPoolSettings.Schema));

    /// <summary>The port the listener accepts traffic on (0 with a Unix domain socket bind).</summary>
    public Port? Port { get; set; }

    /// <summary>The IP address or Unix domain socket (<c>unix:///path</c>) the listener binds to.</summary>
    public string? Bind { get; set; }

    /// <summary>How traffic reaches the listener when it binds to an IP.</summary>
    public CaptureMode? CaptureMode { get; set; }

    /// <summary>Where the workload listens: <c>127.0.0.1:PORT</c>, <c>0.0.0.0:PORT</c> or <c>unix:///path</c>.</summary>
    public string? DefaultEndpoint { get; set; }

    /// <summary>TLS the sidecar terminates for clients outside the mesh (not with mesh mutual TLS on the same port).</summary>
    public ServerTlsSettings? Tls { get; set; }

    /// <summary>Connection limits for this port, overriding the sidecar's inbound connection pool.</summary>
    public ConnectionPoolSettings? ConnectionPool { get; set; }
}
