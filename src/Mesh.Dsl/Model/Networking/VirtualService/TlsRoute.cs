using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>A rule for TLS and HTTPS traffic the proxy does not terminate, matched mainly by SNI (Istio message <c>TLSRoute</c>).</summary>
public sealed class TlsRoute
{
    internal static readonly MessageSchema<TlsRoute> Schema = new MessageSchema<TlsRoute>("TLSRoute", () => new())
        .Field("match", x => x.Match, (x, v) => x.Match = v, Codecs.MessageList(TlsMatchAttributes.Schema))
        .Field("route", x => x.Route, (x, v) => x.Route = v, Codecs.MessageList(RouteDestination.Schema));

    /// <summary>The match conditions: the rule applies when any one matches. Required.</summary>
    public List<TlsMatchAttributes> Match { get; set; } = new();

    /// <summary>Where to forward matching connections.</summary>
    public List<RouteDestination> Route { get; set; } = new();
}
