using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>The sidecar's policy for traffic to unknown hosts (Istio message <c>istio.networking.v1alpha3.OutboundTrafficPolicy</c>).</summary>
public sealed class OutboundTrafficPolicy
{
    internal static readonly MessageSchema<OutboundTrafficPolicy> Schema = new MessageSchema<OutboundTrafficPolicy>("OutboundTrafficPolicy", () => new())
        .Field("mode", x => x.Mode, (x, v) => x.Mode = v, Codecs.Enum<OutboundTrafficPolicyMode>())
        .Field("egressProxy", x => x.EgressProxy, (x, v) => x.EgressProxy = v, Codecs.Message(() => Destination.Schema));

    /// <summary>Block (<c>REGISTRY_ONLY</c>) or pass through (<c>ALLOW_ANY</c>) traffic to unknown hosts.</summary>
    public OutboundTrafficPolicyMode? Mode { get; set; }

    /// <summary>With <c>ALLOW_ANY</c>, the service (an egress proxy) that traffic to unknown hosts is sent to instead.</summary>
    public Destination? EgressProxy { get; set; }
}
