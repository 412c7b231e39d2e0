using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds the conditions of a TLS match (<see cref="TlsMatchAttributes"/>).</summary>
public sealed partial class TlsMatchAttributesBuilder : MatchConditionsBuilder<TlsMatchAttributesBuilder, TlsMatchAttributes>
{
    /// <summary>Creates a builder over a match.</summary>
    /// <param name="target">The match to fill in.</param>
    public TlsMatchAttributesBuilder(TlsMatchAttributes target)
        : base(target)
    {
    }

    private protected override uint? MatchPort { get => Target.Port; set => Target.Port = value; }

    private protected override OrderedDictionary<string, string> MatchSourceLabels => Target.SourceLabels;

    private protected override List<string> MatchGateways => Target.Gateways;

    private protected override string? MatchSourceNamespace { get => Target.SourceNamespace; set => Target.SourceNamespace = value; }

    /// <summary>Adds SNI names to match (wildcard prefixes allowed); each must fall within the VirtualService's hosts.</summary>
    /// <param name="hosts">The SNI names.</param>
    /// <returns>This builder.</returns>
    public TlsMatchAttributesBuilder SniHosts(params string[] hosts)
    {
        Guard.AddAll(Target.SniHosts, hosts, Guard.Host, nameof(hosts));
        return this;
    }

    /// <summary>Adds destination IP addresses or subnets (<c>a.b.c.d/xx</c>).</summary>
    /// <param name="subnets">The addresses or subnets.</param>
    /// <returns>This builder.</returns>
    public TlsMatchAttributesBuilder DestinationSubnets(params string[] subnets)
    {
        Guard.AddAll(Target.DestinationSubnets, subnets, Guard.NotEmpty, nameof(subnets));
        return this;
    }
}
