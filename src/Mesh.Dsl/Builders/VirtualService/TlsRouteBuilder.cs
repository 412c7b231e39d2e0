using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a TLS rule (<see cref="TlsRoute"/>): SNI matches and route destinations.</summary>
public sealed partial class TlsRouteBuilder : RuleBuilder<TlsRouteBuilder, TlsRoute, RouteDestination, RouteDestinationBuilder>
{
    /// <summary>Creates a builder over a TLS rule.</summary>
    /// <param name="target">The rule to fill in.</param>
    public TlsRouteBuilder(TlsRoute target)
        : base(target)
    {
    }

    private protected override List<RouteDestination> Routes => Target.Route;

    private protected override RouteDestinationBuilder NewRoute() => new(new RouteDestination());

    /// <summary>Adds a match, configured through its builder; the rule applies when any match holds.</summary>
    /// <param name="configure">Sets SNI hosts (required), port, subnets, source and gateways.</param>
    /// <returns>This builder.</returns>
    public TlsRouteBuilder Match(Action<TlsMatchAttributesBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddChild(Target.Match, static () => new(), m => new TlsMatchAttributesBuilder(m), configure);
    }

    /// <summary>Adds a match on a port and SNI names: the common case.</summary>
    /// <param name="port">The port, 1 to 65535.</param>
    /// <param name="sniHosts">The SNI names.</param>
    /// <returns>This builder.</returns>
    public TlsRouteBuilder MatchSni(int port, params string[] sniHosts)
    {
        // Configured here rather than through a callback to Match: no closure and delegate per call.
        var match = new TlsMatchAttributes();
        new TlsMatchAttributesBuilder(match).Port(port).SniHosts(sniHosts);
        AddItem(Target.Match, match);
        return this;
    }
}
