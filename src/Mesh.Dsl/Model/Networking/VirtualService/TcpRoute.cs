using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>A rule for opaque TCP traffic (Istio message <c>TCPRoute</c>).</summary>
public sealed class TcpRoute
{
    internal static readonly MessageSchema<TcpRoute> Schema = new MessageSchema<TcpRoute>("TCPRoute", () => new())
        .Field("match", x => x._match!, (x, v) => x.Match = v, Codecs.MessageList(() => L4MatchAttributes.Schema))
        .Field("route", x => x._route!, (x, v) => x.Route = v, Codecs.MessageList(() => RouteDestination.Schema));

    private List<L4MatchAttributes>? _match;

    /// <summary>The match conditions: the rule applies when any one matches; none means every connection.</summary>
    public List<L4MatchAttributes> Match { get => _match ??= new(); set => _match = value; }

    private List<RouteDestination>? _route;

    /// <summary>Where to forward matching connections.</summary>
    public List<RouteDestination> Route { get => _route ??= new(); set => _route = value; }
}
