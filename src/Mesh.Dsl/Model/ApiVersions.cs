namespace Mesh.Dsl.Model;

/// <summary>The API versions Istio serves for the kinds Mesh.Dsl models.</summary>
public static class ApiVersions
{
    /// <summary><c>networking.istio.io/v1</c>: the default for ServiceEntry, DestinationRule, VirtualService, Gateway and Sidecar.</summary>
    public const string NetworkingV1 = "networking.istio.io/v1";

    /// <summary><c>networking.istio.io/v1beta1</c>.</summary>
    public const string NetworkingV1Beta1 = "networking.istio.io/v1beta1";

    /// <summary><c>networking.istio.io/v1alpha3</c>, the version of older Istio docs.</summary>
    public const string NetworkingV1Alpha3 = "networking.istio.io/v1alpha3";

    /// <summary><c>security.istio.io/v1</c>: the default for PeerAuthentication.</summary>
    public const string SecurityV1 = "security.istio.io/v1";

    /// <summary><c>security.istio.io/v1beta1</c>.</summary>
    public const string SecurityV1Beta1 = "security.istio.io/v1beta1";

    internal const string NetworkingGroup = "networking.istio.io";
    internal const string SecurityGroup = "security.istio.io";
    internal static readonly string[] NetworkingVersions = ["v1", "v1beta1", "v1alpha3"];
    internal static readonly string[] SecurityVersions = ["v1", "v1beta1"];
}
