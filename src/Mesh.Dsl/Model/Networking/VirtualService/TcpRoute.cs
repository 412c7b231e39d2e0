using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>A rule for opaque TCP traffic (Istio message <c>TCPRoute</c>).</summary>
public sealed class TcpRoute
{
    internal static readonly MessageSchema<TcpRoute> Schema = new MessageSchema<TcpRoute>("TCPRoute", () => new())
        .Field("match", x => x.Match, (x, v) => x.Match = v, Codecs.MessageList(L4MatchAttributes.Schema))
        .Field("route", x => x.Route, (x, v) => x.Route = v, Codecs.MessageList(RouteDestination.Schema));

    /// <summary>The match conditions: the rule applies when any one matches; none means every connection.</summary>
    public List<L4MatchAttributes> Match { get; set; } = new();

    /// <summary>Where to forward matching connections.</summary>
    public List<RouteDestination> Route { get; set; } = new();
}
