using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>Policies for traffic to a destination, across all its ports (Istio message <c>TrafficPolicy</c>).</summary>
public sealed class TrafficPolicy
{
    // Field order confirmed against destination_rule.proto in sschepens/api@478fc083 (a fork of istio/api ahead of the CRD).
    internal static readonly MessageSchema<TrafficPolicy> Schema = new MessageSchema<TrafficPolicy>("TrafficPolicy", () => new())
        .Field("loadBalancer", x => x.LoadBalancer, (x, v) => x.LoadBalancer = v, Codecs.Message(() => LoadBalancerSettings.Schema))
        .Field("connectionPool", x => x.ConnectionPool, (x, v) => x.ConnectionPool = v, Codecs.Message(() => ConnectionPoolSettings.Schema))
        .Field("outlierDetection", x => x.OutlierDetection, (x, v) => x.OutlierDetection = v, Codecs.Message(() => OutlierDetection.Schema))
        .Field("tls", x => x.Tls, (x, v) => x.Tls = v, Codecs.Message(() => ClientTlsSettings.Schema))
        .Field("portLevelSettings", x => x._portLevelSettings!, (x, v) => x.PortLevelSettings = v, Codecs.MessageList(() => PortTrafficPolicy.Schema))
        .Field("tunnel", x => x.Tunnel, (x, v) => x.Tunnel = v, Codecs.Message(() => TunnelSettings.Schema))
        .Field("proxyProtocol", x => x.ProxyProtocol, (x, v) => x.ProxyProtocol = v, Codecs.Message(() => ProxyProtocol.Schema))
        .Field("retryBudget", x => x.RetryBudget, (x, v) => x.RetryBudget = v, Codecs.Message(() => RetryBudget.Schema));

    /// <summary>The load-balancing algorithm and locality settings.</summary>
    public LoadBalancerSettings? LoadBalancer { get; set; }

    /// <summary>Limits on connections and requests to each upstream host.</summary>
    public ConnectionPoolSettings? ConnectionPool { get; set; }

    /// <summary>Ejection of unhealthy hosts from the load-balancing pool; an empty one turns it on with defaults.</summary>
    public OutlierDetection? OutlierDetection { get; set; }

    /// <summary>TLS for connections to the upstream (TLS origination, mutual TLS).</summary>
    public ClientTlsSettings? Tls { get; set; }

    private List<PortTrafficPolicy>? _portLevelSettings;

    /// <summary>Policies for single ports; they replace (not merge with) the policy above for that port.</summary>
    public List<PortTrafficPolicy> PortLevelSettings { get => _portLevelSettings ??= new(); set => _portLevelSettings = value; }

    /// <summary>Tunnels TCP over HTTP CONNECT or POST to a target host; for TCP and TLS routes only.</summary>
    public TunnelSettings? Tunnel { get; set; }

    /// <summary>Sends the PROXY protocol header to the upstream.</summary>
    public ProxyProtocol? ProxyProtocol { get; set; }

    /// <summary>Limits concurrent retries relative to active requests.</summary>
    public RetryBudget? RetryBudget { get; set; }
}
