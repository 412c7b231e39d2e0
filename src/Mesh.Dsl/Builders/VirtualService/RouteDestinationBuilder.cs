using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a destination of a TLS or TCP rule (<see cref="RouteDestination"/>): destination and weight.</summary>
public sealed partial class RouteDestinationBuilder : WeightedDestinationBuilder<RouteDestinationBuilder, RouteDestination>
{
    /// <summary>Creates a builder over a route destination.</summary>
    /// <param name="target">The route destination to fill in.</param>
    public RouteDestinationBuilder(RouteDestination target)
        : base(target)
    {
    }

    private protected override Model.Networking.Destination? HeldDestination { get => Target.Destination; set => Target.Destination = value; }

    private protected override int? HeldWeight { get => Target.Weight; set => Target.Weight = value; }
}
