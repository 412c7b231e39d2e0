using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a <see cref="LocalityDistribute"/>: the weighted localities one locality's traffic goes to.</summary>
public sealed partial class LocalityDistributeBuilder : MessageBuilder<LocalityDistributeBuilder, LocalityDistribute>
{
    /// <summary>Creates a builder over a distribution.</summary>
    /// <param name="target">The distribution to fill in.</param>
    public LocalityDistributeBuilder(LocalityDistribute target)
        : base(target)
    {
    }

    /// <summary>Sends a share of the traffic to a locality; the shares of one distribution sum to 100.</summary>
    /// <param name="locality">The destination locality (<c>us-west/zone2/*</c>).</param>
    /// <param name="weight">The share, 1 to 100.</param>
    /// <returns>This builder.</returns>
    public LocalityDistributeBuilder To(string locality, int weight)
    {
        Guard.NotEmpty(locality, nameof(locality));
        if (weight is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, $"A locality weight of {weight} is not allowed: give 1 to 100.");
        }

        Target.To[locality] = (uint)weight;
        return this;
    }
}
