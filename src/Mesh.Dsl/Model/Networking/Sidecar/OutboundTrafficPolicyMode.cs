namespace Mesh.Dsl.Model.Networking;

/// <summary>What a sidecar does with traffic for hosts the service registry does not know (Istio enum <c>OutboundTrafficPolicy.Mode</c>).</summary>
public enum OutboundTrafficPolicyMode
{
    /// <summary><c>REGISTRY_ONLY</c>: block it; only registered services (and ServiceEntries) are reachable.</summary>
    RegistryOnly,

    /// <summary><c>ALLOW_ANY</c>: pass it through to the address the application asked for.</summary>
    AllowAny,
}
