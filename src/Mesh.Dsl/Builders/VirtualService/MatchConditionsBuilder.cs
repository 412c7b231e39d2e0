namespace Mesh.Dsl.Builders;

/// <summary>Base of the builders of HTTP, TLS and TCP match conditions: the conditions they share (port, source, gateways).</summary>
/// <typeparam name="TSelf">The concrete builder.</typeparam>
/// <typeparam name="TMessage">The match message.</typeparam>
public abstract class MatchConditionsBuilder<TSelf, TMessage> : MessageBuilder<TSelf, TMessage>
    where TSelf : MatchConditionsBuilder<TSelf, TMessage>
    where TMessage : class
{
    private readonly Action<TMessage, uint> _setPort;
    private readonly Func<TMessage, OrderedDictionary<string, string>> _sourceLabels;
    private readonly Func<TMessage, List<string>> _gateways;
    private readonly Action<TMessage, string> _setSourceNamespace;

    private protected MatchConditionsBuilder(
        TMessage target,
        Action<TMessage, uint> setPort,
        Func<TMessage, OrderedDictionary<string, string>> sourceLabels,
        Func<TMessage, List<string>> gateways,
        Action<TMessage, string> setSourceNamespace)
        : base(target)
    {
        _setPort = setPort;
        _sourceLabels = sourceLabels;
        _gateways = gateways;
        _setSourceNamespace = setSourceNamespace;
    }

    /// <summary>Matches traffic addressed to this port of the host.</summary>
    /// <param name="number">The port, 1 to 65535.</param>
    /// <returns>This builder.</returns>
    public TSelf Port(int number)
    {
        _setPort(Target, Guard.Port(number));
        return Self;
    }

    /// <summary>Matches clients whose workload carries this label (all labels given must match).</summary>
    /// <param name="key">The label key.</param>
    /// <param name="value">The label value.</param>
    /// <returns>This builder.</returns>
    public TSelf SourceLabel(string key, string value)
    {
        _sourceLabels(Target)[Guard.NotEmpty(key, nameof(key))] = value ?? throw new ArgumentNullException(nameof(value));
        return Self;
    }

    /// <summary>Applies the match only at these gateways (<c>[namespace/]name</c>, or <c>mesh</c> for the sidecars).</summary>
    /// <param name="gateways">The gateway references.</param>
    /// <returns>This builder.</returns>
    public TSelf Gateways(params string[] gateways)
    {
        VirtualServiceGuard.AddAll(_gateways(Target), gateways, VirtualServiceGuard.GatewayName, nameof(gateways));
        return Self;
    }

    /// <summary>Matches clients running in this namespace.</summary>
    /// <param name="namespace">The namespace.</param>
    /// <returns>This builder.</returns>
    public TSelf SourceNamespace(string @namespace)
    {
        _setSourceNamespace(Target, Guard.NamespaceName(@namespace, nameof(@namespace)));
        return Self;
    }
}
