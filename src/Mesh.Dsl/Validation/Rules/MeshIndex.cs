using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>The lookups the cross-resource checks share, built once per validation in one pass.</summary>
internal sealed partial class MeshIndex
{
    /// <param name="resources">The validated resources.</param>
    /// <param name="positions">For each resource the position whose context reports for it (see <see cref="Positioned{T}"/>).</param>
    public MeshIndex(IReadOnlyList<IstioResource> resources, int[] positions)
    {
        Resources = resources;
        Presize(resources);
        for (var i = 0; i < resources.Count; i++)
        {
            var resource = resources[i];
            switch (resource)
            {
                case ServiceEntry entry:
                    ServiceEntries.Add(new(entry, positions[i]));
                    foreach (var host in HostNames.Distinct(entry.Spec.HostsOrEmpty))
                    {
                        ServiceEntriesByHost.Add(HostNames.Normalize(host, CommonRules.ResourceNamespace(entry)), entry);
                    }

                    break;
                case PeerAuthentication policy:
                    PeerAuthentications.Add(new(policy, positions[i]));
                    break;
            }

            IndexNetworking(resource, positions[i]);
        }
    }

    public IReadOnlyList<IstioResource> Resources { get; }

    public List<Positioned<ServiceEntry>> ServiceEntries { get; } = new();

    public HostIndex<ServiceEntry> ServiceEntriesByHost { get; } = new();

    public List<Positioned<PeerAuthentication>> PeerAuthentications { get; } = new();

    /// <summary>Sizes the lists and lookups for the number of resources of each kind, so they do not grow step by step.</summary>
    private void Presize(IReadOnlyList<IstioResource> resources)
    {
        int entries = 0, rules = 0, services = 0;
        foreach (var resource in resources)
        {
            switch (resource)
            {
                case ServiceEntry:
                    entries++;
                    break;
                case DestinationRule:
                    rules++;
                    break;
                case VirtualService:
                    services++;
                    break;
            }
        }

        ServiceEntries.Capacity = entries;
        ServiceEntriesByHost.EnsureCapacity(entries);
        DestinationRules.Capacity = rules;
        DestinationRulesByHost.EnsureCapacity(rules);
        VirtualServices.Capacity = services;
        VirtualServicesByHost.EnsureCapacity(services);
    }
}

/// <summary>
/// A resource with the position of the context that reports for it (the resource's place in the validated
/// list, or its first place when it is listed twice): the checks make its <see cref="RuleContext"/> from it.
/// </summary>
internal readonly record struct Positioned<T>(T Resource, int Position)
    where T : IstioResource;
