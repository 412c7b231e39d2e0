using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds an outbound listener (<see cref="IstioEgressListener"/>) of a Sidecar.</summary>
public sealed class IstioEgressListenerBuilder : MessageBuilder<IstioEgressListenerBuilder, IstioEgressListener>
{
    /// <summary>Creates a builder over an outbound listener.</summary>
    /// <param name="target">The listener to fill in.</param>
    public IstioEgressListenerBuilder(IstioEgressListener target)
        : base(target)
    {
    }

    /// <summary>Sets the port of the listener.</summary>
    /// <param name="number">The port number, 1 to 65535.</param>
    /// <param name="name">The port's name (<c>egressmysql</c>).</param>
    /// <param name="protocol">The protocol, one of <see cref="Protocols"/>.</param>
    /// <returns>This builder.</returns>
    public IstioEgressListenerBuilder Port(int number, string name, string protocol)
    {
        Target.Port = PortBuilder.Create(number, name, protocol);
        return this;
    }

    /// <summary>Configures the port field by field.</summary>
    /// <param name="configure">Sets the port.</param>
    /// <returns>This builder.</returns>
    public IstioEgressListenerBuilder Port(Action<PortBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Child(l => l.Port, (l, p) => l.Port = p, p => new PortBuilder(p), configure);
    }

    /// <summary>
    /// Binds the listener to an IP address or Unix domain socket. Istio expects port number 0 with a
    /// socket; set it through <see cref="MessageBuilder{TSelf, TMessage}.Edit"/>, as the port methods take 1 to 65535.
    /// </summary>
    /// <param name="address">An IP (<c>127.0.0.1</c>) or <c>unix:///path</c>.</param>
    /// <returns>This builder.</returns>
    public IstioEgressListenerBuilder Bind(string address)
    {
        Target.Bind = Guard.NotEmpty(address, nameof(address));
        return this;
    }

    /// <summary>Sets how traffic reaches the listener.</summary>
    /// <param name="mode">The capture mode.</param>
    /// <returns>This builder.</returns>
    public IstioEgressListenerBuilder CaptureMode(CaptureMode mode)
    {
        Target.CaptureMode = mode;
        return this;
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
