using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>HTTP/2 PING frames on upstream connections (Istio message <c>HTTPSettings.http2KeepAlive</c>).</summary>
public sealed class Http2KeepAlive
{
    internal static readonly MessageSchema<Http2KeepAlive> Schema = new MessageSchema<Http2KeepAlive>("HTTP2KeepAlive", () => new())
        .Field("interval", x => x.Interval, (x, v) => x.Interval = v, Codecs.Duration)
        .Field("timeout", x => x.Timeout, (x, v) => x.Timeout = v, Codecs.Duration);

    /// <summary>How often a PING frame is sent, at least 1ms.</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>How long to wait for the PING's answer before closing the connection, at least 1ms.</summary>
    public TimeSpan? Timeout { get; set; }
}
