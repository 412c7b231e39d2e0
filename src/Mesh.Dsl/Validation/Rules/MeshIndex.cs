using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>The lookups the cross-resource checks share, built once per validation in one pass.</summary>
internal sealed partial class MeshIndex
{
    public MeshIndex(IReadOnlyList<IstioResource> resources)
    {
        Resources = resources;
        foreach (var resource in resources)
        {
            switch (resource)
            {
                case ServiceEntry entry:
                    ServiceEntries.Add(entry);
                    foreach (var host in HostNames.Distinct(entry.Spec.Hosts))
                    {
                        ServiceEntriesByHost.Add(HostNames.Normalize(host, CommonRules.ResourceNamespace(entry)), entry);
                    }

                    break;
                case PeerAuthentication policy:
                    PeerAuthentications.Add(policy);
                    break;
            }

            IndexMore(resource);
        }
    }

    public IReadOnlyList<IstioResource> Resources { get; }

    public List<ServiceEntry> ServiceEntries { get; } = new();

    public HostIndex<ServiceEntry> ServiceEntriesByHost { get; } = new();

    public List<PeerAuthentication> PeerAuthentications { get; } = new();

    /// <summary>Indexes the kinds added after ServiceEntry and PeerAuthentication (see the other parts of this class).</summary>
    partial void IndexMore(IstioResource resource);
}
