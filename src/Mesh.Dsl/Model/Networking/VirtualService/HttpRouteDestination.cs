using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>A weighted destination of an HTTP rule, with its own header operations (Istio message <c>HTTPRouteDestination</c>).</summary>
public sealed class HttpRouteDestination
{
    internal static readonly MessageSchema<HttpRouteDestination> Schema = new MessageSchema<HttpRouteDestination>("HTTPRouteDestination", () => new())
        .Field("destination", x => x.Destination, (x, v) => x.Destination = v, Codecs.Message(() => Networking.Destination.Schema))
        .Field("weight", x => x.Weight, (x, v) => x.Weight = v, Codecs.Int32)
        .Field("headers", x => x.Headers, (x, v) => x.Headers = v, Codecs.Message(() => Networking.Headers.Schema));

    /// <summary>The service (and subset and port) to forward to. Required.</summary>
    public Destination? Destination { get; set; }

    /// <summary>The share of the traffic, 0 to 100; a single destination gets all of it.</summary>
    public int? Weight { get; set; }

    /// <summary>Header operations for requests sent to, and responses from, this destination only.</summary>
    public Headers? Headers { get; set; }
}
