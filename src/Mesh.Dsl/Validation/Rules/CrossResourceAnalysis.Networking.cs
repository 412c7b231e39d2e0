using System.Runtime.InteropServices;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// The cross-resource checks over ServiceEntries, DestinationRules, VirtualServices, Gateways and Sidecars
/// (catalogue §4), each a <see cref="MeshRule"/> registered in <see cref="IstioRules"/>.
/// </summary>
internal static class CrossResourceAnalysis
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath ServiceEntrySpecRoot = FieldPath.Spec(() => ServiceEntrySpec.Schema);
    private static readonly FieldPath SidecarSpecRoot = FieldPath.Spec(() => SidecarSpec.Schema);
    private static readonly FieldPath GatewaySpecRoot = FieldPath.Spec(() => GatewaySpec.Schema);
    private static readonly FieldPath DestinationRuleSpecRoot = FieldPath.Spec(() => DestinationRuleSpec.Schema);
    private static readonly FieldPath VirtualServiceSpecRoot = FieldPath.Spec(() => VirtualServiceSpec.Schema);
    private static readonly FieldPath VirtualServiceSpecGateways = VirtualServiceSpecRoot.Field("gateways");
    private static readonly FieldPath InHttpRoute = FieldPath.In(() => HttpRoute.Schema);
    private static readonly FieldPath VirtualServiceSpecHttp = VirtualServiceSpecRoot.Field("http");
    private static readonly FieldPath HttpRouteMirror = InHttpRoute.Field("mirror");
    private static readonly FieldPath HttpRouteMirrors = InHttpRoute.Field("mirrors");
    private static readonly FieldPath HttpMirrorPolicyDestination = HttpRouteMirrors.Item.Field("destination");
    private static readonly FieldPath VirtualServiceSpecTls = VirtualServiceSpecRoot.Field("tls");
    private static readonly FieldPath VirtualServiceSpecTcp = VirtualServiceSpecRoot.Field("tcp");
    private static readonly FieldPath HttpRouteRoute = InHttpRoute.Field("route");
    private static readonly FieldPath RouteDestinationDestination = HttpRouteRoute.Item.Field("destination");
    private static readonly FieldPath InDestination = FieldPath.In(() => Destination.Schema);
    private static readonly FieldPath DestinationSubset = InDestination.Field("subset");
    private static readonly FieldPath DestinationHost = InDestination.Field("host");
    private static readonly FieldPath DestinationPortNumber = InDestination.Field("port.number");
    private static readonly FieldPath DestinationPort = InDestination.Field("port");
    private static readonly FieldPath VirtualServiceSpecHosts = VirtualServiceSpecRoot.Field("hosts");
    private static readonly FieldPath DestinationRuleSpecTrafficPolicyTlsMode = DestinationRuleSpecRoot.Field("trafficPolicy.tls.mode");
    private static readonly FieldPath DestinationRuleSpecHost = DestinationRuleSpecRoot.Field("host");
    private static readonly FieldPath DestinationRuleSpecTrafficPolicyPortLevelSettings = DestinationRuleSpecRoot.Field("trafficPolicy.portLevelSettings");
    private static readonly FieldPath DestinationRuleSpecTrafficPolicyPortLevelSettingsTlsMode = DestinationRuleSpecTrafficPolicyPortLevelSettings.Item.Field("tls.mode");
    private static readonly FieldPath GatewaySpecServers = GatewaySpecRoot.Field("servers");
    private static readonly FieldPath GatewaySpecServersTls = GatewaySpecServers.Item.Field("tls");
    private static readonly FieldPath ServerHosts = GatewaySpecServers.Item.Field("hosts");
    private static readonly FieldPath SidecarSpecWorkloadSelector = SidecarSpecRoot.Field("workloadSelector");
    private static readonly FieldPath ServiceEntrySpecPorts = ServiceEntrySpecRoot.Field("ports");

    /// <summary>AN-01, AN-02, AN-03, X-01: a VirtualService's gateways exist, serve its hosts and fit its route types.</summary>
    internal sealed class GatewayReferences() : MeshRule(new(
        "virtualservice.gateways",
        "A VirtualService's gateways exist (AN-01), serve one of its hosts (AN-02), are not internal auto-generated gateways (AN-03), and terminate or pass through TLS as its route types expect (X-01).",
        ["VirtualService", "Gateway"],
        [
            DiagnosticCodes.ReferencedResourceNotFound, DiagnosticCodes.VirtualServiceHostNotFoundInGateway,
            DiagnosticCodes.ReferencedInternalGateway, DiagnosticCodes.GatewayTlsModeMismatch
        ]))
    {
        public override void Check(MeshContext mesh)
        {
            foreach (var (service, position) in mesh.Index.VirtualServices)
            {
                CheckGatewayReferences(mesh.Index, service, mesh.Sink.Context(service, position));
            }
        }
    }

    /// <summary>AN-04…AN-08: route destinations name existing subsets, hosts and ports.</summary>
    internal sealed class Destinations() : MeshRule(new(
        "virtualservice.destinations",
        "A VirtualService's route and mirror destinations name a subset some DestinationRule defines (AN-04), a host some ServiceEntry (or Kubernetes Service in the files) declares and exports to the VirtualService's namespace (AN-05), a port it exposes (AN-06) or a port where it exposes several (AN-07); gateway routes keep the mesh's subset routing (AN-08).",
        ["VirtualService", "DestinationRule", "ServiceEntry"],
        [
            DiagnosticCodes.ReferencedResourceNotFound, DiagnosticCodes.VirtualServiceDestinationPortSelectorRequired,
            DiagnosticCodes.IngressRouteRulesNotAffected
        ]))
    {
        public override void Check(MeshContext mesh)
        {
            foreach (var (service, position) in mesh.Index.VirtualServices)
            {
                CheckDestinations(mesh.Index, mesh.Kubernetes, service, mesh.Sink.Context(service, position));
            }
        }
    }

    /// <summary>AN-09.</summary>
    internal sealed class ConflictingMeshHosts() : MeshRule(new(
        "virtualservice.conflicting-mesh-hosts",
        "Several mesh-bound VirtualServices define the same host in overlapping exportTo scopes (AN-09).",
        ["VirtualService"],
        [DiagnosticCodes.ConflictingMeshGatewayVirtualServiceHosts]))
    {
        public override void Check(MeshContext mesh) => CheckConflictingMeshHosts(mesh.Index, mesh.Sink);
    }

    /// <summary>AN-17, X-02, X-03.</summary>
    internal sealed class DestinationRuleHosts() : MeshRule(new(
        "destinationrule.hosts",
        "A DestinationRule's host matches a ServiceEntry (AN-17), its TLS fits the STRICT mTLS of an in-mesh host's namespace (X-02), and it does not originate TLS for a port that already speaks TLS (X-03).",
        ["DestinationRule", "ServiceEntry", "PeerAuthentication"],
        [DiagnosticCodes.UnknownDestinationRuleHost, DiagnosticCodes.DestinationRuleTlsConflictsWithStrictMtls, DiagnosticCodes.DoubleTls]))
    {
        public override void Check(MeshContext mesh) => CheckDestinationRuleHosts(mesh.Index, mesh.Sink);
    }

    /// <summary>AN-19, AN-20.</summary>
    internal sealed class ConflictingGateways() : MeshRule(new(
        "gateway.conflicts",
        "Gateways on the same workloads serve the same port, bind and host (AN-19; a selector that is a subset of the other's when a pod matches both), or a Gateway shares a certificate with one whose selector includes its own (AN-20).",
        ["Gateway"],
        [DiagnosticCodes.ConflictingGateways, DiagnosticCodes.GatewayDuplicateCertificate]))
    {
        public override void Check(MeshContext mesh)
        {
            GatewayConflicts.CheckConflictingServers(mesh.Index, mesh.Kubernetes, mesh.Sink);
            GatewayConflicts.CheckDuplicateCertificates(mesh.Index, mesh.Sink);
        }
    }

    /// <summary>AN-25.</summary>
    internal sealed class SidecarSelectors() : MeshRule(new(
        "sidecar.namespace-wide",
        "More than one Sidecar without workloadSelector in a namespace (AN-25).",
        ["Sidecar"],
        [DiagnosticCodes.MultipleSidecarsWithoutWorkloadSelectors]))
    {
        public override void Check(MeshContext mesh) => CheckSidecarSelectors(mesh.Index, mesh.Kubernetes, mesh.Sink);
    }

    /// <summary>MESH3001.</summary>
    internal sealed class PlaintextEgress() : MeshRule(new(
        "serviceentry.plaintext-egress",
        "A MESH_EXTERNAL ServiceEntry's HTTP port leaves the mesh in plaintext: no DestinationRule originates TLS for it.",
        ["ServiceEntry", "DestinationRule", "VirtualService"],
        [DiagnosticCodes.PlaintextExternalEgress],
        advice: true))
    {
        public override void Check(MeshContext mesh) => AdvisePlaintextEgress(mesh.Index, mesh.Sink);
    }

    /// <summary>AN-01 (IST0101), AN-02 (IST0132), AN-03 (IST0165), X-01 (MESH2002).</summary>
    private static void CheckGatewayReferences(MeshIndex index, VirtualService service, RuleContext context)
    {
        var spec = service.Spec;
        for (var g = 0; g < spec.GatewaysOrEmpty.Count; g++)
        {
            var reference = spec.GatewaysOrEmpty[g];
            if (reference == "mesh")
            {
                continue;
            }

            var path = context.Path(VirtualServiceSpecRoot, VirtualServiceSpecGateways, g);
            // The Gateway API controller names its generated Gateways <gateway>-istio-autogenerated-k8s-gateway-<listener>
            // (older releases: ~istio-autogenerated-k8s-gateway~).
            if (reference.Contains("istio-autogenerated-k8s-gateway", StringComparison.Ordinal))
            {
                context.Warning(DiagnosticCodes.ReferencedInternalGateway, path, $"'{reference}' is an internal auto-generated gateway; reference the Gateway API Gateway instead.");
                continue;
            }

            var key = MeshIndex.GatewayKey(reference, context.Namespace);
            if (!index.GatewaysByName.TryGetValue(key, out var gateway))
            {
                context.Error(DiagnosticCodes.ReferencedResourceNotFound, path, $"gateway '{reference}' does not exist (looked for Gateway {key.Namespace}/{key.Name}); create it or correct the reference (a bare name means the VirtualService's namespace).");
                continue;
            }

            var gatewayNamespace = key.Namespace;
            var served = false;
            var terminates = false;
            var passthrough = false;
            foreach (var server in gateway.Spec.ServersOrEmpty)
            {
                var serverMatches = false;
                foreach (var serverHost in server.HostsOrEmpty)
                {
                    var slash = serverHost.IndexOf('/');
                    var ns = slash < 0 ? "*" : serverHost[..slash];
                    var host = slash < 0 ? serverHost : serverHost[(slash + 1)..];
                    var visible = ns == "*" || ns == context.Namespace || (ns == "." && gatewayNamespace == context.Namespace);
                    if (visible && AnyHostMatches(spec.HostsOrEmpty, context.Namespace, host))
                    {
                        serverMatches = true;
                    }
                }

                if (serverMatches)
                {
                    served = true;
                    var mode = server.Tls?.Mode;
                    if (IstioSyntax.IsTlsProtocol(server.Port?.Protocol))
                    {
                        terminates |= mode is ServerTlsMode.Simple or ServerTlsMode.Mutual or ServerTlsMode.OptionalMutual or ServerTlsMode.IstioMutual;
                        passthrough |= mode is null or ServerTlsMode.Passthrough or ServerTlsMode.AutoPassthrough;
                    }
                }
            }

            if (!served)
            {
                context.Warning(DiagnosticCodes.VirtualServiceHostNotFoundInGateway, path, $"none of the hosts {string.Join(", ", spec.HostsOrEmpty)} is served by Gateway {key.Namespace}/{key.Name}; add the host to the Gateway's servers[].hosts or correct the VirtualService hosts.");
            }
            else if (spec.TlsOrEmpty.Count > 0 && terminates && !passthrough)
            {
                context.Warning(DiagnosticCodes.GatewayTlsModeMismatch, path, $"Gateway {key.Namespace}/{key.Name} terminates TLS for these hosts, so the tls routes never match; use http routes, or set the server's tls.mode to PASSTHROUGH.");
            }
            else if (spec.TlsOrEmpty.Count == 0 && spec.TcpOrEmpty.Count == 0 && spec.HttpOrEmpty.Count > 0 && passthrough && !terminates
                && gateway.Spec.ServersOrEmpty.All(s => !IstioSyntax.IsHttpProtocol(s.Port?.Protocol)))
            {
                context.Warning(DiagnosticCodes.GatewayTlsModeMismatch, path, $"Gateway {key.Namespace}/{key.Name} passes TLS through for these hosts, so the http routes never apply; use tls routes with sniHosts, or terminate TLS at the Gateway.");
            }
        }
    }

    /// <summary>Whether one of the VirtualService's hosts, as written or normalised in its namespace, matches a Gateway server host.</summary>
    private static bool AnyHostMatches(Items<string> hosts, string @namespace, string serverHost)
    {
        foreach (var host in hosts)
        {
            if (IstioSyntax.HostsMatch(HostNames.Normalize(host, @namespace), serverHost) || IstioSyntax.HostsMatch(host, serverHost))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>AN-04/05/06 (IST0101), AN-07 (IST0112), AN-08 (IST0140).</summary>
    private static void CheckDestinations(MeshIndex index, KubernetesIndex? kubernetes, VirtualService service, RuleContext context)
    {
        var spec = service.Spec;
        var gatewayOnly = spec.GatewaysOrEmpty.Count > 0 && !spec.GatewaysOrEmpty.Contains("mesh");
        for (var i = 0; i < spec.HttpOrEmpty.Count; i++)
        {
            var route = spec.HttpOrEmpty[i];
            var path = context.Path(VirtualServiceSpecRoot, VirtualServiceSpecHttp, i);
            for (var r = 0; r < route.RouteOrEmpty.Count; r++)
            {
                CheckDestination(index, kubernetes, route.RouteOrEmpty[r].Destination, DestinationPath(context, path, r), gatewayOnly, spec.ExportToOrEmpty, context);
            }

            if (route.Mirror is { } mirror)
            {
                CheckDestination(index, kubernetes, mirror, context.Path(path, HttpRouteMirror), false, spec.ExportToOrEmpty, context);
            }

            for (var m = 0; m < route.MirrorsOrEmpty.Count; m++)
            {
                CheckDestination(index, kubernetes, route.MirrorsOrEmpty[m].Destination, context.Path(context.Path(path, HttpRouteMirrors, m), HttpMirrorPolicyDestination), false, spec.ExportToOrEmpty, context);
            }
        }

        for (var i = 0; i < spec.TlsOrEmpty.Count; i++)
        {
            for (var r = 0; r < spec.TlsOrEmpty[i].RouteOrEmpty.Count; r++)
            {
                CheckDestination(index, kubernetes, spec.TlsOrEmpty[i].RouteOrEmpty[r].Destination, DestinationPath(context, context.Path(VirtualServiceSpecRoot, VirtualServiceSpecTls, i), r), false, spec.ExportToOrEmpty, context);
            }
        }

        for (var i = 0; i < spec.TcpOrEmpty.Count; i++)
        {
            for (var r = 0; r < spec.TcpOrEmpty[i].RouteOrEmpty.Count; r++)
            {
                CheckDestination(index, kubernetes, spec.TcpOrEmpty[i].RouteOrEmpty[r].Destination, DestinationPath(context, context.Path(VirtualServiceSpecRoot, VirtualServiceSpecTcp, i), r), false, spec.ExportToOrEmpty, context);
            }
        }
    }

    /// <summary><c>route.route[r].destination</c> of a route at <paramref name="route"/>.</summary>
    private static string DestinationPath(RuleContext context, string route, int r) => context.Path(context.Path(route, HttpRouteRoute, r), RouteDestinationDestination);

    // exportTo is the VirtualService's: the destination must resolve in each namespace it names, where sidecars apply
    // the routes, as well as in the VirtualService's own.
    private static void CheckDestination(MeshIndex index, KubernetesIndex? kubernetes, Destination? destination, string path, bool gatewayOnly, Items<string> exportTo, RuleContext context)
    {
        if (destination?.Host is not { Length: > 0 } rawHost || rawHost == "*")
        {
            return;
        }

        var host = HostNames.Normalize(rawHost, context.Namespace);
        if (destination.Subset is { } subset)
        {
            var rules = index.DestinationRulesByHost.Exact(host);
            if (!DefinesSubset(rules, subset))
            {
                context.Error(DiagnosticCodes.ReferencedResourceNotFound, path + DestinationSubset, rules.Count == 0
                    ? $"subset '{subset}' of host '{rawHost}' is not defined: no DestinationRule exists for the host; add one with a subset named '{subset}'."
                    : $"subset '{subset}' of host '{rawHost}' is not defined by DestinationRule {rules[0].MetadataNamespace ?? "default"}/{rules[0].MetadataName}; add the subset or correct the name.");
            }
        }
        else if (gatewayOnly && index.HostsWithMeshSubsetRouting.Contains(host))
        {
            context.Warning(DiagnosticCodes.IngressRouteRulesNotAffected, path, $"the mesh VirtualService for '{rawHost}' routes by subset, but this gateway route sends to the host without a subset, so that subset routing does not apply to ingress traffic; route to the subsets here too.");
        }

        var entry = FirstVisible(index.ServiceEntriesByHost.Covering(host), context.Namespace);
        if (entry is null && HostNames.IsClusterLocal(host))
        {
            // A Kubernetes Service, checked when the files hold Services of its namespace; else "unknown, not wrong".
            KubernetesDestinations.Check(kubernetes, destination, rawHost, host, path, exportTo, context);
            return;
        }

        if (entry is null)
        {
            context.Error(DiagnosticCodes.ReferencedResourceNotFound, path + DestinationHost, $"host '{rawHost}' is not declared by any ServiceEntry visible to namespace {context.Namespace}; add a ServiceEntry for it or correct the host.");
            return;
        }

        if (exportTo.Count > 0 && EntryNotVisibleFromExports(index, host, exportTo, context.Namespace) is { } blind)
        {
            context.Error(DiagnosticCodes.ReferencedResourceNotFound, path + DestinationHost, $"host '{rawHost}' is not declared by any ServiceEntry visible to namespace {blind}, to which this VirtualService is exported; export the ServiceEntry there too or narrow the VirtualService's exportTo.");
            return;
        }

        var ports = entry.Spec.PortsOrEmpty;
        if (destination.Port?.Number is { } number)
        {
            if (ports.Count > 0 && FirstPort(ports, number) is null)
            {
                context.Error(DiagnosticCodes.ReferencedResourceNotFound, path + DestinationPortNumber, $"ServiceEntry {entry.MetadataNamespace ?? "default"}/{entry.MetadataName} has no port {number} for '{rawHost}'; use one of {string.Join(", ", ports.Select(p => p.Number))}.");
            }
        }
        else if (ports.Count > 1)
        {
            context.Error(DiagnosticCodes.VirtualServiceDestinationPortSelectorRequired, path + DestinationPort, $"ServiceEntry {entry.MetadataNamespace ?? "default"}/{entry.MetadataName} exposes several ports for '{rawHost}' ({string.Join(", ", ports.Select(p => p.Number))}); set destination.port.number.");
        }
    }

    /// <summary>
    /// The namespaces a VirtualService is exported to by name, other than its own (where it is checked anyway).
    /// <c>*</c> names none: all namespaces cannot be enumerated.
    /// </summary>
    internal static IEnumerable<string> ExportedNamespaces(IReadOnlyList<string> exportTo, string ownNamespace)
        => exportTo.Contains("*") ? [] : exportTo.Where(entry => entry is not ("." or "~") && entry != ownNamespace);

    /// <summary>The first namespace the VirtualService is exported to that sees no ServiceEntry of the host, or null.</summary>
    private static string? EntryNotVisibleFromExports(MeshIndex index, string host, IReadOnlyList<string> exportTo, string ownNamespace)
    {
        foreach (var viewer in ExportedNamespaces(exportTo, ownNamespace))
        {
            if (FirstVisible(index.ServiceEntriesByHost.Covering(host), viewer) is null)
            {
                return viewer;
            }
        }

        return null;
    }

    /// <summary>Whether one of the DestinationRules defines a subset named <paramref name="subset"/>.</summary>
    private static bool DefinesSubset(HostIndex<DestinationRule>.Bucket rules, string subset)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var defined in rules[i].Spec.SubsetsOrEmpty)
            {
                if (defined.Name == subset)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The first of the ServiceEntries that namespace <paramref name="namespace"/> sees, or null.</summary>
    private static ServiceEntry? FirstVisible(HostIndex<ServiceEntry>.CoveringEnumerator entries, string @namespace)
    {
        foreach (var entry in entries)
        {
            if (ExportScope.IsVisibleTo(entry.Spec.ExportToOrEmpty, CommonRules.ResourceNamespace(entry), @namespace))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>
    /// AN-09 (IST0109): the same host in several mesh-bound VirtualServices with overlapping exportTo. As istioctl
    /// does, every VirtualService of a conflict is reported, each naming the others. Only hosts that several
    /// VirtualServices declare are grouped (usually none), so a mesh without conflicts costs one lookup per host.
    /// </summary>
    private static void CheckConflictingMeshHosts(MeshIndex index, DiagnosticSink sink)
    {
        var byHost = new Dictionary<string, List<(VirtualService Service, int Position, int Host, ExportScope Scope)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (service, position) in index.VirtualServices)
        {
            if (!VirtualServiceRules.IsMeshBound(service.Spec))
            {
                continue;
            }

            var ns = CommonRules.ResourceNamespace(service);
            ExportScope? scope = null;
            for (var h = 0; h < service.Spec.HostsOrEmpty.Count; h++)
            {
                var host = HostNames.Normalize(service.Spec.HostsOrEmpty[h], ns);
                if (index.VirtualServicesByHost.Exact(host).Count < 2)
                {
                    continue;
                }

                scope ??= ExportScope.Of(service.Spec.ExportToOrEmpty, ns);
                ref var owners = ref CollectionsMarshal.GetValueRefOrAddDefault(byHost, host, out _);
                (owners ??= new()).Add((service, position, h, scope));
            }
        }

        // One finding per VirtualService, on its first conflicting host (byHost keeps the order hosts were met in),
        // as istioctl reports each once.
        var reported = new HashSet<VirtualService>(ReferenceEqualityComparer.Instance);
        foreach (var owners in byHost.Values)
        {
            foreach (var (service, position, h, scope) in owners)
            {
                if (reported.Contains(service))
                {
                    continue;
                }

                var others = owners
                    .Where(o => !ReferenceEquals(o.Service, service) && o.Scope.Overlaps(scope))
                    .Select(o => CommonRules.ResourceNamespace(o.Service) + "/" + o.Service.MetadataName)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                if (others.Count > 0 && reported.Add(service))
                {
                    sink.Context(service, position).Error(
                        DiagnosticCodes.ConflictingMeshGatewayVirtualServiceHosts,
                        $"{VirtualServiceSpecHosts}[{h}]",
                        $"host '{service.Spec.HostsOrEmpty[h]}' is also defined by mesh VirtualService {string.Join(", ", others)}; Istio uses only one of them. Merge the routes into one VirtualService.");
                }
            }
        }
    }

    /// <summary>AN-17 (IST0174), X-02 (MESH2003), X-03 (MESH2004).</summary>
    private static void CheckDestinationRuleHosts(MeshIndex index, DiagnosticSink sink)
    {
        foreach (var (rule, position) in index.DestinationRules)
        {
            if (rule.Spec.Host is not { Length: > 0 } rawHost || rawHost == "*")
            {
                continue;
            }

            var context = sink.Context(rule, position);
            var host = HostNames.Normalize(rawHost, context.Namespace);
            var tls = rule.Spec.TrafficPolicy?.Tls;
            var meshWide = HostNames.CoversClusterDomain(host);
            if (meshWide || HostNames.IsClusterLocal(host))
            {
                // A mesh-wide host (*.local) conflicts with STRICT mTLS set mesh-wide; a Service's, with its namespace's too.
                var parts = host.Split('.');
                var serviceNamespace = meshWide ? "istio-system" : parts.Length > 1 ? parts[1] : context.Namespace;
                if (tls?.Mode is ClientTlsMode.Disable or ClientTlsMode.Simple or ClientTlsMode.Mutual
                    && (index.StrictNamespaces.Contains(serviceNamespace) || index.StrictNamespaces.Contains("istio-system")))
                {
                    context.Warning(DiagnosticCodes.DestinationRuleTlsConflictsWithStrictMtls, DestinationRuleSpecTrafficPolicyTlsMode, $"tls.mode {CommonRules.EnumName(tls.Mode.Value)} for in-mesh host '{rawHost}', whose namespace requires STRICT mTLS: requests will fail with 503. Use ISTIO_MUTUAL or remove the tls block.");
                }

                continue;
            }

            if (!index.ServiceEntriesByHost.Covers(host))
            {
                context.Warning(DiagnosticCodes.UnknownDestinationRuleHost, DestinationRuleSpecHost, $"host '{rawHost}' matches no ServiceEntry; the rule has no effect until a ServiceEntry declares the host.");
                continue;
            }

            var policy = rule.Spec.TrafficPolicy;
            if (policy is null)
            {
                continue;
            }

            for (var i = 0; i < policy.PortLevelSettingsOrEmpty.Count; i++)
            {
                var setting = policy.PortLevelSettingsOrEmpty[i];
                if (setting.Tls?.Mode is ClientTlsMode.Simple or ClientTlsMode.Mutual
                    && FirstPort(index.ServiceEntriesByHost.Covering(host), setting.Port?.Number) is { } port && IstioSyntax.IsTlsProtocol(port.Protocol))
                {
                    context.Warning(DiagnosticCodes.DoubleTls, $"{DestinationRuleSpecTrafficPolicyPortLevelSettings}[{i}]{DestinationRuleSpecTrafficPolicyPortLevelSettingsTlsMode}", $"port {port.Number} of '{rawHost}' is declared {port.Protocol}, so the application already sends TLS and this originates TLS a second time; declare the port HTTP and let the sidecar originate TLS, or remove the tls block.");
                }
            }
        }
    }

    /// <summary>The first port numbered <paramref name="number"/> of the entries, in entry and port order.</summary>
    private static ServicePort? FirstPort(HostIndex<ServiceEntry>.CoveringEnumerator entries, uint? number)
    {
        foreach (var entry in entries)
        {
            if (FirstPort(entry.Spec.PortsOrEmpty, number) is { } port)
            {
                return port;
            }
        }

        return null;
    }

    /// <summary>The first port numbered <paramref name="number"/>, or null.</summary>
    private static ServicePort? FirstPort(Items<ServicePort> ports, uint? number)
    {
        foreach (var port in ports)
        {
            if (port.Number == number)
            {
                return port;
            }
        }

        return null;
    }

    /// <summary>
    /// AN-25 (IST0111): several selector-less Sidecars in one namespace; as istioctl does, each of them is reported,
    /// except in an ambient namespace, where AN-28 (IST0167) says instead that they do nothing.
    /// </summary>
    private static void CheckSidecarSelectors(MeshIndex index, KubernetesIndex? kubernetes, DiagnosticSink sink)
    {
        var byNamespace = new Dictionary<string, List<Positioned<Sidecar>>>(StringComparer.Ordinal);
        foreach (var positioned in index.Sidecars)
        {
            if (positioned.Resource.Spec.WorkloadSelector is { Labels.Count: > 0 })
            {
                continue;
            }

            ref var sidecars = ref CollectionsMarshal.GetValueRefOrAddDefault(byNamespace, CommonRules.ResourceNamespace(positioned.Resource), out _);
            (sidecars ??= new()).Add(positioned);
        }

        foreach (var (ns, sidecars) in byNamespace)
        {
            if (sidecars.Count < 2 || KubernetesChecks.IsAmbientNamespace(kubernetes, ns))
            {
                continue;
            }

            foreach (var (sidecar, position) in sidecars)
            {
                var others = string.Join(", ", sidecars.Where(o => !ReferenceEquals(o.Resource, sidecar)).Select(o => o.Resource.MetadataName).Distinct(StringComparer.Ordinal));
                sink.Context(sidecar, position).Error(DiagnosticCodes.MultipleSidecarsWithoutWorkloadSelectors, SidecarSpecWorkloadSelector, $"namespace {ns} also has Sidecar {others} without workloadSelector; only one of them takes effect. Give all but one a workloadSelector or merge them.");
            }
        }
    }

    /// <summary>
    /// MESH3001: an external HTTP port whose traffic leaves the mesh in plaintext. The port is safe when a
    /// DestinationRule for the host originates TLS on it, or when VirtualServices for the host route the
    /// port's HTTP traffic to the host itself only on a port/subset whose DestinationRule originates TLS
    /// (TLS origination at an egress gateway: port 80 routed to the subset that upgrades 443).
    /// </summary>
    private static void AdvisePlaintextEgress(MeshIndex index, DiagnosticSink sink)
    {
        foreach (var (entry, position) in index.ServiceEntries)
        {
            if ((entry.Spec.Location ?? ServiceEntryLocation.MeshExternal) != ServiceEntryLocation.MeshExternal)
            {
                continue;
            }

            var ns = CommonRules.ResourceNamespace(entry);
            for (var p = 0; p < entry.Spec.PortsOrEmpty.Count; p++)
            {
                var port = entry.Spec.PortsOrEmpty[p];
                if (!string.Equals(port.Protocol, "HTTP", StringComparison.OrdinalIgnoreCase) || port.Number is not { } number)
                {
                    continue;
                }

                List<string>? plaintextHosts = null;
                foreach (var h in entry.Spec.HostsOrEmpty)
                {
                    if (!IsTlsOriginated(index, HostNames.Normalize(h, ns), number))
                    {
                        (plaintextHosts ??= new()).Add(h);
                    }
                }

                if (plaintextHosts is not null)
                {
                    sink.Context(entry, position).Warning(
                        DiagnosticCodes.PlaintextExternalEgress,
                        $"{ServiceEntrySpecPorts}[{p}]",
                        $"port {number} sends plain HTTP to external host(s) {string.Join(", ", plaintextHosts)} and no DestinationRule originates TLS for it; call the host over HTTPS, or add a DestinationRule with tls.mode SIMPLE for port {number} (TLS origination), or route the port with a VirtualService to a port/subset whose DestinationRule originates TLS.");
                }
            }
        }
    }

    private static bool IsTlsOriginated(MeshIndex index, string host, uint port)
    {
        // The rules for the host, kept only when the first ones do not originate TLS on the port (the usual answer).
        List<DestinationRule>? rules = null;
        foreach (var rule in index.DestinationRulesByHost.Covering(host))
        {
            if (OriginatesTls(rule, port, subset: null))
            {
                return true;
            }

            (rules ??= []).Add(rule);
        }

        // The final hops: destinations on the external host itself, of every HTTP rule that handles this port.
        List<Destination>? finalHops = null;
        List<VirtualService>? services = null;
        foreach (var service in index.VirtualServicesByHost.Covering(host))
        {
            // A VirtualService with two hosts covering this one counts once.
            if (services?.Contains(service) == true)
            {
                continue;
            }

            (services ??= []).Add(service);
            var vsNamespace = CommonRules.ResourceNamespace(service);
            foreach (var route in service.Spec.HttpOrEmpty)
            {
                if (route.MatchOrEmpty.Count > 0 && !HandlesPort(route.MatchOrEmpty, port))
                {
                    continue;
                }

                foreach (var routeDestination in route.RouteOrEmpty)
                {
                    if (routeDestination.Destination is { Host: { } h } destination && string.Equals(HostNames.Normalize(h, vsNamespace), host, StringComparison.OrdinalIgnoreCase))
                    {
                        (finalHops ??= []).Add(destination);
                    }
                }
            }
        }

        if (finalHops is null)
        {
            return false;
        }

        foreach (var hop in finalHops)
        {
            if (!AnyOriginatesTls(rules, hop.Port?.Number ?? port, hop.Subset))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether one of the matches applies to the port (or to any port).</summary>
    private static bool HandlesPort(Items<HttpMatchRequest> matches, uint port)
    {
        foreach (var match in matches)
        {
            if (match.Port is null or 0 || match.Port == port)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyOriginatesTls(List<DestinationRule>? rules, uint port, string? subset)
    {
        if (rules is null)
        {
            return false;
        }

        foreach (var rule in rules)
        {
            if (OriginatesTls(rule, port, subset))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the rule originates TLS on the port, for the subset's policy (which overrides the rule's) or the rule's own.</summary>
    private static bool OriginatesTls(DestinationRule rule, uint port, string? subset)
    {
        var subsets = rule.Spec.SubsetsOrEmpty;
        if (subset is not null && FindSubset(subsets, subset)?.TrafficPolicy is { } subsetPolicy && TlsFor(subsetPolicy, port) is { } subsetTls)
        {
            return Originates(subsetTls);
        }

        if (subset is null)
        {
            // Without a subset any subset that originates TLS on the port also counts (the previous behaviour).
            for (var i = 0; i < subsets.Count; i++)
            {
                if (subsets[i].TrafficPolicy is { } policy && TlsFor(policy, port) is { } tls && Originates(tls))
                {
                    return true;
                }
            }
        }

        return rule.Spec.TrafficPolicy is { } top && TlsFor(top, port) is { } topTls && Originates(topTls);

        static bool Originates(ClientTlsSettings tls) => tls.Mode is ClientTlsMode.Simple or ClientTlsMode.Mutual;
    }

    /// <summary>The first subset named <paramref name="name"/>, or null.</summary>
    private static Subset? FindSubset(Items<Subset> subsets, string name)
    {
        for (var i = 0; i < subsets.Count; i++)
        {
            if (subsets[i].Name == name)
            {
                return subsets[i];
            }
        }

        return null;
    }

    /// <summary>The TLS settings a policy applies to a port: the port-level ones, else the policy's own.</summary>
    private static ClientTlsSettings? TlsFor(TrafficPolicy policy, uint port)
    {
        foreach (var setting in policy.PortLevelSettingsOrEmpty)
        {
            if (setting.Port?.Number == port && setting.Tls is not null)
            {
                return setting.Tls;
            }
        }

        return policy.Tls;
    }
}
