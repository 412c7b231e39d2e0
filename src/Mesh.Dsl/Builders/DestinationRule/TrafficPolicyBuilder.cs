using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a <see cref="Model.Networking.TrafficPolicy"/> of a DestinationRule or one of its subsets.</summary>
public sealed partial class TrafficPolicyBuilder : PolicySettingsBuilder<TrafficPolicyBuilder, TrafficPolicy>
{
    private static readonly string[] TunnelProtocols = ["CONNECT", "POST"];

    /// <summary>Creates a builder over a traffic policy.</summary>
    /// <param name="target">The policy to fill in.</param>
    public TrafficPolicyBuilder(TrafficPolicy target)
        : base(target)
    {
    }

    private protected override LoadBalancerSettings? LoadBalancerSettings { get => Target.LoadBalancer; set => Target.LoadBalancer = value; }

    private protected override ConnectionPoolSettings? ConnectionPoolSettings { get => Target.ConnectionPool; set => Target.ConnectionPool = value; }

    private protected override OutlierDetection? OutlierDetectionSettings { get => Target.OutlierDetection; set => Target.OutlierDetection = value; }

    private protected override ClientTlsSettings? TlsSettings { get => Target.Tls; set => Target.Tls = value; }

    /// <summary>Adds the policy of one destination port, or configures further the one already there.</summary>
    /// <param name="port">The destination port, 1 to 65535.</param>
    /// <param name="configure">Sets the port's load balancing, connection pool, outlier detection and TLS.</param>
    /// <returns>This builder.</returns>
    public TrafficPolicyBuilder PortLevelSettings(int port, Action<PortTrafficPolicyBuilder> configure)
    {
        var number = Guard.Port(port, nameof(port));
        ArgumentNullException.ThrowIfNull(configure);
        var policy = FindPortLevelSettings(number);
        if (policy is null)
        {
            policy = new PortTrafficPolicy { Port = new PortSelector { Number = number } };
            AddItem(Target.PortLevelSettings, policy);
        }

        configure(new PortTrafficPolicyBuilder(policy));
        return this;
    }

    /// <summary>The policy of a port, or null: a loop, where <c>List.Find</c> would cost a closure and a delegate per call.</summary>
    private PortTrafficPolicy? FindPortLevelSettings(uint port)
    {
        foreach (var policy in Target.PortLevelSettings)
        {
            if (policy.Port?.Number == port)
            {
                return policy;
            }
        }

        return null;
    }

    /// <summary>Tunnels TCP connections to the host over HTTP (for TCP and TLS routes).</summary>
    /// <param name="targetHost">The host (DNS name or IP address) to tunnel to.</param>
    /// <param name="targetPort">The port to tunnel to.</param>
    /// <param name="protocol"><c>CONNECT</c> (Istio's default when null) or <c>POST</c>.</param>
    /// <returns>This builder.</returns>
    public TrafficPolicyBuilder Tunnel(string targetHost, int targetPort, string? protocol = null)
    {
        if (protocol is not null && !TunnelProtocols.Contains(protocol))
        {
            throw new ArgumentException($"\"{protocol}\" is not a tunnel protocol: use CONNECT or POST.", nameof(protocol));
        }

        Target.Tunnel = new TunnelSettings
        {
            Protocol = protocol,
            TargetHost = Guard.Host(targetHost, nameof(targetHost)),
            TargetPort = Guard.Port(targetPort, nameof(targetPort)),
        };
        return this;
    }

    /// <summary>Sends the PROXY protocol header to the upstream.</summary>
    /// <param name="version">The version; <see cref="ProxyProtocolVersion.V1"/> is Istio's default.</param>
    /// <returns>This builder.</returns>
    public TrafficPolicyBuilder ProxyProtocol(ProxyProtocolVersion version)
    {
        Target.ProxyProtocol = new ProxyProtocol { Version = version };
        return this;
    }

    /// <summary>Limits concurrent retries relative to active requests; unset arguments keep Istio's defaults.</summary>
    /// <param name="percent">Concurrent retries as a percentage (0 to 100) of active and pending requests.</param>
    /// <param name="minRetryConcurrency">The retry concurrency always allowed.</param>
    /// <param name="budgetInterval">The window of requests the budget is computed over.</param>
    /// <returns>This builder.</returns>
    public TrafficPolicyBuilder RetryBudget(double? percent = null, int? minRetryConcurrency = null, TimeSpan? budgetInterval = null)
    {
        Target.RetryBudget = new RetryBudget
        {
            Percent = percent is { } p ? Guard.Percentage(p, nameof(percent)) : null,
            MinRetryConcurrency = minRetryConcurrency is { } m ? (uint)Guard.NotNegative(m, nameof(minRetryConcurrency)) : null,
            BudgetInterval = budgetInterval is { } i ? Guard.PositiveDuration(i, nameof(budgetInterval)) : null,
        };
        return this;
    }
}
