namespace Mesh.Dsl.Builders;

/// <summary>Base of the builders of route destinations: a destination and its share of the traffic.</summary>
/// <typeparam name="TSelf">The concrete builder.</typeparam>
/// <typeparam name="TMessage">The route destination message.</typeparam>
public abstract class WeightedDestinationBuilder<TSelf, TMessage> : DestinationHolderBuilder<TSelf, TMessage>
    where TSelf : WeightedDestinationBuilder<TSelf, TMessage>
    where TMessage : class
{
    private protected WeightedDestinationBuilder(TMessage target)
        : base(target)
    {
    }

    /// <summary>The message's weight field.</summary>
    private protected abstract int? HeldWeight { get; set; }

    /// <summary>Sets the share of the traffic this destination receives.</summary>
    /// <param name="weight">0 to 100; the weights of a rule's destinations usually add up to 100.</param>
    /// <returns>This builder.</returns>
    public TSelf Weight(int weight)
    {
        HeldWeight = VirtualServiceGuard.Weight(weight);
        return Self;
    }
}
