namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// A DestinationRule sets the policies for traffic to a service after routing: load balancing,
/// connection pool limits, outlier detection, TLS towards the upstream, and the named subsets
/// (versions) that VirtualService routes can send traffic to.
/// </summary>
public sealed class DestinationRule : IstioResource<DestinationRuleSpec>
{
    internal static readonly ResourceKind KindDefinition = new ResourceKind<DestinationRule, DestinationRuleSpec>(
        ApiVersions.NetworkingGroup, "DestinationRule", ApiVersions.NetworkingVersions, () => new DestinationRule(), () => DestinationRuleSpec.Schema);

    /// <summary>Creates an empty DestinationRule in <c>networking.istio.io/v1</c>.</summary>
    public DestinationRule()
        : base(ApiVersions.NetworkingV1, new DestinationRuleSpec())
    {
    }

    internal override ResourceKind Definition => KindDefinition;
}
