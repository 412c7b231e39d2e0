using Mesh.Dsl.Model.Extensions;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Model;

/// <summary>The registry of the Istio kinds Mesh.Dsl reads and writes.</summary>
internal static class ResourceKinds
{
    public static readonly IReadOnlyList<ResourceKind> All =
    [
        ServiceEntry.KindDefinition,
        DestinationRule.KindDefinition,
        VirtualService.KindDefinition,
        Gateway.KindDefinition,
        Sidecar.KindDefinition,
        PeerAuthentication.KindDefinition,
        WorkloadEntry.KindDefinition,
        WorkloadGroup.KindDefinition,
        EnvoyFilter.KindDefinition,
        ProxyConfig.KindDefinition,
        AuthorizationPolicy.KindDefinition,
        RequestAuthentication.KindDefinition,
        Mesh.Dsl.Model.Telemetry.Telemetry.KindDefinition,
        WasmPlugin.KindDefinition,
        TrafficExtension.KindDefinition,
    ];

    /// <summary>The kind named <paramref name="kind"/> in <paramref name="group"/>, or null; a linear search of fifteen needs no strings.</summary>
    public static ResourceKind? Find(ReadOnlySpan<char> group, ReadOnlySpan<char> kind)
    {
        for (var i = 0; i < All.Count; i++) // an index, not foreach: no enumerator per resource read
        {
            if (kind.SequenceEqual(All[i].Kind) && group.SequenceEqual(All[i].Group))
            {
                return All[i];
            }
        }

        return null;
    }
}
