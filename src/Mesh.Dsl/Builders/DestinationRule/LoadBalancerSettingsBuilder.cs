using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds <see cref="LoadBalancerSettings"/>: one algorithm (simple or consistent hash), locality, warmup.</summary>
public sealed partial class LoadBalancerSettingsBuilder : MessageBuilder<LoadBalancerSettingsBuilder, LoadBalancerSettings>
{
    /// <summary>Creates a builder over load balancer settings.</summary>
    /// <param name="target">The settings to fill in.</param>
    public LoadBalancerSettingsBuilder(LoadBalancerSettings target)
        : base(target)
    {
    }

    /// <summary>Chooses a simple algorithm, replacing any consistent hash.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns>This builder.</returns>
    public LoadBalancerSettingsBuilder Simple(LoadBalancerAlgorithm algorithm)
    {
        Target.Simple = algorithm;
        return this;
    }

    /// <summary>Chooses consistent hashing, replacing any simple algorithm.</summary>
    /// <param name="configure">Chooses the hash key and algorithm.</param>
    /// <returns>This builder.</returns>
    public LoadBalancerSettingsBuilder ConsistentHash(Action<ConsistentHashBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Child(x => x.ConsistentHash, (x, v) => x.ConsistentHash = v, static () => new(), v => new ConsistentHashBuilder(v), configure);
    }

    /// <summary>Configures locality-weighted load balancing and failover.</summary>
    /// <param name="configure">Sets distribution, failover, failover priority or enablement.</param>
    /// <returns>This builder.</returns>
    public LoadBalancerSettingsBuilder LocalityLbSetting(Action<LocalityLoadBalancerSettingBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Child(x => x.LocalityLbSetting, (x, v) => x.LocalityLbSetting = v, static () => new(), v => new LocalityLoadBalancerSettingBuilder(v), configure);
    }

    /// <summary>Deprecated by Istio in favour of <see cref="Warmup"/>: sets the warmup duration of new endpoints.</summary>
    /// <param name="duration">A positive duration.</param>
    /// <returns>This builder.</returns>
    public LoadBalancerSettingsBuilder WarmupDurationSecs(TimeSpan duration)
    {
        Target.WarmupDurationSecs = Guard.PositiveDuration(duration, nameof(duration));
        return this;
    }

    /// <summary>Starts new endpoints slowly, raising their share of traffic over <paramref name="duration"/>.</summary>
    /// <param name="duration">How long a new endpoint stays in warmup.</param>
    /// <param name="minimumPercent">The share of traffic (0 to 100) a new endpoint starts with; null for Istio's default.</param>
    /// <param name="aggression">How fast traffic rises (1 is linear); positive; null for Istio's default.</param>
    /// <returns>This builder.</returns>
    public LoadBalancerSettingsBuilder Warmup(TimeSpan duration, double? minimumPercent = null, double? aggression = null)
    {
        if (aggression is { } a && !(a > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(aggression), a, $"A warmup aggression of {a} is not allowed: it must be positive.");
        }

        Target.Warmup = new WarmupConfiguration
        {
            Duration = Guard.PositiveDuration(duration, nameof(duration)),
            MinimumPercent = minimumPercent is { } m ? Guard.Percentage(m, nameof(minimumPercent)) : null,
            Aggression = aggression,
        };
        return this;
    }

    /// <summary>Configures zone-aware load balancing.</summary>
    /// <param name="configure">Sets enablement, failover and the minimum cluster size.</param>
    /// <returns>This builder.</returns>
    public LoadBalancerSettingsBuilder ZoneAwareLbSetting(Action<ZoneAwareLoadBalancerSettingBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Child(x => x.ZoneAwareLbSetting, (x, v) => x.ZoneAwareLbSetting = v, static () => new(), v => new ZoneAwareLoadBalancerSettingBuilder(v), configure);
    }
}
