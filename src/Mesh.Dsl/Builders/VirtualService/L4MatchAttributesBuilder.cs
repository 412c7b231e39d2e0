using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds the conditions of a TCP match (<see cref="L4MatchAttributes"/>).</summary>
public sealed partial class L4MatchAttributesBuilder : MatchConditionsBuilder<L4MatchAttributesBuilder, L4MatchAttributes>
{
    /// <summary>Creates a builder over a match.</summary>
    /// <param name="target">The match to fill in.</param>
    public L4MatchAttributesBuilder(L4MatchAttributes target)
        : base(target)
    {
    }

    private protected override uint? MatchPort { get => Target.Port; set => Target.Port = value; }

    private protected override OrderedDictionary<string, string> MatchSourceLabels => Target.SourceLabels;

    private protected override List<string> MatchGateways => Target.Gateways;

    private protected override string? MatchSourceNamespace { get => Target.SourceNamespace; set => Target.SourceNamespace = value; }

    /// <summary>Adds destination IP addresses or subnets (<c>a.b.c.d/xx</c>).</summary>
    /// <param name="subnets">The addresses or subnets.</param>
    /// <returns>This builder.</returns>
    public L4MatchAttributesBuilder DestinationSubnets(params string[] subnets)
    {
        Guard.AddAll(Target.DestinationSubnets, subnets, Guard.NotEmpty, nameof(subnets));
        return this;
    }

    /// <summary>Matches connections from this source IP address or subnet (<c>a.b.c.d/xx</c>).</summary>
    /// <param name="subnet">The address or subnet.</param>
    /// <returns>This builder.</returns>
    public L4MatchAttributesBuilder SourceSubnet(string subnet)
    {
        Target.SourceSubnet = Guard.NotEmpty(subnet, nameof(subnet));
        return this;
    }
}
