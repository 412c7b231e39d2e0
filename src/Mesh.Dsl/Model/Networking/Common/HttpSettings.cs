using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>HTTP-level connection pool settings (Istio message <c>ConnectionPoolSettings.HTTPSettings</c>).</summary>
public sealed class HttpSettings
{
    // Field order confirmed against destination_rule.proto in sschepens/api@478fc083 (a fork of istio/api ahead of the CRD).
    internal static readonly MessageSchema<HttpSettings> Schema = new MessageSchema<HttpSettings>("HTTPSettings", () => new())
        .Field("http1MaxPendingRequests", x => x.Http1MaxPendingRequests, (x, v) => x.Http1MaxPendingRequests = v, Codecs.Int32)
        .Field("http2MaxRequests", x => x.Http2MaxRequests, (x, v) => x.Http2MaxRequests = v, Codecs.Int32)
        .Field("maxRequestsPerConnection", x => x.MaxRequestsPerConnection, (x, v) => x.MaxRequestsPerConnection = v, Codecs.Int32)
        .Field("maxRetries", x => x.MaxRetries, (x, v) => x.MaxRetries = v, Codecs.Int32)
        .Field("idleTimeout", x => x.IdleTimeout, (x, v) => x.IdleTimeout = v, Codecs.Duration)
        .Field("h2UpgradePolicy", x => x.H2UpgradePolicy, (x, v) => x.H2UpgradePolicy = v, Codecs.Enum<H2UpgradePolicy>())
        .Field("useClientProtocol", x => x.UseClientProtocol, (x, v) => x.UseClientProtocol = v, Codecs.Bool)
        .Field("maxConcurrentStreams", x => x.MaxConcurrentStreams, (x, v) => x.MaxConcurrentStreams = v, Codecs.Int32)
        .Field("http2KeepAlive", x => x.Http2KeepAlive, (x, v) => x.Http2KeepAlive = v, Codecs.Message(() => Http2KeepAlive.Schema));

    /// <summary>Requests queued while waiting for a ready connection (HTTP/1.1 and HTTP/2); default 2^32-1.</summary>
    public int? Http1MaxPendingRequests { get; set; }

    /// <summary>Active requests to a destination (HTTP/1.1 and HTTP/2); default 2^32-1.</summary>
    public int? Http2MaxRequests { get; set; }

    /// <summary>Requests per connection; 1 disables keepalive; default 0, unlimited.</summary>
    public int? MaxRequestsPerConnection { get; set; }

    /// <summary>Retries outstanding to all hosts of the cluster at once; default 2^32-1.</summary>
    public int? MaxRetries { get; set; }

    /// <summary>How long a pooled connection may have no active request before it is closed; default 1h.</summary>
    public TimeSpan? IdleTimeout { get; set; }

    /// <summary>Whether HTTP/1.1 connections are upgraded to HTTP/2 for this destination.</summary>
    public H2UpgradePolicy? H2UpgradePolicy { get; set; }

    /// <summary>True keeps the client's protocol to the backend (and makes <see cref="H2UpgradePolicy"/> ineffective).</summary>
    public bool? UseClientProtocol { get; set; }

    /// <summary>The maximum concurrent streams per HTTP/2 connection; default 2^31-1.</summary>
    public int? MaxConcurrentStreams { get; set; }

    /// <summary>HTTP/2 PING frames on upstream connections, to detect dead connections.</summary>
    public Http2KeepAlive? Http2KeepAlive { get; set; }
}
