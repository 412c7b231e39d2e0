using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a <see cref="Sidecar"/>.</summary>
public sealed partial class SidecarBuilder : ResourceBuilder<SidecarBuilder, Sidecar, SidecarSpec>
{
    /// <summary>Starts a new Sidecar.</summary>
    /// <param name="name">The resource name: a lowercase DNS-1123 subdomain (<c>default</c> for a namespace-wide one).</param>
    public SidecarBuilder(string name)
        : base(new Sidecar(), name)
    {
    }

    /// <summary>Edits an existing Sidecar.</summary>
    /// <param name="resource">The resource to edit.</param>
    public SidecarBuilder(Sidecar resource)
        : base(resource)
    {
    }

    /// <summary>Limits the Sidecar to the workloads carrying a label.</summary>
    /// <param name="key">The label key.</param>
    /// <param name="value">The label value.</param>
    /// <returns>This builder.</returns>
    public SidecarBuilder WorkloadSelector(string key, string value)
    {
        Guard.Text(value, nameof(value));
        Target.WorkloadSelector ??= new WorkloadSelector();
        Target.WorkloadSelector.Labels[Guard.NotEmpty(key, nameof(key))] = value;
        return this;
    }

    /// <summary>Adds an inbound listener.</summary>
    /// <param name="configure">Sets the listener's port, endpoint, TLS and limits.</param>
    /// <returns>This builder.</returns>
    public SidecarBuilder Ingress(Action<IstioIngressListenerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddChild(Target.Ingress, static () => new(), l => new IstioIngressListenerBuilder(l), configure);
    }

    /// <summary>Adds an outbound listener.</summary>
    /// <param name="configure">Sets the listener's port, bind, capture mode and hosts.</param>
    /// <returns>This builder.</returns>
    public SidecarBuilder Egress(Action<IstioEgressListenerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddChild(Target.Egress, static () => new(), l => new IstioEgressListenerBuilder(l), configure);
    }

    /// <summary>Adds an outbound listener on every port that reaches only these hosts.</summary>
    /// <param name="hosts">The hosts, each <c>namespace/dnsName</c> (<c>./*</c>, <c>istio-system/*</c>).</param>
    /// <returns>This builder.</returns>
    public SidecarBuilder Egress(params string[] hosts) => Egress(l => l.Hosts(hosts));

    /// <summary>Sets connection limits for inbound traffic on every port.</summary>
    /// <param name="configure">Sets the TCP and HTTP limits.</param>
    /// <returns>This builder.</returns>
    public SidecarBuilder InboundConnectionPool(Action<ConnectionPoolSettingsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Child(s => s.InboundConnectionPool, (s, c) => s.InboundConnectionPool = c, static () => new(), c => new ConnectionPoolSettingsBuilder(c), configure);
    }

    /// <summary>Sets what happens to traffic for hosts the registry does not know.</summary>
    /// <param name="mode"><see cref="OutboundTrafficPolicyMode.RegistryOnly"/> blocks it; <see cref="OutboundTrafficPolicyMode.AllowAny"/> lets it out.</param>
    /// <param name="egressProxy">With <c>ALLOW_ANY</c> only: the service (an egress proxy) that such traffic is sent to instead.</param>
    /// <returns>This builder.</returns>
    public SidecarBuilder OutboundTrafficPolicy(OutboundTrafficPolicyMode mode, Action<DestinationBuilder>? egressProxy = null)
    {
        if (egressProxy is not null && mode != OutboundTrafficPolicyMode.AllowAny)
        {
            throw new ArgumentException($"An egress proxy is only used with ALLOW_ANY; {mode} never sends traffic to it.", nameof(egressProxy));
        }

        var policy = new OutboundTrafficPolicy { Mode = mode };
        if (egressProxy is not null)
        {
            policy.EgressProxy = new Destination();
            egressProxy(new DestinationBuilder(policy.EgressProxy));
        }

        Target.OutboundTrafficPolicy = policy;
        return this;
    }
}
