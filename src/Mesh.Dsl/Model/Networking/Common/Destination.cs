using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// The service (and optionally subset and port) that traffic is forwarded to (Istio message
/// <c>istio.networking.v1alpha3.Destination</c>).
/// </summary>
public sealed class Destination
{
    internal static readonly MessageSchema<Destination> Schema = new MessageSchema<Destination>("Destination", () => new())
        .Field("host", x => x.Host, (x, v) => x.Host = v, Codecs.String)
        .Field("subset", x => x.Subset, (x, v) => x.Subset = v, Codecs.String)
        .Field("port", x => x.Port, (x, v) => x.Port = v, Codecs.Message(() => PortSelector.Schema));

    /// <summary>
    /// The service in the registry: a short name (<c>reviews</c>, resolved in the rule's namespace), a
    /// fully qualified name (<c>reviews.default.svc.cluster.local</c>) or a ServiceEntry host.
    /// </summary>
    public string? Host { get; set; }

    /// <summary>The name of a subset defined by a DestinationRule for <see cref="Host"/>.</summary>
    public string? Subset { get; set; }

    /// <summary>The port of the destination; needed when the service exposes more than one port.</summary>
    public PortSelector? Port { get; set; }
}
