using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a <see cref="Model.Networking.Destination"/>: host, subset and port.</summary>
public sealed partial class DestinationBuilder : MessageBuilder<DestinationBuilder, Destination>
{
    /// <summary>Creates a builder over a destination.</summary>
    /// <param name="target">The destination to fill in.</param>
    public DestinationBuilder(Destination target)
        : base(target)
    {
    }

    /// <summary>Sets the host: a service name or a ServiceEntry host.</summary>
    /// <param name="host">The host, e.g. <c>reviews</c> or <c>istio-egressgateway.istio-system.svc.cluster.local</c>.</param>
    /// <returns>This builder.</returns>
    public DestinationBuilder Host(string host)
    {
        Target.Host = Guard.Host(host, nameof(host));
        return this;
    }

    /// <summary>Sets the host to the first host of a ServiceEntry, so the destination cannot name a host no entry declares.</summary>
    /// <param name="entry">The ServiceEntry; it must have at least one host.</param>
    /// <returns>This builder.</returns>
    public DestinationBuilder Host(ServiceEntry entry)
    {
        Target.Host = FirstHost(entry, nameof(entry));
        return this;
    }

    /// <summary>Sets the subset, one a DestinationRule defines for the host.</summary>
    /// <param name="subset">The subset name.</param>
    /// <returns>This builder.</returns>
    public DestinationBuilder Subset(string subset)
    {
        Target.Subset = CheckedSubset(subset);
        return this;
    }

    /// <summary>Sets the port of the destination.</summary>
    /// <param name="number">The port number, 1 to 65535.</param>
    /// <returns>This builder.</returns>
    public DestinationBuilder Port(int number)
    {
        Target.Port = PortOf(number);
        return this;
    }

    /// <summary>Makes a destination from its parts, checking each.</summary>
    /// <param name="host">The host.</param>
    /// <param name="subset">The subset, or null.</param>
    /// <param name="port">The port, or null.</param>
    /// <returns>The destination.</returns>
    public static Destination Create(string host, string? subset = null, int? port = null)
        => WithSubsetAndPort(new Destination { Host = Guard.Host(host, nameof(host)) }, subset, port);

    /// <summary>Makes a destination for the first host of a ServiceEntry, checking each part.</summary>
    /// <param name="entry">The ServiceEntry; it must have at least one host.</param>
    /// <param name="subset">The subset, or null.</param>
    /// <param name="port">The port, or null.</param>
    /// <returns>The destination.</returns>
    public static Destination Create(ServiceEntry entry, string? subset = null, int? port = null)
        => WithSubsetAndPort(new Destination { Host = FirstHost(entry, nameof(entry)) }, subset, port);

    /// <summary>
    /// Makes a destination for a subset of a DestinationRule: the rule's host and the subset's name.
    /// A subset the rule does not define is rejected here, so a dangling reference cannot be written.
    /// </summary>
    /// <param name="rule">The DestinationRule; it must have a host.</param>
    /// <param name="subset">The name of one of the rule's subsets.</param>
    /// <param name="port">The port, or null.</param>
    /// <returns>The destination.</returns>
    public static Destination Create(DestinationRule rule, string subset, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var host = rule.Spec.Host is { Length: > 0 } ruleHost
            ? ruleHost
            : throw new ArgumentException($"The {rule} has no host to route to; set its host first.", nameof(rule));
        return Create(host, rule.GetSubset(subset).Name, port);
    }

    private static string FirstHost(ServiceEntry entry, string parameter)
    {
        ArgumentNullException.ThrowIfNull(entry, parameter);
        return entry.Spec.Hosts is [var first, ..]
            ? Guard.Host(first, parameter)
            : throw new ArgumentException($"The {entry} has no hosts to route to; add a host to it first.", parameter);
    }

    /// <summary>Sets the subset and port as <see cref="Subset"/> and <see cref="Port"/> would, without a builder: <c>Create</c> runs once per route.</summary>
    private static Destination WithSubsetAndPort(Destination destination, string? subset, int? port)
    {
        if (subset is not null)
        {
            destination.Subset = CheckedSubset(subset);
        }

        if (port is { } number)
        {
            destination.Port = PortOf(number);
        }

        return destination;
    }

    private static string CheckedSubset(string subset) => Guard.NotEmpty(subset, nameof(subset));

    private static PortSelector PortOf(int number) => new() { Number = Guard.Port(number) };
}
