using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a <see cref="Model.Networking.Port"/> of a Gateway server or Sidecar listener.</summary>
public sealed partial class PortBuilder : MessageBuilder<PortBuilder, Port>
{
    /// <summary>Creates a builder over a port.</summary>
    /// <param name="target">The port to fill in.</param>
    public PortBuilder(Port target)
        : base(target)
    {
    }

    /// <summary>Sets the port number.</summary>
    /// <param name="number">1 to 65535.</param>
    /// <returns>This builder.</returns>
    public PortBuilder Number(int number)
    {
        Target.Number = Guard.Port(number);
        return this;
    }

    /// <summary>Sets the port's name.</summary>
    /// <param name="name">The name, e.g. <c>http-port</c>.</param>
    /// <returns>This builder.</returns>
    public PortBuilder Name(string name)
    {
        Target.Name = Guard.NotEmpty(name, nameof(name));
        return this;
    }

    /// <summary>Sets the protocol.</summary>
    /// <param name="protocol">One of <see cref="Protocols"/>.</param>
    /// <returns>This builder.</returns>
    public PortBuilder Protocol(string protocol)
    {
        Target.Protocol = Guard.NotEmpty(protocol, nameof(protocol));
        return this;
    }

    /// <summary>Sets the deprecated target port (meaningful only on ServiceEntry ports).</summary>
    /// <param name="targetPort">1 to 65535.</param>
    /// <returns>This builder.</returns>
    [Obsolete("Istio has deprecated targetPort on Gateway and Sidecar ports; it is meaningful only on ServiceEntry ports.")]
    public PortBuilder TargetPort(int targetPort)
    {
        Target.TargetPort = Guard.Port(targetPort, nameof(targetPort));
        return this;
    }

    /// <summary>Makes a port from its parts, checking each.</summary>
    /// <param name="number">1 to 65535.</param>
    /// <param name="name">The port's name.</param>
    /// <param name="protocol">One of <see cref="Protocols"/>.</param>
    /// <returns>The port.</returns>
    public static Port Create(int number, string name, string protocol)
        => new PortBuilder(new Port()).Number(number).Name(name).Protocol(protocol).Target;
}
