using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>Zone-aware load balancing (Istio field <c>LoadBalancerSettings.zoneAwareLbSetting</c>).</summary>
public sealed class ZoneAwareLoadBalancerSetting
{
    // Field order confirmed against destination_rule.proto in sschepens/api@478fc083 (a fork of istio/api ahead of the CRD).
    internal static readonly MessageSchema<ZoneAwareLoadBalancerSetting> Schema = new MessageSchema<ZoneAwareLoadBalancerSetting>("ZoneAwareLoadBalancerSetting", () => new())
        .Field("enabled", x => x.Enabled, (x, v) => x.Enabled = v, Codecs.Bool)
        .Field("failover", x => x._failover!, (x, v) => x.Failover = v, Codecs.MessageList(() => LocalityFailover.Schema))
        .Field("failoverPriority", x => x._failoverPriority!, (x, v) => x.FailoverPriority = v, Codecs.StringList)
        .Field("minClusterSize", x => x.MinClusterSize, (x, v) => x.MinClusterSize = v, Codecs.UInt32);

    /// <summary>Turns zone-aware load balancing on or off.</summary>
    public bool? Enabled { get; set; }

    private List<LocalityFailover>? _failover;

    /// <summary>Which region traffic fails over to when a region's endpoints are unhealthy.</summary>
    public List<LocalityFailover> Failover { get => _failover ??= new(); set => _failover = value; }

    private List<string>? _failoverPriority;

    /// <summary>Labels that order endpoints into failover priorities.</summary>
    public List<string> FailoverPriority { get => _failoverPriority ??= new(); set => _failoverPriority = value; }

    /// <summary>The minimum number of hosts in the local zone for zone-aware balancing to apply; at least 1.</summary>
    public uint? MinClusterSize { get; set; }
}
