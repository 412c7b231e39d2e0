using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>A port of an external service, as a recipe writes it into the ServiceEntry.</summary>
/// <param name="Number">The port number, 1 to 65535.</param>
/// <param name="Name">The port's name, unique in the ServiceEntry.</param>
/// <param name="Protocol">The protocol, one of <see cref="Protocols"/>.</param>
public sealed record ExternalPort(int Number, string Name, string Protocol)
{
    /// <summary>The port the external service really listens on, when it differs from <see cref="Number"/>.</summary>
    public int? TargetPort { get; init; }

    /// <summary>Plain HTTP (80 and <c>http-port</c> unless given).</summary>
    /// <param name="number">The port number.</param>
    /// <param name="name">The port name.</param>
    /// <returns>The port.</returns>
    public static ExternalPort Http(int number = 80, string name = "http-port") => new(number, name, Protocols.Http);

    /// <summary>HTTPS, opaque to the proxy and routed by SNI (443 and <c>https-port</c> unless given).</summary>
    /// <param name="number">The port number.</param>
    /// <param name="name">The port name.</param>
    /// <returns>The port.</returns>
    public static ExternalPort Https(int number = 443, string name = "https-port") => new(number, name, Protocols.Https);

    /// <summary>TLS of any application protocol, routed by SNI (443 and <c>tls</c> unless given).</summary>
    /// <param name="number">The port number.</param>
    /// <param name="name">The port name.</param>
    /// <returns>The port.</returns>
    public static ExternalPort Tls(int number = 443, string name = "tls") => new(number, name, Protocols.Tls);

    /// <summary>Opaque TCP (named <c>tcp-NUMBER</c> unless given).</summary>
    /// <param name="number">The port number.</param>
    /// <param name="name">The port name.</param>
    /// <returns>The port.</returns>
    public static ExternalPort Tcp(int number, string? name = null) => new(number, name ?? $"tcp-{number}", Protocols.Tcp);

    /// <summary>gRPC (named <c>grpc-NUMBER</c> unless given).</summary>
    /// <param name="number">The port number.</param>
    /// <param name="name">The port name.</param>
    /// <returns>The port.</returns>
    public static ExternalPort Grpc(int number, string? name = null) => new(number, name ?? $"grpc-{number}", Protocols.Grpc);

    /// <summary>Adds this port to a ServiceEntry being built, checking its values.</summary>
    /// <param name="builder">The ServiceEntry builder.</param>
    internal void AddTo(ServiceEntryBuilder builder) => builder.Port(Number, Name, Protocol, TargetPort);
}
