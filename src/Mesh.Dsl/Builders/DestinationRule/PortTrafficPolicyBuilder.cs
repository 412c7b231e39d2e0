using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds the <see cref="PortTrafficPolicy"/> of one destination port.</summary>
public sealed partial class PortTrafficPolicyBuilder : PolicySettingsBuilder<PortTrafficPolicyBuilder, PortTrafficPolicy>
{
    /// <summary>Creates a builder over a port's traffic policy.</summary>
    /// <param name="target">The policy to fill in.</param>
    public PortTrafficPolicyBuilder(PortTrafficPolicy target)
        : base(target)
    {
    }

    private protected override LoadBalancerSettings? LoadBalancerSettings { get => Target.LoadBalancer; set => Target.LoadBalancer = value; }

    private protected override ConnectionPoolSettings? ConnectionPoolSettings { get => Target.ConnectionPool; set => Target.ConnectionPool = value; }

    private protected override OutlierDetection? OutlierDetectionSettings { get => Target.OutlierDetection; set => Target.OutlierDetection = value; }

    private protected override ClientTlsSettings? TlsSettings { get => Target.Tls; set => Target.Tls = value; }

    /// <summary>Sets the destination port the policy applies to.</summary>
    /// <param name="number">The port, 1 to 65535.</param>
    /// <returns>This builder.</returns>
    public PortTrafficPolicyBuilder Port(int number)
    {
        Target.Port = new PortSelector { Number = Guard.Port(number) };
        return this;
    }
}
