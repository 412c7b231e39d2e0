using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds an outbound listener (<see cref="IstioEgressListener"/>) of a Sidecar.</summary>
public sealed partial class IstioEgressListenerBuilder : SidecarListenerBuilder<IstioEgressListenerBuilder, IstioEgressListener>
{
    /// <summary>Creates a builder over an outbound listener.</summary>
    /// <param name="target">The listener to fill in.</param>
    public IstioEgressListenerBuilder(IstioEgressListener target)
        : base(target)
    {
    }

    /// <summary>Adds hosts reachable through the listener, each <c>namespace/dnsName</c>.</summary>
    /// <param name="hosts">The hosts (<c>./*</c>, <c>istio-system/*</c>, <c>*/api.example.com</c>).</param>
    /// <returns>This builder.</returns>
    public IstioEgressListenerBuilder Hosts(params string[] hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        foreach (var host in hosts)
        {
            Target.Hosts.Add(Guard.NamespacedHost(host, nameof(hosts), requireNamespace: true));
        }

        return this;
    }
}
