using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a destination of an HTTP rule (<see cref="HttpRouteDestination"/>): destination, weight and header operations.</summary>
public sealed partial class HttpRouteDestinationBuilder : WeightedDestinationBuilder<HttpRouteDestinationBuilder, HttpRouteDestination>
{
    /// <summary>Creates a builder over a route destination.</summary>
    /// <param name="target">The route destination to fill in.</param>
    public HttpRouteDestinationBuilder(HttpRouteDestination target)
        : base(target)
    {
    }

    private protected override Model.Networking.Destination? HeldDestination { get => Target.Destination; set => Target.Destination = value; }

    private protected override int? HeldWeight { get => Target.Weight; set => Target.Weight = value; }

    /// <summary>Configures header operations for this destination only.</summary>
    /// <param name="configure">Sets request and response header operations.</param>
    /// <returns>This builder.</returns>
    public HttpRouteDestinationBuilder Headers(Action<HeadersBuilder> configure)
        => Child(x => x.Headers, (x, v) => x.Headers = v, static () => new(), c => new HeadersBuilder(c), configure ?? throw new ArgumentNullException(nameof(configure)));
}
