using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// Locality-weighted load balancing and failover (Istio message <c>LocalityLoadBalancerSetting</c>).
/// Only one of <see cref="Distribute"/>, <see cref="Failover"/> and <see cref="FailoverPriority"/> is meant to be set.
/// </summary>
public sealed class LocalityLoadBalancerSetting
{
    internal static readonly MessageSchema<LocalityLoadBalancerSetting> Schema = new MessageSchema<LocalityLoadBalancerSetting>("LocalityLoadBalancerSetting", () => new())
        .Field("distribute", x => x._distribute!, (x, v) => x.Distribute = v, Codecs.MessageList(() => LocalityDistribute.Schema))
        .Field("failover", x => x._failover!, (x, v) => x.Failover = v, Codecs.MessageList(() => LocalityFailover.Schema))
        .Field("failoverPriority", x => x._failoverPriority!, (x, v) => x.FailoverPriority = v, Codecs.StringList)
        .Field("enabled", x => x.Enabled, (x, v) => x.Enabled = v, Codecs.Bool);

    private List<LocalityDistribute>? _distribute;

    /// <summary>How traffic from each locality is split over localities, by weight.</summary>
    public List<LocalityDistribute> Distribute { get => _distribute ??= new(); set => _distribute = value; }

    private List<LocalityFailover>? _failover;

    /// <summary>Which region traffic fails over to when a region's endpoints are unhealthy; needs outlier detection.</summary>
    public List<LocalityFailover> Failover { get => _failover ??= new(); set => _failover = value; }

    private List<string>? _failoverPriority;

    /// <summary>Labels (<c>topology.istio.io/network</c>, <c>version=v1</c>) that order endpoints into failover priorities.</summary>
    public List<string> FailoverPriority { get => _failoverPriority ??= new(); set => _failoverPriority = value; }

    /// <summary>Turns locality load balancing on or off for this rule, whatever the mesh-wide setting.</summary>
    public bool? Enabled { get; set; }
}
