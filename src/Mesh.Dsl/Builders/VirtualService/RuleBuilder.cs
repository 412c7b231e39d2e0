using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Base of the builders of HTTP, TLS and TCP rules: the ways to add route destinations.</summary>
/// <typeparam name="TSelf">The concrete builder.</typeparam>
/// <typeparam name="TRule">The rule message.</typeparam>
/// <typeparam name="TDestination">The rule's route destination message.</typeparam>
/// <typeparam name="TDestinationBuilder">The builder of a route destination.</typeparam>
public abstract class RuleBuilder<TSelf, TRule, TDestination, TDestinationBuilder> : MessageBuilder<TSelf, TRule>
    where TSelf : RuleBuilder<TSelf, TRule, TDestination, TDestinationBuilder>
    where TRule : class
    where TDestination : class, new()
    where TDestinationBuilder : WeightedDestinationBuilder<TDestinationBuilder, TDestination>
{
    private protected RuleBuilder(TRule target)
        : base(target)
    {
    }

    /// <summary>The rule's route destinations.</summary>
    private protected abstract List<TDestination> Routes { get; }

    /// <summary>Makes a route destination and its builder; <see cref="AddRoute"/> adds it once it is configured.</summary>
    private protected abstract TDestinationBuilder NewRoute();

    /// <summary>Adds a route destination, configured through its builder.</summary>
    /// <param name="configure">Sets the destination, weight and (HTTP) header operations.</param>
    /// <returns>This builder.</returns>
    public TSelf Route(Action<TDestinationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var route = NewRoute();
        configure(route);
        return AddRoute(route);
    }

    /// <summary>Adds a route destination for <paramref name="host"/>, optionally configured further.</summary>
    /// <param name="host">A service name or ServiceEntry host.</param>
    /// <param name="configure">Sets the weight (<c>Weight</c>), the subset or port of the destination (<c>Destination(d =&gt; d.Subset("v1").Port(8080))</c>) and, on HTTP routes, the headers; or null.</param>
    /// <returns>This builder.</returns>
    public TSelf Route(string host, Action<TDestinationBuilder>? configure = null)
    {
        var route = NewRoute().Destination(host);
        configure?.Invoke(route);
        return AddRoute(route);
    }

    /// <summary>Adds a route destination for the first host of a ServiceEntry, optionally configured further.</summary>
    /// <param name="entry">The ServiceEntry; it must have at least one host.</param>
    /// <param name="configure">Sets the weight (<c>Weight</c>), the subset or port of the destination (<c>Destination(d =&gt; d.Subset("v1").Port(8080))</c>) and, on HTTP routes, the headers; or null.</param>
    /// <returns>This builder.</returns>
    public TSelf Route(ServiceEntry entry, Action<TDestinationBuilder>? configure = null)
    {
        var route = NewRoute().Destination(entry);
        configure?.Invoke(route);
        return AddRoute(route);
    }

    /// <summary>
    /// Adds a route destination to a subset of a DestinationRule (its host, the subset's name),
    /// optionally configured further. Throws when the rule does not define the subset.
    /// </summary>
    /// <param name="rule">The DestinationRule; it must have a host.</param>
    /// <param name="subset">The name of one of the rule's subsets.</param>
    /// <param name="configure">Sets the weight (<c>Weight</c>), the port of the destination (<c>Destination(d =&gt; d.Port(8080))</c>) and, on HTTP routes, the headers; or null.</param>
    /// <returns>This builder.</returns>
    public TSelf Route(DestinationRule rule, string subset, Action<TDestinationBuilder>? configure = null)
    {
        var route = NewRoute().Destination(rule, subset);
        configure?.Invoke(route);
        return AddRoute(route);
    }

    /// <summary>Adds a route destination from its parts: the shorthand for the common case.</summary>
    /// <param name="host">A service name or ServiceEntry host.</param>
    /// <param name="port">The port, 1 to 65535, or null.</param>
    /// <param name="subset">A subset a DestinationRule defines for the host, or null.</param>
    /// <param name="weight">The share of the traffic, 0 to 100, or null.</param>
    /// <returns>This builder.</returns>
    public TSelf RouteTo(string host, int? port = null, string? subset = null, int? weight = null)
    {
        var route = NewRoute().Destination(host, subset, port);
        if (weight is { } value)
        {
            route.Weight(value);
        }

        return AddRoute(route);
    }

    // The overloads above configure the new destination themselves rather than wrapping their
    // arguments in a callback: no closure and delegate per route.
    private TSelf AddRoute(TDestinationBuilder route)
    {
        AddItem(Routes, route.Target);
        return Self;
    }
}
