using System.Runtime.InteropServices;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>Cross-resource checks and security advice centred on ServiceEntries (AN-30, MESH3001, MESH3002).</summary>
internal static class ServiceEntryChecks
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => ServiceEntrySpec.Schema);
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

    /// <summary>
    /// AN-30 / IST0177: the same host and port number declared with different protocols in overlapping scopes. As
    /// istioctl does, every ServiceEntry of a conflict is reported, each naming the others' protocols.
    /// </summary>
    public static void CheckConflictingProtocols(MeshIndex index, DiagnosticSink sink)
    {
        // Only hosts that several ServiceEntries declare can conflict, so only those are grouped (usually none).
        var byHostPort = new Dictionary<(string Host, uint Port), List<Declaration>>();
        foreach (var (entry, position) in index.ServiceEntries)
        {
            var ns = CommonRules.ResourceNamespace(entry);
            ExportScope? scope = null;
            var hosts = HostNames.Distinct(entry.Spec.HostsOrEmpty);
            for (var p = 0; p < entry.Spec.PortsOrEmpty.Count; p++)
            {
                if (entry.Spec.PortsOrEmpty[p].Number is not { } number)
                {
                    continue;
                }

                foreach (var host in hosts)
                {
                    var normalized = HostNames.Normalize(host, ns);
                    if (index.ServiceEntriesByHost.Exact(normalized).Count < 2)
                    {
                        continue;
                    }

                    scope ??= ExportScope.Of(entry.Spec.ExportToOrEmpty, ns);
                    ref var declarations = ref CollectionsMarshal.GetValueRefOrAddDefault(byHostPort, (normalized, number), out _);
                    (declarations ??= new()).Add(new(entry, position, p, host, (entry.Spec.PortsOrEmpty[p].Protocol ?? string.Empty).ToUpperInvariant(), scope));
                }
            }
        }

        foreach (var ((_, number), declarations) in byHostPort)
        {
            foreach (var declaration in declarations)
            {
                var others = declarations
                    .Where(o => !ReferenceEquals(o.Entry, declaration.Entry) && o.Protocol != declaration.Protocol && o.Scope.Overlaps(declaration.Scope))
                    .Select(o => $"{Show(o.Protocol)} in ServiceEntry {CommonRules.ResourceNamespace(o.Entry)}/{o.Entry.MetadataName}")
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                if (others.Count > 0)
                {
                    sink.Context(declaration.Entry, declaration.Position).Warning(
                        DiagnosticCodes.ConflictingServiceEntryProtocol,
                        $"{SpecPorts}[{declaration.Port}]{SpecPortsProtocol}",
                        $"host '{declaration.Host}' port {number} is declared with protocol {Show(declaration.Protocol)} here but {string.Join(", ", others)}; use one protocol for the host and port.");
                }
            }
        }

        static string Show(string protocol) => protocol.Length == 0 ? "unset" : protocol;
    }

    /// <summary>One ServiceEntry's declaration of a host and port: where it is and its protocol (upper case, empty when unset).</summary>
    private readonly record struct Declaration(ServiceEntry Entry, int Position, int Port, string Host, string Protocol, ExportScope Scope);

    /// <summary>MESH3002: wildcard hosts with resolution NONE forward to whatever address the client asked for.</summary>
    public static void AdviseWildcardPassthrough(ServiceEntry entry, RuleContext context)
    {
        if ((entry.Spec.Resolution ?? ServiceEntryResolution.None) != ServiceEntryResolution.None)
        {
            return;
        }

        for (var i = 0; i < entry.Spec.HostsOrEmpty.Count; i++)
        {
            if (entry.Spec.HostsOrEmpty[i].StartsWith('*'))
            {
                context.Warning(
                    DiagnosticCodes.WildcardEgressWithResolutionNone,
                    $"{SpecHosts}[{i}]",
                    $"wildcard host '{entry.Spec.HostsOrEmpty[i]}' with resolution NONE forwards to whatever IP the workload connected to, so a spoofed Host header or SNI reaches any address; route it through an egress gateway, or list exact hosts with resolution DNS.");
            }
        }
    }
}
