using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a <see cref="ZoneAwareLoadBalancerSetting"/>.</summary>
public sealed partial class ZoneAwareLoadBalancerSettingBuilder : MessageBuilder<ZoneAwareLoadBalancerSettingBuilder, ZoneAwareLoadBalancerSetting>
{
    /// <summary>Creates a builder over zone-aware settings.</summary>
    /// <param name="target">The settings to fill in.</param>
    public ZoneAwareLoadBalancerSettingBuilder(ZoneAwareLoadBalancerSetting target)
        : base(target)
    {
    }

    /// <summary>Turns zone-aware load balancing on or off.</summary>
    /// <param name="enabled">True to turn it on.</param>
    /// <returns>This builder.</returns>
    public ZoneAwareLoadBalancerSettingBuilder Enabled(bool enabled = true)
    {
        Target.Enabled = enabled;
        return this;
    }

    /// <summary>Sends traffic from one region to another when the first region's endpoints are unhealthy.</summary>
    /// <param name="from">The originating region.</param>
    /// <param name="to">The region to fail over to.</param>
    /// <returns>This builder.</returns>
    public ZoneAwareLoadBalancerSettingBuilder Failover(string from, string to)
    {
        Target.Failover.Add(LocalityFailovers.Create(from, to));
        return this;
    }

    /// <summary>Adds labels that order endpoints into failover priorities.</summary>
    /// <param name="labels">Label keys, or <c>key=value</c> pairs, most important first.</param>
    /// <returns>This builder.</returns>
    public ZoneAwareLoadBalancerSettingBuilder FailoverPriority(params string[] labels)
    {
        LocalityFailovers.AddPriorities(Target.FailoverPriority, labels);
        return this;
    }

    /// <summary>Sets the minimum number of hosts in the local zone for zone-aware balancing to apply.</summary>
    /// <param name="size">At least 1.</param>
    /// <returns>This builder.</returns>
    public ZoneAwareLoadBalancerSettingBuilder MinClusterSize(int size)
    {
        Target.MinClusterSize = size >= 1 ? (uint)size : throw new ArgumentOutOfRangeException(nameof(size), size, $"A minimum cluster size of {size} is not allowed: it must be at least 1.");
        return this;
    }
}
