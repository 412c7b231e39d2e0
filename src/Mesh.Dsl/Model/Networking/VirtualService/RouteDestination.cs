using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>A weighted destination of a TLS or TCP rule (Istio message <c>RouteDestination</c>).</summary>
public sealed class RouteDestination
{
    internal static readonly MessageSchema<RouteDestination> Schema = new MessageSchema<RouteDestination>("RouteDestination", () => new())
        .Field("destination", x => x.Destination, (x, v) => x.Destination = v, Codecs.Message(() => Networking.Destination.Schema))
        .Field("weight", x => x.Weight, (x, v) => x.Weight = v, Codecs.Int32);

    /// <summary>The service (and subset and port) to forward connections to. Required.</summary>
    public Destination? Destination { get; set; }

    /// <summary>The share of the connections, 0 to 100; a single destination gets all of them.</summary>
    public int? Weight { get; set; }
}
