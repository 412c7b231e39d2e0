using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds an inbound listener (<see cref="IstioIngressListener"/>) of a Sidecar.</summary>
public sealed partial class IstioIngressListenerBuilder : SidecarListenerBuilder<IstioIngressListenerBuilder, IstioIngressListener>
{
    /// <summary>Creates a builder over an inbound listener.</summary>
    /// <param name="target">The listener to fill in.</param>
    public IstioIngressListenerBuilder(IstioIngressListener target)
        : base(target)
    {
    }

    /// <summary>Sets where the workload listens, which the sidecar forwards to.</summary>
    /// <param name="endpoint"><c>127.0.0.1:PORT</c>, <c>0.0.0.0:PORT</c> or <c>unix:///path</c>.</param>
    /// <returns>This builder.</returns>
    public IstioIngressListenerBuilder DefaultEndpoint(string endpoint)
    {
        Target.DefaultEndpoint = Guard.NotEmpty(endpoint, nameof(endpoint));
        return this;
    }

    /// <summary>Terminates TLS from clients outside the mesh on this port.</summary>
    /// <param name="configure">Sets the TLS mode and certificate files.</param>
    /// <returns>This builder.</returns>
    public IstioIngressListenerBuilder Tls(Action<ServerTlsSettingsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Child(l => l.Tls, (l, t) => l.Tls = t, static () => new(), t => new ServerTlsSettingsBuilder(t), configure);
    }

    /// <summary>Sets connection limits for this port, overriding the sidecar's inbound connection pool.</summary>
    /// <param name="configure">Sets the TCP and HTTP limits.</param>
    /// <returns>This builder.</returns>
    public IstioIngressListenerBuilder ConnectionPool(Action<ConnectionPoolSettingsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Child(l => l.ConnectionPool, (l, c) => l.ConnectionPool = c, static () => new(), c => new ConnectionPoolSettingsBuilder(c), configure);
    }
}
