namespace Mesh.Dsl.Builders;

/// <summary>Base of the builders of HTTP, TLS and TCP match conditions: the conditions they share (port, source, gateways).</summary>
/// <typeparam name="TSelf">The concrete builder.</typeparam>
/// <typeparam name="TMessage">The match message.</typeparam>
public abstract class MatchConditionsBuilder<TSelf, TMessage> : MessageBuilder<TSelf, TMessage>
    where TSelf : MatchConditionsBuilder<TSelf, TMessage>
    where TMessage : class
{
    private protected MatchConditionsBuilder(TMessage target)
        : base(target)
    {
    }

    // The match message's fields: abstract members rather than delegates, so a builder holds only its target.
    private protected abstract uint? MatchPort { get; set; }

    private protected abstract OrderedDictionary<string, string> MatchSourceLabels { get; }

    private protected abstract List<string> MatchGateways { get; }

    private protected abstract string? MatchSourceNamespace { get; set; }

    /// <summary>Matches traffic addressed to this port of the host.</summary>
    /// <param name="number">The port, 1 to 65535.</param>
    /// <returns>This builder.</returns>
    public TSelf Port(int number)
    {
        MatchPort = Guard.Port(number);
        return Self;
    }

    /// <summary>Matches clients whose workload carries this label (all labels given must match).</summary>
    /// <param name="key">The label key.</param>
    /// <param name="value">The label value.</param>
    /// <returns>This builder.</returns>
    public TSelf SourceLabel(string key, string value)
    {
        MatchSourceLabels[Guard.NotEmpty(key, nameof(key))] = value ?? throw new ArgumentNullException(nameof(value));
        return Self;
    }

    /// <summary>Applies the match only at these gateways (<c>[namespace/]name</c>, or <c>mesh</c> for the sidecars).</summary>
    /// <param name="gateways">The gateway references.</param>
    /// <returns>This builder.</returns>
    public TSelf Gateways(params string[] gateways)
    {
        Guard.AddAll(MatchGateways, gateways, VirtualServiceGuard.GatewayName, nameof(gateways));
        return Self;
    }

    /// <summary>Matches clients running in this namespace.</summary>
    /// <param name="namespace">The namespace.</param>
    /// <returns>This builder.</returns>
    public TSelf SourceNamespace(string @namespace)
    {
        MatchSourceNamespace = Guard.NamespaceName(@namespace, nameof(@namespace));
        return Self;
    }
}
