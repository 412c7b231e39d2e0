using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a TCP rule (<see cref="TcpRoute"/>): matches and route destinations.</summary>
public sealed partial class TcpRouteBuilder : RuleBuilder<TcpRouteBuilder, TcpRoute, RouteDestination, RouteDestinationBuilder>
{
    /// <summary>Creates a builder over a TCP rule.</summary>
    /// <param name="target">The rule to fill in.</param>
    public TcpRouteBuilder(TcpRoute target)
        : base(target)
    {
    }

    private protected override List<RouteDestination> Routes => Target.Route;

    private protected override RouteDestinationBuilder NewRoute() => new(new RouteDestination());

    /// <summary>Adds a match, configured through its builder; the rule applies when any match holds.</summary>
    /// <param name="configure">Sets port, subnets, source and gateways.</param>
    /// <returns>This builder.</returns>
    public TcpRouteBuilder Match(Action<L4MatchAttributesBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddChild(Target.Match, static () => new(), m => new L4MatchAttributesBuilder(m), configure);
    }

    /// <summary>Adds a match on a port: the common case.</summary>
    /// <param name="port">The port, 1 to 65535.</param>
    /// <returns>This builder.</returns>
    public TcpRouteBuilder MatchPort(int port)
    {
        // Configured here rather than through a callback to Match: no closure and delegate per call.
        var match = new L4MatchAttributes();
        new L4MatchAttributesBuilder(match).Port(port);
        AddItem(Target.Match, match);
        return this;
    }
}
