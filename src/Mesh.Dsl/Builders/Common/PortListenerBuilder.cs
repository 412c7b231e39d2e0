using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Base of the builders of listeners (Gateway servers, Sidecar listeners): their port and bind address.</summary>
/// <typeparam name="TSelf">The concrete builder.</typeparam>
/// <typeparam name="TListener">The listener message.</typeparam>
public abstract class PortListenerBuilder<TSelf, TListener> : MessageBuilder<TSelf, TListener>
    where TSelf : PortListenerBuilder<TSelf, TListener>
    where TListener : class, IPortListener
{
    /// <summary>Creates a builder over a listener.</summary>
    /// <param name="target">The listener to fill in.</param>
    protected PortListenerBuilder(TListener target)
        : base(target)
    {
    }

    /// <summary>Sets the port the listener is on.</summary>
    /// <param name="number">The port number, 1 to 65535.</param>
    /// <param name="name">The port's name (<c>http-port</c>).</param>
    /// <param name="protocol">The protocol, one of <see cref="Protocols"/>.</param>
    /// <returns>This builder.</returns>
    public TSelf Port(int number, string name, string protocol)
    {
        Target.Port = PortBuilder.Create(number, name, protocol);
        return Self;
    }

    /// <summary>Configures the port field by field, e.g. for the deprecated target port.</summary>
    /// <param name="configure">Sets the port.</param>
    /// <returns>This builder.</returns>
    public TSelf Port(Action<PortBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Child(l => l.Port, (l, p) => l.Port = p, static () => new(), p => new PortBuilder(p), configure);
    }

    /// <summary>
    /// Binds the listener to an IP address or Unix domain socket. Istio expects port number 0 with a
    /// socket; set it through <see cref="MessageBuilder{TSelf, TMessage}.Edit"/>, as the port methods take 1 to 65535.
    /// </summary>
    /// <param name="address">An IP (<c>127.0.0.1</c>) or <c>unix:///path</c>.</param>
    /// <returns>This builder.</returns>
    public TSelf Bind(string address)
    {
        Target.Bind = Guard.NotEmpty(address, nameof(address));
        return Self;
    }
}
