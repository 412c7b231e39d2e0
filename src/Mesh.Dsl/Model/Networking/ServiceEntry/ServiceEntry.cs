using Mesh.Dsl.Model;

namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// A ServiceEntry adds entries to Istio's internal service registry, so that services outside the
/// mesh (or not in the platform's registry) can be reached and managed like mesh services.
/// </summary>
public sealed class ServiceEntry : IstioResource<ServiceEntrySpec>
{
    internal static readonly ResourceKind KindDefinition = new ResourceKind<ServiceEntry, ServiceEntrySpec>(
        ApiVersions.NetworkingGroup, "ServiceEntry", ApiVersions.NetworkingVersions, () => new ServiceEntry(), () => ServiceEntrySpec.Schema);

    /// <summary>Creates an empty ServiceEntry in <c>networking.istio.io/v1</c>.</summary>
    public ServiceEntry()
        : base(ApiVersions.NetworkingV1, new ServiceEntrySpec())
    {
    }

    internal override ResourceKind Definition => KindDefinition;
}
