using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>TCP keepalive probes (Istio message <c>ConnectionPoolSettings.TCPSettings.TcpKeepalive</c>).</summary>
public sealed class TcpKeepalive
{
    internal static readonly MessageSchema<TcpKeepalive> Schema = new MessageSchema<TcpKeepalive>("TcpKeepalive", () => new())
        .Field("probes", x => x.Probes, (x, v) => x.Probes = v, Codecs.UInt32)
        .Field("time", x => x.Time, (x, v) => x.Time = v, Codecs.Duration)
        .Field("interval", x => x.Interval, (x, v) => x.Interval = v, Codecs.Duration);

    /// <summary>Unanswered probes before the connection is considered dead; default the OS's (Linux: 9).</summary>
    public uint? Probes { get; set; }

    /// <summary>Idle time before probes start; default the OS's (Linux: 7200s).</summary>
    public TimeSpan? Time { get; set; }

    /// <summary>Time between probes; default the OS's (Linux: 75s).</summary>
    public TimeSpan? Interval { get; set; }
}
