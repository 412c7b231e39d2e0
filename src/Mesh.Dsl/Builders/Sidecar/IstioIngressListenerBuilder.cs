using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds an inbound listener (<see cref="IstioIngressListener"/>) of a Sidecar.</summary>
public sealed class IstioIngressListenerBuilder : MessageBuilder<IstioIngressListenerBuilder, IstioIngressListener>
{
    /// <summary>Creates a builder over an inbound listener.</summary>
    /// <param name="target">The listener to fill in.</param>
    public IstioIngressListenerBuilder(IstioIngressListener target)
        : base(target)
    {
    }

    /// <summary>Sets the port the listener accepts traffic on.</summary>
    /// <param name="number">The port number, 1 to 65535.</param>
    /// <param name="name">The port's name (<c>external</c>).</param>
    /// <param name="protocol">The protocol, one of <see cref="Protocols"/>.</param>
    /// <returns>This builder.</returns>
    public IstioIngressListenerBuilder Port(int number, string name, string protocol)
    {
        Target.Port = PortBuilder.Create(number, name, protocol);
        return this;
    }

    /// <summary>Configures the port field by field.</summary>
    /// <param name="configure">Sets the port.</param>
    /// <returns>This builder.</returns>
    public IstioIngressListenerBuilder Port(Action<PortBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Child(l => l.Port, (l, p) => l.Port = p, p => new PortBuilder(p), configure);
    }

    /// <summary>
    /// Binds the listener to an IP address or Unix domain socket. Istio expects port number 0 with a
    /// socket; set it through <see cref="MessageBuilder{TSelf, TMessage}.Edit"/>, as the port methods take 1 to 65535.
    /// </summary>
    /// <param name="address">An IP (<c>172.16.1.32</c>) or <c>unix:///path</c>.</param>
    /// <returns>This builder.</returns>
    public IstioIngressListenerBuilder Bind(string address)
    {
        Target.Bind = Guard.NotEmpty(address, nameof(address));
        return this;
    }

    /// <summary>Sets how traffic reaches the listener.</summary>
    /// <param name="mode">The capture mode.</param>
    /// <returns>This builder.</returns>
    public IstioIngressListenerBuilder CaptureMode(CaptureMode mode)
    {
        Target.CaptureMode = mode;
        return this;
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
        return Child(l => l.Tls, (l, t) => l.Tls = t, t => new ServerTlsSettingsBuilder(t), configure);
    }

    /// <summary>Sets connection limits for this port, overriding the sidecar's inbound connection pool.</summary>
    /// <param name="configure">Sets the TCP and HTTP limits.</param>
    /// <returns>This builder.</returns>
    public IstioIngressListenerBuilder ConnectionPool(Action<ConnectionPoolSettingsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Child(l => l.ConnectionPool, (l, c) => l.ConnectionPool = c, c => new ConnectionPoolSettingsBuilder(c), configure);
    }
}
