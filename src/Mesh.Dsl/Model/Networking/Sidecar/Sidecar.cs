namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// A Sidecar tunes the proxy beside a workload: the ports and protocols it accepts inbound (and
/// how, e.g. terminating TLS), the services it can reach outbound, and what happens to traffic for
/// services the registry does not know.
/// </summary>
public sealed class Sidecar : IstioResource<SidecarSpec>
{
    internal static readonly ResourceKind KindDefinition = new ResourceKind<Sidecar, SidecarSpec>(
        ApiVersions.NetworkingGroup, "Sidecar", ApiVersions.NetworkingVersions, () => new Sidecar(), () => SidecarSpec.Schema);

    /// <summary>Creates an empty Sidecar in <c>networking.istio.io/v1</c>.</summary>
    public Sidecar()
        : base(ApiVersions.NetworkingV1, new SidecarSpec())
    {
    }

    internal override ResourceKind Definition => KindDefinition;
}
