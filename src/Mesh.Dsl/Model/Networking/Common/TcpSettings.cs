using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>TCP-level connection pool settings (Istio message <c>ConnectionPoolSettings.TCPSettings</c>).</summary>
public sealed class TcpSettings
{
    internal static readonly MessageSchema<TcpSettings> Schema = new MessageSchema<TcpSettings>("TCPSettings", () => new())
        .Field("maxConnections", x => x.MaxConnections, (x, v) => x.MaxConnections = v, Codecs.Int32)
        .Field("connectTimeout", x => x.ConnectTimeout, (x, v) => x.ConnectTimeout = v, Codecs.Duration)
        .Field("tcpKeepalive", x => x.TcpKeepalive, (x, v) => x.TcpKeepalive = v, Codecs.Message(() => TcpKeepalive.Schema))
        .Field("maxConnectionDuration", x => x.MaxConnectionDuration, (x, v) => x.MaxConnectionDuration = v, Codecs.Duration)
        .Field("idleTimeout", x => x.IdleTimeout, (x, v) => x.IdleTimeout = v, Codecs.Duration);

    /// <summary>The maximum number of HTTP/1.1 or TCP connections to one host; default 2^32-1.</summary>
    public int? MaxConnections { get; set; }

    /// <summary>The TCP connect timeout, at least 1ms; default 10s.</summary>
    public TimeSpan? ConnectTimeout { get; set; }

    /// <summary>When present, sets SO_KEEPALIVE on the socket, with these probe settings.</summary>
    public TcpKeepalive? TcpKeepalive { get; set; }

    /// <summary>The longest a connection may live, at least 1ms; unset means no limit.</summary>
    public TimeSpan? MaxConnectionDuration { get; set; }

    /// <summary>How long a connection may carry no bytes before it is closed; default 1h, <c>0s</c> disables.</summary>
    public TimeSpan? IdleTimeout { get; set; }
}
