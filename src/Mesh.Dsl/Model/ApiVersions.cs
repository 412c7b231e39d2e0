namespace Mesh.Dsl.Model;

/// <summary>The API versions Istio serves for the kinds Mesh.Dsl models (each kind's versions are in its generated class).</summary>
public static class ApiVersions
{
    /// <summary><c>networking.istio.io/v1</c>: the default for ServiceEntry, DestinationRule, VirtualService, Gateway, Sidecar, WorkloadEntry and WorkloadGroup.</summary>
    public const string NetworkingV1 = "networking.istio.io/v1";

    /// <summary><c>networking.istio.io/v1beta1</c>: the only version of ProxyConfig.</summary>
    public const string NetworkingV1Beta1 = "networking.istio.io/v1beta1";

    /// <summary><c>networking.istio.io/v1alpha3</c>, the version of older Istio docs and the only one of EnvoyFilter.</summary>
    public const string NetworkingV1Alpha3 = "networking.istio.io/v1alpha3";

    /// <summary><c>security.istio.io/v1</c>: the default for PeerAuthentication, AuthorizationPolicy and RequestAuthentication.</summary>
    public const string SecurityV1 = "security.istio.io/v1";

    /// <summary><c>security.istio.io/v1beta1</c>.</summary>
    public const string SecurityV1Beta1 = "security.istio.io/v1beta1";

    /// <summary><c>telemetry.istio.io/v1</c>: the default for Telemetry.</summary>
    public const string TelemetryV1 = "telemetry.istio.io/v1";

    /// <summary><c>telemetry.istio.io/v1alpha1</c>.</summary>
    public const string TelemetryV1Alpha1 = "telemetry.istio.io/v1alpha1";

    /// <summary><c>extensions.istio.io/v1alpha1</c>: the only version of WasmPlugin and TrafficExtension.</summary>
    public const string ExtensionsV1Alpha1 = "extensions.istio.io/v1alpha1";
}
