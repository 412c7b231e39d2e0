using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a <see cref="LocalityLoadBalancerSetting"/>: locality-weighted distribution or failover.</summary>
public sealed partial class LocalityLoadBalancerSettingBuilder : MessageBuilder<LocalityLoadBalancerSettingBuilder, LocalityLoadBalancerSetting>
{
    /// <summary>Creates a builder over locality settings.</summary>
    /// <param name="target">The settings to fill in.</param>
    public LocalityLoadBalancerSettingBuilder(LocalityLoadBalancerSetting target)
        : base(target)
    {
    }

    /// <summary>Splits the traffic that comes from one locality over others, by weight.</summary>
    /// <param name="from">The originating locality (<c>us-west/zone1/*</c>).</param>
    /// <param name="configure">Adds the weighted destination localities.</param>
    /// <returns>This builder.</returns>
    public LocalityLoadBalancerSettingBuilder Distribute(string from, Action<LocalityDistributeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var distribute = new LocalityDistribute { From = Guard.NotEmpty(from, nameof(from)) };
        configure(new LocalityDistributeBuilder(distribute));
        Target.Distribute.Add(distribute);
        return this;
    }

    /// <summary>Sends traffic from one region to another when the first region's endpoints are unhealthy.</summary>
    /// <param name="from">The originating region.</param>
    /// <param name="to">The region to fail over to.</param>
    /// <returns>This builder.</returns>
    public LocalityLoadBalancerSettingBuilder Failover(string from, string to)
    {
        Target.Failover.Add(LocalityFailovers.Create(from, to));
        return this;
    }

    /// <summary>Adds labels that order endpoints into failover priorities (<c>topology.istio.io/network</c>, <c>version=v1</c>).</summary>
    /// <param name="labels">Label keys, or <c>key=value</c> pairs, most important first.</param>
    /// <returns>This builder.</returns>
    public LocalityLoadBalancerSettingBuilder FailoverPriority(params string[] labels)
    {
        LocalityFailovers.AddPriorities(Target.FailoverPriority, labels);
        return this;
    }

    /// <summary>Turns locality load balancing on or off for this rule, whatever the mesh-wide setting.</summary>
    /// <param name="enabled">True to turn it on.</param>
    /// <returns>This builder.</returns>
    public LocalityLoadBalancerSettingBuilder Enabled(bool enabled = true)
    {
        Target.Enabled = enabled;
        return this;
    }
}
