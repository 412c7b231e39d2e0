using System.Runtime.InteropServices;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>Cross-resource checks and security advice centred on ServiceEntries (AN-30, MESH3001, MESH3002).</summary>
internal static class ServiceEntryChecks
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(ServiceEntrySpec.Schema);
    private static readonly FieldPath SpecPorts = Spec.Field("ports");
    private static readonly FieldPath SpecPortsProtocol = SpecPorts.Item.Field("protocol");
    private static readonly FieldPath SpecHosts = Spec.Field("hosts");

    /// <summary>AN-30.</summary>
    internal sealed class ConflictingProtocols() : MeshRule(new(
        "serviceentry.conflicting-protocols",
        "Several ServiceEntries declare the same host and port number with different protocols in overlapping exportTo scopes (AN-30).",
        ["ServiceEntry"],
        [DiagnosticCodes.ConflictingServiceEntryProtocol]))
    {
        public override void Check(MeshContext mesh) => CheckConflictingProtocols(mesh.Index, mesh.Sink);
    }

    /// <summary>MESH3002.</summary>
    internal sealed class WildcardPassthrough() : FieldRule<ServiceEntry>(
        "serviceentry.wildcard-egress",
        "A ServiceEntry with a wildcard host and resolution NONE lets a spoofed Host or SNI reach any address.",
        [DiagnosticCodes.WildcardEgressWithResolutionNone],
        advice: true)
    {
        public override void Check(ServiceEntry entry, RuleContext context) => AdviseWildcardPassthrough(entry, context);
    }

    /// <summary>AN-30 / IST0177: the same host and port number declared with different protocols in overlapping scopes.</summary>
    public static void CheckConflictingProtocols(MeshIndex index, DiagnosticSink sink)
    {
        // Per host and port the declarations seen so far: the first inline, the others (rare) in a list. Only hosts
        // that several ServiceEntries declare can conflict, so only those are kept (usually none).
        var seen = new Dictionary<(string Host, uint Port), (ServiceEntry Entry, string Protocol, List<(ServiceEntry Entry, string Protocol)>? More)>();
        foreach (var (entry, position) in index.ServiceEntries)
        {
            var ns = CommonRules.ResourceNamespace(entry);
            var scope = ExportScope.Of(entry.Spec.ExportToOrEmpty, ns);
            var hosts = HostNames.Distinct(entry.Spec.Hosts);
            for (var p = 0; p < entry.Spec.Ports.Count; p++)
            {
                var port = entry.Spec.Ports[p];
                if (port.Number is not { } number)
                {
                    continue;
                }

                var protocol = (port.Protocol ?? string.Empty).ToUpperInvariant();
                foreach (var host in hosts)
                {
                    var normalized = HostNames.Normalize(host, ns);
                    if (index.ServiceEntriesByHost.Exact(normalized).Count < 2)
                    {
                        continue;
                    }

                    ref var earlier = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, (normalized, number), out var exists);
                    if (!exists)
                    {
                        earlier = (entry, protocol, null);
                        continue;
                    }

                    var conflict = Conflicts(earlier.Entry, earlier.Protocol, entry, protocol, scope) ? (earlier.Entry, earlier.Protocol) : default;
                    if (conflict.Entry is null && earlier.More is { } more)
                    {
                        foreach (var other in more)
                        {
                            if (Conflicts(other.Entry, other.Protocol, entry, protocol, scope))
                            {
                                conflict = other;
                                break;
                            }
                        }
                    }

                    if (conflict.Entry is not null)
                    {
                        sink.Context(entry, position).Warning(
                            DiagnosticCodes.ConflictingServiceEntryProtocol,
                            $"{SpecPorts}[{p}]{SpecPortsProtocol}",
                            $"host '{host}' port {number} is declared with protocol {Show(protocol)} here but {Show(conflict.Protocol)} in ServiceEntry {conflict.Entry.Metadata.NamespaceProperty ?? "default"}/{conflict.Entry.Metadata.Name}; use one protocol for the host and port.");
                    }

                    (earlier.More ??= new()).Add((entry, protocol));
                }
            }
        }

        static string Show(string protocol) => protocol.Length == 0 ? "unset" : protocol;

        static bool Conflicts(ServiceEntry other, string otherProtocol, ServiceEntry entry, string protocol, ExportScope scope)
            => !ReferenceEquals(other, entry) && otherProtocol != protocol
               && ExportScope.Of(other.Spec.ExportToOrEmpty, CommonRules.ResourceNamespace(other)).Overlaps(scope);
    }

    /// <summary>MESH3002: wildcard hosts with resolution NONE forward to whatever address the client asked for.</summary>
    public static void AdviseWildcardPassthrough(ServiceEntry entry, RuleContext context)
    {
        if ((entry.Spec.Resolution ?? ServiceEntryResolution.None) != ServiceEntryResolution.None)
        {
            return;
        }

        for (var i = 0; i < entry.Spec.Hosts.Count; i++)
        {
            if (entry.Spec.Hosts[i].StartsWith('*'))
            {
                context.Warning(
                    DiagnosticCodes.WildcardEgressWithResolutionNone,
                    $"{SpecHosts}[{i}]",
                    $"wildcard host '{entry.Spec.Hosts[i]}' with resolution NONE forwards to whatever IP the workload connected to, so a spoofed Host header or SNI reaches any address; route it through an egress gateway, or list exact hosts with resolution DNS.");
            }
        }
    }
}
