using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>The traffic policy of one port of the destination (Istio message <c>TrafficPolicy.PortTrafficPolicy</c>).</summary>
public sealed class PortTrafficPolicy
{
    internal static readonly MessageSchema<PortTrafficPolicy> Schema = new MessageSchema<PortTrafficPolicy>("PortTrafficPolicy", () => new())
        .Field("port", x => x.Port, (x, v) => x.Port = v, Codecs.Message(() => PortSelector.Schema))
        .Field("loadBalancer", x => x.LoadBalancer, (x, v) => x.LoadBalancer = v, Codecs.Message(() => LoadBalancerSettings.Schema))
        .Field("connectionPool", x => x.ConnectionPool, (x, v) => x.ConnectionPool = v, Codecs.Message(() => ConnectionPoolSettings.Schema))
        .Field("outlierDetection", x => x.OutlierDetection, (x, v) => x.OutlierDetection = v, Codecs.Message(() => OutlierDetection.Schema))
        .Field("tls", x => x.Tls, (x, v) => x.Tls = v, Codecs.Message(() => ClientTlsSettings.Schema));

    /// <summary>The destination port the policy applies to.</summary>
    public PortSelector? Port { get; set; }

    /// <summary>The load-balancing algorithm and locality settings for this port.</summary>
    public LoadBalancerSettings? LoadBalancer { get; set; }

    /// <summary>Limits on connections and requests for this port.</summary>
    public ConnectionPoolSettings? ConnectionPool { get; set; }

    /// <summary>Ejection of unhealthy hosts for this port.</summary>
    public OutlierDetection? OutlierDetection { get; set; }

    /// <summary>TLS for connections to this port of the upstream.</summary>
    public ClientTlsSettings? Tls { get; set; }
}
