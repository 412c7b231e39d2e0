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
    ];

    private static readonly Dictionary<(string Group, string Kind), ResourceKind> ByGroupAndKind =
        All.ToDictionary(k => (k.Group, k.Kind));

    public static ResourceKind? Find(string group, string kind) => ByGroupAndKind.GetValueOrDefault((group, kind));
}
