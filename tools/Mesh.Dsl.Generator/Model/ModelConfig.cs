namespace Mesh.Dsl.Generator.Model;

/// <summary>One Istio kind: its group, the versions it is read and written in (the default first), its spec message and C# namespace.</summary>
internal sealed record KindConfig(string Kind, string Group, IReadOnlyList<string> Versions, string SpecMessage, string Namespace);

/// <summary>
/// What the protos and the CRD bundle do not say: which kinds exist in which versions (DESIGN.md's table), the C#
/// names the model has always used where they differ from the proto's (public API compatibility), and the few
/// places where output follows Istio's docs rather than the proto.
/// </summary>
internal static class ModelConfig
{
    private static readonly string[] NetworkingVersions = ["v1", "v1beta1", "v1alpha3"];
    private static readonly string[] SecurityVersions = ["v1", "v1beta1"];

    public static IReadOnlyList<KindConfig> Kinds { get; } =
    [
        new("ServiceEntry", "networking.istio.io", NetworkingVersions, "istio.networking.v1alpha3.ServiceEntry", "Networking"),
        new("DestinationRule", "networking.istio.io", NetworkingVersions, "istio.networking.v1alpha3.DestinationRule", "Networking"),
        new("VirtualService", "networking.istio.io", NetworkingVersions, "istio.networking.v1alpha3.VirtualService", "Networking"),
        new("Gateway", "networking.istio.io", NetworkingVersions, "istio.networking.v1alpha3.Gateway", "Networking"),
        new("Sidecar", "networking.istio.io", NetworkingVersions, "istio.networking.v1alpha3.Sidecar", "Networking"),
        new("WorkloadEntry", "networking.istio.io", NetworkingVersions, "istio.networking.v1alpha3.WorkloadEntry", "Networking"),
        new("WorkloadGroup", "networking.istio.io", NetworkingVersions, "istio.networking.v1alpha3.WorkloadGroup", "Networking"),
        new("EnvoyFilter", "networking.istio.io", ["v1alpha3"], "istio.networking.v1alpha3.EnvoyFilter", "Networking"),
        new("ProxyConfig", "networking.istio.io", ["v1beta1"], "istio.networking.v1beta1.ProxyConfig", "Networking"),
        new("PeerAuthentication", "security.istio.io", SecurityVersions, "istio.security.v1beta1.PeerAuthentication", "Security"),
        new("AuthorizationPolicy", "security.istio.io", SecurityVersions, "istio.security.v1beta1.AuthorizationPolicy", "Security"),
        new("RequestAuthentication", "security.istio.io", SecurityVersions, "istio.security.v1beta1.RequestAuthentication", "Security"),
        new("Telemetry", "telemetry.istio.io", ["v1", "v1alpha1"], "istio.telemetry.v1alpha1.Telemetry", "Telemetry"),
        new("WasmPlugin", "extensions.istio.io", ["v1alpha1"], "istio.extensions.v1alpha1.WasmPlugin", "Extensions"),
        new("TrafficExtension", "extensions.istio.io", ["v1alpha1"], "istio.extensions.v1alpha1.TrafficExtension", "Extensions"),
    ];

    /// <summary>C# type names that are not the proto's short name with acronyms in Pascal case.</summary>
    public static IReadOnlyDictionary<string, string> TypeNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["istio.networking.v1alpha3.LoadBalancerSettings.ConsistentHashLB.MagLev"] = "Maglev",
        ["istio.networking.v1alpha3.LoadBalancerSettings.ConsistentHashLB.HTTPCookie.Attribute"] = "HttpCookieAttribute",
        ["istio.networking.v1alpha3.HTTPFaultInjection.Abort"] = "FaultAbort",
        ["istio.networking.v1alpha3.HTTPFaultInjection.Delay"] = "FaultDelay",
        ["istio.networking.v1alpha3.LocalityLoadBalancerSetting.Distribute"] = "LocalityDistribute",
        ["istio.networking.v1alpha3.LocalityLoadBalancerSetting.Failover"] = "LocalityFailover",
        ["istio.networking.v1alpha3.ConnectionPoolSettings.HTTPSettings.ConnectionKeepalive"] = "Http2KeepAlive",
        ["istio.networking.v1alpha3.HTTPRoute.Delegate"] = "VirtualServiceDelegate",
        ["istio.networking.v1alpha3.Delegate"] = "VirtualServiceDelegate",
        ["istio.type.v1beta1.WorkloadSelector"] = "LabelSelector",
        ["istio.networking.v1alpha3.WorkloadEntry"] = "WorkloadEntrySpec",
        ["istio.networking.v1alpha3.ClientTLSSettings.TLSmode"] = "ClientTlsMode",
        ["istio.networking.v1alpha3.ServerTLSSettings.TLSmode"] = "ServerTlsMode",
        ["istio.networking.v1alpha3.ServerTLSSettings.TLSProtocol"] = "TlsProtocolVersion",
        ["istio.networking.v1alpha3.LoadBalancerSettings.SimpleLB"] = "LoadBalancerAlgorithm",
        ["istio.networking.v1alpha3.OutboundTrafficPolicy.Mode"] = "OutboundTrafficPolicyMode",
        ["istio.security.v1beta1.PeerAuthentication.MutualTLS.Mode"] = "MutualTlsMode",
        ["istio.networking.v1alpha3.TrafficPolicy.ProxyProtocol.VERSION"] = "ProxyProtocolVersion",
        ["istio.networking.v1alpha3.CorsPolicy.UnmatchedPreflights"] = "CorsUnmatchedPreflights",
        ["istio.networking.v1alpha3.ServiceEntry.Location"] = "ServiceEntryLocation",
        ["istio.networking.v1alpha3.ServiceEntry.Resolution"] = "ServiceEntryResolution",

        // Nested messages whose short names repeat within a namespace, or would hide System types.
        ["istio.networking.v1alpha3.EnvoyFilter.ListenerMatch.FilterMatch"] = "ListenerFilterMatch",
        ["istio.networking.v1alpha3.EnvoyFilter.ListenerMatch.SubFilterMatch"] = "ListenerSubFilterMatch",
        ["istio.networking.v1alpha3.EnvoyFilter.WaypointMatch.FilterMatch"] = "WaypointFilterMatch",
        ["istio.networking.v1alpha3.EnvoyFilter.WaypointMatch.FilterMatch.SubFilterMatch"] = "WaypointSubFilterMatch",
        ["istio.networking.v1alpha3.EnvoyFilter.WaypointMatch.RouteMatch"] = "WaypointRouteMatch",
        ["istio.networking.v1alpha3.EnvoyFilter.RouteConfigurationMatch.RouteMatch.Action"] = "RouteMatchAction",
        ["istio.networking.v1alpha3.EnvoyFilter.Patch.Operation"] = "PatchOperation",
        ["istio.security.v1beta1.AuthorizationPolicy.Action"] = "AuthorizationPolicyAction",
        ["istio.security.v1beta1.Rule.From"] = "RuleFrom",
        ["istio.security.v1beta1.Rule.To"] = "RuleTo",
        ["istio.telemetry.v1alpha1.MetricsOverrides.TagOverride.Operation"] = "TagOverrideOperation",
        ["istio.telemetry.v1alpha1.Tracing.Literal"] = "TracingLiteral",
        ["istio.telemetry.v1alpha1.Tracing.Environment"] = "TracingEnvironment",
        ["istio.telemetry.v1alpha1.Tracing.RequestHeader"] = "TracingRequestHeader",
        ["istio.telemetry.v1alpha1.Tracing.Formatter"] = "TracingFormatter",
        ["istio.telemetry.v1alpha1.AccessLogging.Filter"] = "AccessLoggingFilter",
    };

    /// <summary>
    /// Messages served by the C# class of another message with the same fields: one type for what is one
    /// thing to a user (a listener's port, a failover rule), so code written for one works for the other.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SameClassAs { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["istio.networking.v1alpha3.SidecarPort"] = "istio.networking.v1alpha3.Port",
        ["istio.networking.v1alpha3.ZoneAwareLoadBalancerSetting.Failover"] = "istio.networking.v1alpha3.LocalityLoadBalancerSetting.Failover",
        ["istio.type.v1beta1.PortSelector"] = "istio.networking.v1alpha3.PortSelector",
        ["istio.extensions.v1alpha1.WasmPlugin.TrafficSelector"] = "istio.extensions.v1alpha1.TrafficSelector",
    };

    /// <summary>C# namespaces (below Mesh.Dsl.Model) of messages not in their proto package's namespace.</summary>
    public static IReadOnlyDictionary<string, string> Namespaces { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["istio.type.v1beta1.WorkloadSelector"] = "Security",
        ["istio.type.v1beta1.WorkloadMode"] = "Extensions",
    };

    /// <summary>Enum members whose C# name is not the Istio name in Pascal case.</summary>
    public static IReadOnlyDictionary<string, string> EnumMemberNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["TLSV1_0"] = "Tls1_0",
        ["TLSV1_1"] = "Tls1_1",
        ["TLSV1_2"] = "Tls1_2",
        ["TLSV1_3"] = "Tls1_3",
    };

    /// <summary>
    /// Fields typed otherwise than their proto type says: <c>minClusterSize</c> (a UInt64Value) was a <c>uint?</c>
    /// before the model was generated, and host counts never come near 2^32.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FieldTypes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["istio.networking.v1alpha3.ZoneAwareLoadBalancerSetting#minClusterSize"] = "uint32",
    };

    /// <summary>Ports are written number, name, protocol, targetPort, as Istio's docs write them (the proto declares protocol before name).</summary>
    public static IReadOnlyDictionary<string, string[]> FieldOrder { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["istio.networking.v1alpha3.Port"] = ["number", "name", "protocol", "targetPort"],
        ["istio.networking.v1alpha3.ServicePort"] = ["number", "name", "protocol", "targetPort"],
        ["istio.networking.v1alpha3.SidecarPort"] = ["number", "name", "protocol", "targetPort"],
    };

    /// <summary>
    /// Collections whose presence when empty means something to Istio (<c>portLevelMtls: {}</c> is rejected by
    /// the CRD's minProperties, PA-02): their setter calls a partial <c>On…Assigned</c> hook, so a hand-written part
    /// can tell an assigned empty collection from one the getter created. ("message full name#field")
    /// </summary>
    public static IReadOnlySet<string> AssignmentTracked { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "istio.security.v1beta1.PeerAuthentication#portLevelMtls",
    };

    /// <summary>The C# namespace (below Mesh.Dsl.Model) of a proto package.</summary>
    public static string NamespaceOfPackage(string fullName) => fullName switch
    {
        _ when fullName.StartsWith("istio.networking.", StringComparison.Ordinal) => "Networking",
        _ when fullName.StartsWith("istio.security.", StringComparison.Ordinal) => "Security",
        _ when fullName.StartsWith("istio.telemetry.", StringComparison.Ordinal) => "Telemetry",
        _ when fullName.StartsWith("istio.extensions.", StringComparison.Ordinal) => "Extensions",
        _ when fullName.StartsWith("istio.type.", StringComparison.Ordinal) => "Security",
        _ => throw new InvalidOperationException($"No C# namespace for {fullName}"),
    };
}
