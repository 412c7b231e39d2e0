using Mesh.Dsl.Model;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// The API groups of Istio's configuration kinds and the kinds in them, for routing documents: within these groups
/// a kind Istio does not define is a mistake (an error with a suggestion), while other <c>istio.io</c> groups
/// (IstioOperator's <c>install.istio.io</c>, ...) are not configuration Mesh.Dsl models and pass through.
/// </summary>
internal static class IstioApiGroups
{
    /// <summary>The groups of the fifteen kinds of Istio's CRD bundle.</summary>
    public static readonly string[] ConfigurationGroups = ["networking.istio.io", "security.istio.io", "telemetry.istio.io", "extensions.istio.io"];

    /// <summary>Istio 0.x's group and version, which the legacy importer reads.</summary>
    public const string LegacyApiVersion = "config.istio.io/v1alpha2";

    /// <summary>
    /// Every kind of Istio's CRD bundle with its group. Those <see cref="ResourceKinds"/> does not model yet are kept
    /// as they are (read, passed through, written back unchanged); once modelled, ResourceKinds reads them first.
    /// </summary>
    private static readonly (string Group, string Kind)[] AllKinds =
    [
        ("networking.istio.io", "ServiceEntry"),
        ("networking.istio.io", "DestinationRule"),
        ("networking.istio.io", "VirtualService"),
        ("networking.istio.io", "Gateway"),
        ("networking.istio.io", "Sidecar"),
        ("networking.istio.io", "WorkloadEntry"),
        ("networking.istio.io", "WorkloadGroup"),
        ("networking.istio.io", "EnvoyFilter"),
        ("networking.istio.io", "ProxyConfig"),
        ("security.istio.io", "PeerAuthentication"),
        ("security.istio.io", "AuthorizationPolicy"),
        ("security.istio.io", "RequestAuthentication"),
        ("telemetry.istio.io", "Telemetry"),
        ("extensions.istio.io", "WasmPlugin"),
        ("extensions.istio.io", "TrafficExtension"),
    ];

    /// <summary>Whether <paramref name="group"/> is one of <see cref="ConfigurationGroups"/>.</summary>
    public static bool IsConfigurationGroup(ReadOnlySpan<char> group)
    {
        foreach (var candidate in ConfigurationGroups)
        {
            if (group.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the group is Istio's (<c>istio.io</c> or a subdomain of it).</summary>
    public static bool IsIstioGroup(ReadOnlySpan<char> group) => group.SequenceEqual("istio.io") || group.EndsWith(".istio.io", StringComparison.Ordinal);

    /// <summary>Whether Istio defines <paramref name="kind"/> in <paramref name="group"/>.</summary>
    public static bool IsIstioKind(ReadOnlySpan<char> group, ReadOnlySpan<char> kind)
    {
        foreach (var (g, k) in AllKinds)
        {
            if (kind.SequenceEqual(k) && group.SequenceEqual(g))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The names of every Istio kind, for suggestions.</summary>
    public static IEnumerable<string> KindNames => AllKinds.Select(k => k.Kind);
}
