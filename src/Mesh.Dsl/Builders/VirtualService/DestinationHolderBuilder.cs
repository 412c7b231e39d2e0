using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>
/// Base of the builders of messages that hold one <see cref="Model.Networking.Destination"/>: route
/// destinations and mirror policies. Besides host strings it takes typed references: a ServiceEntry, or
/// a DestinationRule and one of its subsets, so that a dangling subset cannot be written.
/// </summary>
/// <typeparam name="TSelf">The concrete builder.</typeparam>
/// <typeparam name="TMessage">The message holding the destination.</typeparam>
public abstract class DestinationHolderBuilder<TSelf, TMessage> : MessageBuilder<TSelf, TMessage>
    where TSelf : DestinationHolderBuilder<TSelf, TMessage>
    where TMessage : class
{
    private protected DestinationHolderBuilder(TMessage target)
        : base(target)
    {
    }

    /// <summary>The message's destination field: an abstract member rather than delegates, so a builder holds only its target.</summary>
    private protected abstract Destination? HeldDestination { get; set; }

    /// <summary>Sets the destination: host, and optionally subset and port.</summary>
    /// <param name="host">A service name or ServiceEntry host.</param>
    /// <param name="subset">A subset a DestinationRule defines for the host, or null.</param>
    /// <param name="port">The port, 1 to 65535, or null when the service has one port.</param>
    /// <returns>This builder.</returns>
    public TSelf Destination(string host, string? subset = null, int? port = null)
    {
        HeldDestination = DestinationBuilder.Create(host, subset, port);
        return Self;
    }

    /// <summary>Sets the destination to the first host of a ServiceEntry, and optionally a subset and port.</summary>
    /// <param name="entry">The ServiceEntry; it must have at least one host.</param>
    /// <param name="subset">A subset a DestinationRule defines for the host, or null.</param>
    /// <param name="port">The port, 1 to 65535, or null when the service has one port.</param>
    /// <returns>This builder.</returns>
    public TSelf Destination(ServiceEntry entry, string? subset = null, int? port = null)
    {
        HeldDestination = DestinationBuilder.Create(entry, subset, port);
        return Self;
    }

    /// <summary>
    /// Sets the destination to a subset of a DestinationRule: the rule's host and the subset's name.
    /// Throws when the rule does not define the subset, naming the subsets it has.
    /// </summary>
    /// <param name="rule">The DestinationRule; it must have a host.</param>
    /// <param name="subset">The name of one of the rule's subsets.</param>
    /// <param name="port">The port, 1 to 65535, or null when the service has one port.</param>
    /// <returns>This builder.</returns>
    public TSelf Destination(DestinationRule rule, string subset, int? port = null)
    {
        HeldDestination = DestinationBuilder.Create(rule, subset, port);
        return Self;
    }

    /// <summary>Configures the destination through its builder, creating it if it is not there yet.</summary>
    /// <param name="configure">Sets host, subset and port.</param>
    /// <returns>This builder.</returns>
    public TSelf Destination(Action<DestinationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(new DestinationBuilder(HeldDestination ??= new Destination()));
        return Self;
    }
}
