using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// Connection pool limits for each host of an upstream service (Istio message
/// <c>ConnectionPoolSettings</c>): Envoy's circuit breakers, at the TCP and HTTP level.
/// </summary>
public sealed class ConnectionPoolSettings
{
    internal static readonly MessageSchema<ConnectionPoolSettings> Schema = new MessageSchema<ConnectionPoolSettings>("ConnectionPoolSettings", () => new())
        .Field("tcp", x => x.Tcp, (x, v) => x.Tcp = v, Codecs.Message(() => TcpSettings.Schema))
        .Field("http", x => x.Http, (x, v) => x.Http = v, Codecs.Message(() => HttpSettings.Schema));

    /// <summary>Settings common to HTTP and TCP connections: connection limits, timeouts, keepalive.</summary>
    public TcpSettings? Tcp { get; set; }

    /// <summary>Settings of HTTP/1.1, HTTP/2 and gRPC connections.</summary>
    public HttpSettings? Http { get; set; }
}
