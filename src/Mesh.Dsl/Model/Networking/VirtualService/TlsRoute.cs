using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>A rule for TLS and HTTPS traffic the proxy does not terminate, matched mainly by SNI (Istio message <c>TLSRoute</c>).</summary>
public sealed class TlsRoute
{
    internal static readonly MessageSchema<TlsRoute> Schema = new MessageSchema<TlsRoute>("TLSRoute", () => new())
        .Field("match", x => x._match!, (x, v) => x.Match = v, Codecs.MessageList(() => TlsMatchAttributes.Schema))
        .Field("route", x => x._route!, (x, v) => x.Route = v, Codecs.MessageList(() => RouteDestination.Schema));

    private List<TlsMatchAttributes>? _match;

    /// <summary>The match conditions: the rule applies when any one matches. Required.</summary>
    public List<TlsMatchAttributes> Match { get => _match ??= new(); set => _match = value; }

    private List<RouteDestination>? _route;

    /// <summary>Where to forward matching connections.</summary>
    public List<RouteDestination> Route { get => _route ??= new(); set => _route = value; }
}
