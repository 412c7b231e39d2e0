namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// A Gateway configures a load balancer at the edge of the mesh (an ingress or egress gateway
/// proxy): the ports it listens on, their protocols, the hosts it accepts and their TLS.
/// </summary>
public sealed class Gateway : IstioResource<GatewaySpec>
{
    internal static readonly ResourceKind KindDefinition = new ResourceKind<Gateway, GatewaySpec>(
        ApiVersions.NetworkingGroup, "Gateway", ApiVersions.NetworkingVersions, () => new Gateway(), () => GatewaySpec.Schema);

    /// <summary>Creates an empty Gateway in <c>networking.istio.io/v1</c>.</summary>
    public Gateway()
        : base(ApiVersions.NetworkingV1, new GatewaySpec())
    {
    }

    internal override ResourceKind Definition => KindDefinition;
}
