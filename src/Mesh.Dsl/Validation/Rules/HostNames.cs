using Mesh.Dsl.Model;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>Host name normalisation as Istio's analyzers do it (<c>util/hosts.go</c>).</summary>
internal static class HostNames
{
    public const string ClusterDomain = "svc.cluster.local";

    /// <summary>A short name <c>foo</c> in namespace <c>ns</c> becomes <c>foo.ns.svc.cluster.local</c>; others are lowercased.</summary>
    public static string Normalize(string host, string @namespace)
        => host.Contains('.') || host == "*" || host.StartsWith('*') ? host.ToLowerInvariant() : $"{host.ToLowerInvariant()}.{@namespace}.{ClusterDomain}";

    /// <summary>The hosts without case-insensitive repeats, first occurrences in order (the list itself when it cannot repeat).</summary>
    public static Items<string> Distinct(Items<string> hosts)
        => hosts.Count <= 1 ? hosts : new List<string>(hosts.Distinct(StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Whether a wildcard host takes in every namespace's Services (<c>*.local</c>, <c>*.cluster.local</c>,
    /// <c>*.svc.cluster.local</c>): what a mesh-wide DestinationRule names, and no one ServiceEntry declares.
    /// </summary>
    public static bool CoversClusterDomain(string normalizedHost)
        => normalizedHost.StartsWith("*.", StringComparison.Ordinal)
            && (ClusterDomain.EndsWith(normalizedHost[1..], StringComparison.OrdinalIgnoreCase) || ClusterDomain.Equals(normalizedHost[2..], StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a host is in the cluster domain, i.e. most likely a Kubernetes Service this validation cannot see.</summary>
    public static bool IsClusterLocal(string normalizedHost)
        => normalizedHost.EndsWith("." + ClusterDomain, StringComparison.OrdinalIgnoreCase) || normalizedHost.EndsWith(".cluster.local", StringComparison.OrdinalIgnoreCase);
}
