using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// The load-balancing policy of a destination (Istio message <c>LoadBalancerSettings</c>): a simple
/// algorithm or consistent hashing (one of the two), plus locality and warmup settings.
/// </summary>
public sealed class LoadBalancerSettings
{
    // Declaration order of networking/v1alpha3/destination_rule.proto in sschepens/api@478fc083 (a fork of istio/api ahead of the CRD):
    // zone_aware_lb_setting (= 6) is declared right after locality_lb_setting.
    internal static readonly MessageSchema<LoadBalancerSettings> Schema = new MessageSchema<LoadBalancerSettings>("LoadBalancerSettings", () => new())
        .Field("simple", x => x.Simple, (x, v) => x.Simple = v, Codecs.Enum<LoadBalancerAlgorithm>(), oneOf: "lbPolicy")
        .Field("consistentHash", x => x.ConsistentHash, (x, v) => x.ConsistentHash = v, Codecs.Message(() => ConsistentHashLB.Schema), oneOf: "lbPolicy")
        .Field("localityLbSetting", x => x.LocalityLbSetting, (x, v) => x.LocalityLbSetting = v, Codecs.Message(() => LocalityLoadBalancerSetting.Schema))
        .Field("zoneAwareLbSetting", x => x.ZoneAwareLbSetting, (x, v) => x.ZoneAwareLbSetting = v, Codecs.Message(() => ZoneAwareLoadBalancerSetting.Schema))
        .Field("warmupDurationSecs", x => x.WarmupDurationSecs, (x, v) => x.WarmupDurationSecs = v, Codecs.Duration)
        .Field("warmup", x => x.Warmup, (x, v) => x.Warmup = v, Codecs.Message(() => WarmupConfiguration.Schema));

    private LoadBalancerAlgorithm? _simple;
    private ConsistentHashLB? _consistentHash;

    /// <summary>A simple algorithm (<c>ROUND_ROBIN</c>, <c>LEAST_REQUEST</c>, ...); setting it clears <see cref="ConsistentHash"/>.</summary>
    public LoadBalancerAlgorithm? Simple
    {
        get => _simple;
        set
        {
            _simple = value;
            if (value is not null)
            {
                _consistentHash = null;
            }
        }
    }

    /// <summary>Consistent hashing for soft session affinity; setting it clears <see cref="Simple"/>.</summary>
    public ConsistentHashLB? ConsistentHash
    {
        get => _consistentHash;
        set
        {
            _consistentHash = value;
            if (value is not null)
            {
                _simple = null;
            }
        }
    }

    /// <summary>Locality-weighted load balancing and failover; replaces the mesh-wide setting entirely.</summary>
    public LocalityLoadBalancerSetting? LocalityLbSetting { get; set; }

    /// <summary>Deprecated: use <see cref="Warmup"/>. How long new endpoints receive gradually more traffic.</summary>
    public TimeSpan? WarmupDurationSecs { get; set; }

    /// <summary>Slow start of new endpoints: duration, starting percentage and aggression.</summary>
    public WarmupConfiguration? Warmup { get; set; }

    /// <summary>Zone-aware load balancing (Envoy's), with failover settings.</summary>
    public ZoneAwareLoadBalancerSetting? ZoneAwareLbSetting { get; set; }
}
