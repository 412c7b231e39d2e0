using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>The DestinationRule, VirtualService, Gateway and Sidecar lookups.</summary>
internal sealed partial class MeshIndex
{
    public List<Positioned<DestinationRule>> DestinationRules { get; } = new();

    /// <summary>DestinationRules by normalised host.</summary>
    public HostIndex<DestinationRule> DestinationRulesByHost { get; } = new();

    public List<Positioned<VirtualService>> VirtualServices { get; } = new();

    /// <summary>VirtualServices by normalised host.</summary>
    public HostIndex<VirtualService> VirtualServicesByHost { get; } = new();

    /// <summary>Normalised hosts of mesh-bound VirtualServices that route some HTTP traffic to a subset (AN-08).</summary>
    public HashSet<string> HostsWithMeshSubsetRouting { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<Positioned<Gateway>> Gateways { get; } = new();

    /// <summary>Gateways by (namespace, name).</summary>
    public Dictionary<(string Namespace, string Name), Gateway> GatewaysByName { get; } = new();

    public List<Positioned<Sidecar>> Sidecars { get; } = new();

    /// <summary>Namespaces with a namespace-wide STRICT PeerAuthentication (istio-system's counts for every namespace).</summary>
    public HashSet<string> StrictNamespaces { get; } = new(StringComparer.Ordinal);

    /// <summary>Indexes DestinationRules, VirtualServices, Gateways, Sidecars and STRICT PeerAuthentications.</summary>
    private void IndexNetworking(IstioResource resource, int position)
    {
        var ns = CommonRules.ResourceNamespace(resource);
        switch (resource)
        {
            case DestinationRule rule:
                DestinationRules.Add(new(rule, position));
                if (rule.Spec.Host is { Length: > 0 } host)
                {
                    DestinationRulesByHost.Add(HostNames.Normalize(host, ns), rule);
                }

                break;
            case VirtualService service:
                VirtualServices.Add(new(service, position));
                var subsetRouting = VirtualServiceRules.IsMeshBound(service.Spec) && RoutesToSubset(service.Spec);
                foreach (var vsHost in HostNames.Distinct(service.Spec.HostsOrEmpty))
                {
                    VirtualServicesByHost.Add(HostNames.Normalize(vsHost, ns), service);
                    if (subsetRouting)
                    {
                        HostsWithMeshSubsetRouting.Add(HostNames.Normalize(vsHost, ns));
                    }
                }

                break;
            case Gateway gateway when gateway.MetadataName is { } name:
                Gateways.Add(new(gateway, position));
                GatewaysByName.TryAdd((ns, name), gateway);
                break;
            case Sidecar sidecar:
                Sidecars.Add(new(sidecar, position));
                break;
            case PeerAuthentication policy when policy.Spec.Selector is null && policy.Spec.Mtls?.Mode == MutualTlsMode.Strict:
                StrictNamespaces.Add(ns);
                break;
        }
    }

    private static bool RoutesToSubset(VirtualServiceSpec spec)
    {
        foreach (var route in spec.HttpOrEmpty)
        {
            foreach (var destination in route.RouteOrEmpty)
            {
                if (destination.Destination?.Subset is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Resolves a VirtualService <c>gateways</c> entry (<c>ns/name</c>, or a bare name in the VS namespace).</summary>
    public static (string Namespace, string Name) GatewayKey(string reference, string vsNamespace)
    {
        var slash = reference.IndexOf('/');
        if (slash >= 0)
        {
            return (reference[..slash], reference[(slash + 1)..]);
        }

        // Legacy dotted form name.namespace[.svc.cluster.local].
        var dot = reference.IndexOf('.');
        return dot < 0 ? (vsNamespace, reference) : (reference[(dot + 1)..].Split('.')[0], reference[..dot]);
    }
}
