namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// A VirtualService sets the routing rules for traffic addressed to its hosts: HTTP routes (matched on
/// URI, headers, ports, ...), TLS routes (matched on SNI) and TCP routes, each sending traffic to
/// destinations in the service registry, at the sidecars of the mesh and/or at the gateways it names.
/// </summary>
public sealed class VirtualService : IstioResource<VirtualServiceSpec>
{
    /// <summary>The reserved gateway name <c>mesh</c>: every sidecar of the mesh. Name it together with gateways to apply the rules at both.</summary>
    public const string MeshGateway = "mesh";

    internal static readonly ResourceKind KindDefinition = new ResourceKind<VirtualService, VirtualServiceSpec>(
        ApiVersions.NetworkingGroup, "VirtualService", ApiVersions.NetworkingVersions, () => new VirtualService(), () => VirtualServiceSpec.Schema);

    /// <summary>Creates an empty VirtualService in <c>networking.istio.io/v1</c>.</summary>
    public VirtualService()
        : base(ApiVersions.NetworkingV1, new VirtualServiceSpec())
    {
    }

    internal override ResourceKind Definition => KindDefinition;
}
