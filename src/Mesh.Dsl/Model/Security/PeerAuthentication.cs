namespace Mesh.Dsl.Model.Security;

/// <summary>
/// A PeerAuthentication sets the mutual TLS mode that workloads accept traffic with: for the mesh
/// (in the root namespace), a namespace, or the workloads a selector picks, optionally per port.
/// </summary>
public sealed class PeerAuthentication : IstioResource<PeerAuthenticationSpec>
{
    internal static readonly ResourceKind KindDefinition = new ResourceKind<PeerAuthentication, PeerAuthenticationSpec>(
        ApiVersions.SecurityGroup, "PeerAuthentication", ApiVersions.SecurityVersions, () => new PeerAuthentication(), () => PeerAuthenticationSpec.Schema);

    /// <summary>Creates an empty PeerAuthentication in <c>security.istio.io/v1</c>.</summary>
    public PeerAuthentication()
        : base(ApiVersions.SecurityV1, new PeerAuthenticationSpec())
    {
    }

    internal override ResourceKind Definition => KindDefinition;
}
