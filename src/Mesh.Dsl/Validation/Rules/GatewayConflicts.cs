using System.Runtime.InteropServices;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// AN-19 (IST0145) and AN-20 (IST0138): Gateways that compete for the same workloads. As istioctl does, every
/// Gateway of a conflict is reported, each naming the others.
/// </summary>
internal static class GatewayConflicts
{
    private static readonly FieldPath Servers = FieldPath.Spec(() => GatewaySpec.Schema).Field("servers");
    private static readonly FieldPath ServerHosts = Servers.Item.Field("hosts");
    private static readonly FieldPath ServerTls = Servers.Item.Field("tls");

    /// <summary>
    /// AN-19: two Gateways on the same workloads serve the same port with the same host and bind. Their workloads
    /// are the same when the selectors are equal, or (as istioctl's analyzer decides) when one selector is a subset of
    /// the other and some pod or workload pod template carries both.
    /// </summary>
    public static void CheckConflictingServers(MeshIndex index, KubernetesIndex? kubernetes, DiagnosticSink sink)
    {
        if (index.Gateways.Count < 2)
        {
            return;
        }

        // Per port, exact host and bind, the Gateways serving it: only those keys can conflict.
        var byServer = new Dictionary<(uint Port, string Host, string Bind), List<Gateway>>();
        foreach (var (gateway, _) in index.Gateways)
        {
            foreach (var server in gateway.Spec.ServersOrEmpty)
            {
                if (server.Port?.Number is not { } port)
                {
                    continue;
                }

                foreach (var host in server.HostsOrEmpty)
                {
                    AddOnce(byServer, (port, host, server.Bind ?? string.Empty), gateway);
                }
            }
        }

        foreach (var (gateway, position) in index.Gateways)
        {
            var context = sink.Context(gateway, position);
            for (var s = 0; s < gateway.Spec.ServersOrEmpty.Count; s++)
            {
                var server = gateway.Spec.ServersOrEmpty[s];
                if (server.Port?.Number is not { } port)
                {
                    continue;
                }

                var others = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var host in server.HostsOrEmpty)
                {
                    foreach (var other in byServer[(port, host, server.Bind ?? string.Empty)])
                    {
                        if (!ReferenceEquals(other, gateway) && SameWorkloads(gateway.Spec.SelectorOrEmpty, other.Spec.SelectorOrEmpty, kubernetes))
                        {
                            others.Add(CommonRules.ResourceNamespace(other) + "/" + other.MetadataName);
                        }
                    }
                }

                if (others.Count > 0)
                {
                    context.Error(
                        DiagnosticCodes.ConflictingGateways,
                        $"{Servers}[{s}]{ServerHosts}",
                        $"Gateway {string.Join(", ", others)} also serves host(s) {string.Join(", ", server.HostsOrEmpty)} on port {port} for the same workloads (selector {Describe(gateway.Spec.SelectorOrEmpty)}); merge the servers into one Gateway or change the port or host.");
                }
            }
        }
    }

    /// <summary>
    /// AN-20: a Gateway shares a certificate (the same credentialName, or the same serverCertificate and privateKey)
    /// with another Gateway whose selector includes all of its own labels (an empty selector includes every Gateway).
    /// </summary>
    public static void CheckDuplicateCertificates(MeshIndex index, DiagnosticSink sink)
    {
        if (index.Gateways.Count < 2)
        {
            return;
        }

        // Per certificate the Gateways using it: only certificates used by several Gateways are compared.
        var byCertificate = new Dictionary<string, List<Gateway>>(StringComparer.Ordinal);
        foreach (var (gateway, _) in index.Gateways)
        {
            foreach (var server in gateway.Spec.ServersOrEmpty)
            {
                if (Certificate(server.Tls) is { } certificate)
                {
                    AddOnce(byCertificate, certificate, gateway);
                }
            }
        }

        foreach (var (gateway, position) in index.Gateways)
        {
            var context = sink.Context(gateway, position);
            for (var s = 0; s < gateway.Spec.ServersOrEmpty.Count; s++)
            {
                if (Certificate(gateway.Spec.ServersOrEmpty[s].Tls) is not { } certificate || byCertificate[certificate].Count < 2)
                {
                    continue;
                }

                var others = byCertificate[certificate]
                    .Where(o => !ReferenceEquals(o, gateway) && IsSubset(gateway.Spec.SelectorOrEmpty, o.Spec.SelectorOrEmpty))
                    .Select(o => CommonRules.ResourceNamespace(o) + "/" + o.MetadataName)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                if (others.Count > 0)
                {
                    context.Warning(DiagnosticCodes.GatewayDuplicateCertificate, $"{Servers}[{s}]{ServerTls}", $"Gateway {string.Join(", ", others)} uses the same certificate on the same workloads; HTTP/2 connection reuse can then send requests to the wrong server (404). Serve the hosts from one Gateway or use different certificates.");
                }
            }
        }
    }

    /// <summary>Adds the Gateway to the key's list unless it is there already (a Gateway with several matching servers).</summary>
    private static void AddOnce<TKey>(Dictionary<TKey, List<Gateway>> map, TKey key, Gateway gateway)
        where TKey : notnull
    {
        ref var gateways = ref CollectionsMarshal.GetValueRefOrAddDefault(map, key, out _);
        gateways ??= new();
        if (!gateways.Contains(gateway))
        {
            gateways.Add(gateway);
        }
    }

    /// <summary>The certificate a server's TLS names, as a lookup key: its credentialName, else its certificate and key files when both are set.</summary>
    private static string? Certificate(ServerTlsSettings? tls)
        => tls?.CredentialName is { Length: > 0 } credential ? "credentialName:" + credential
            : tls?.ServerCertificate is { Length: > 0 } certificate && tls.PrivateKey is { Length: > 0 } key ? "files:" + certificate + "|" + key
            : null;

    private static bool SameWorkloads(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> other, KubernetesIndex? kubernetes)
    {
        if (selector.Count == other.Count && IsSubset(selector, other))
        {
            return true;
        }

        // One selector a subset of the other: the same workloads only if a pod carries the larger one's labels.
        var larger = selector.Count >= other.Count ? selector : other;
        var smaller = ReferenceEquals(larger, selector) ? other : selector;
        return kubernetes is { HasPods: true } && IsSubset(smaller, larger) && kubernetes.SelectPods(larger, null).Any();
    }

    /// <summary>Whether every label of <paramref name="selector"/> is in <paramref name="other"/> with the same value.</summary>
    private static bool IsSubset(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> other)
    {
        foreach (var (key, value) in selector)
        {
            if (!other.TryGetValue(key, out var otherValue) || otherValue != value)
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(IReadOnlyDictionary<string, string> selector)
        => selector.Count == 0 ? "{}" : string.Join(",", selector.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
}
