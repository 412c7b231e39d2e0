using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>ServiceEntry field rules SE-01…SE-35 (catalogue §3.1).</summary>
internal sealed class ServiceEntryRules() : FieldRule<ServiceEntry>(
    "serviceentry.fields",
    "ServiceEntry field rules of the CRD schema, CEL and the istiod webhook (SE-01…SE-35, with G-14…G-17).",
    [
        DiagnosticCodes.MissingField, DiagnosticCodes.TooManyHosts, DiagnosticCodes.InvalidHost,
        DiagnosticCodes.PartialWildcardHost, DiagnosticCodes.ResolutionMismatch, DiagnosticCodes.InvalidAddress,
        DiagnosticCodes.InvalidPort, DiagnosticCodes.InvalidPortName, DiagnosticCodes.DuplicatePort,
        DiagnosticCodes.InvalidProtocol, DiagnosticCodes.InvalidEndpoint, DiagnosticCodes.IgnoredField,
        DiagnosticCodes.ConflictingFields, DiagnosticCodes.ServiceEntryAddressesRequired,
        DiagnosticCodes.MultipleHostsNeedHttpOrTls, DiagnosticCodes.MultipleHostsWithAddresses, DiagnosticCodes.InvalidEnumValue,
        DiagnosticCodes.EmptyWorkloadSelector, DiagnosticCodes.InvalidWorkloadSelector, DiagnosticCodes.InvalidLabels,
        DiagnosticCodes.InvalidExportTo
    ])
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => ServiceEntrySpec.Schema);
    private static readonly FieldPath SpecLocation = Spec.Field("location");
    private static readonly FieldPath SpecResolution = Spec.Field("resolution");
    private static readonly FieldPath SpecWorkloadSelectorLabels = Spec.Field("workloadSelector.labels");
    private static readonly FieldPath SpecWorkloadSelector = Spec.Field("workloadSelector");
    private static readonly FieldPath SpecExportTo = Spec.Field("exportTo");
    private static readonly FieldPath SpecHosts = Spec.Field("hosts");
    private static readonly FieldPath SpecAddresses = Spec.Field("addresses");
    private static readonly FieldPath SpecPorts = Spec.Field("ports");
    private static readonly FieldPath SpecPortsName = SpecPorts.Item.Field("name");
    private static readonly FieldPath SpecPortsNumber = SpecPorts.Item.Field("number");
    private static readonly FieldPath SpecPortsProtocol = SpecPorts.Item.Field("protocol");
    private static readonly FieldPath SpecPortsTargetPort = SpecPorts.Item.Field("targetPort");
    private static readonly FieldPath SpecEndpoints = Spec.Field("endpoints");
    private static readonly FieldPath InEndpoint = SpecEndpoints.Item;
    private static readonly FieldPath EndpointAddress = InEndpoint.Field("address");
    private static readonly FieldPath EndpointPorts = InEndpoint.Field("ports");
    private static readonly FieldPath EndpointLabels = InEndpoint.Field("labels");

    public override void Check(ServiceEntry entry, RuleContext context)
    {
        var spec = entry.Spec;
        var resolution = spec.Resolution ?? ServiceEntryResolution.None;
        CommonRules.CheckEnum(context, spec.Location, SpecLocation);
        CommonRules.CheckEnum(context, spec.Resolution, SpecResolution);
        CheckHosts(spec, resolution, context);
        CheckAddresses(spec, resolution, context);
        CheckPorts(spec, context);
        CheckEndpoints(spec, resolution, context);

        if (spec.WorkloadSelector is { } selector)
        {
            CommonRules.CheckSelector(context, selector.Labels, SpecWorkloadSelectorLabels, 256);
            if (spec.EndpointsOrEmpty.Count > 0)
            {
                context.Error(DiagnosticCodes.ConflictingFields, SpecWorkloadSelector, "set either workloadSelector or endpoints, not both; endpoints list the workloads explicitly, workloadSelector selects them by label.");
            }

            if (resolution == ServiceEntryResolution.None)
            {
                context.Warning(DiagnosticCodes.IgnoredField, SpecWorkloadSelector, "workloadSelector is ignored with resolution NONE; use resolution STATIC to send traffic to the selected workloads.");
            }
        }

        CheckResolutionShape(spec, resolution, context);
        CommonRules.CheckExportTo(context, spec.ExportToOrEmpty, SpecExportTo, allowTilde: true);
    }

    private static void CheckHosts(ServiceEntrySpec spec, ServiceEntryResolution resolution, RuleContext context)
    {
        if (spec.HostsOrEmpty.Count == 0)
        {
            context.Error(DiagnosticCodes.MissingField, SpecHosts, "a ServiceEntry needs at least one host; add the host name(s) the workloads call.");
        }
        else if (spec.HostsOrEmpty.Count > 256)
        {
            context.Error(DiagnosticCodes.TooManyHosts, SpecHosts, $"a ServiceEntry may have at most 256 hosts, this one has {spec.HostsOrEmpty.Count}; split it.");
        }

        var noEndpointsDns = spec.EndpointsOrEmpty.Count == 0 && resolution is ServiceEntryResolution.Dns or ServiceEntryResolution.DnsRoundRobin;
        for (var i = 0; i < spec.HostsOrEmpty.Count; i++)
        {
            var host = spec.HostsOrEmpty[i];
            // The paths are made only for a wrong host.
            if (host == "*")
            {
                context.Error(DiagnosticCodes.InvalidHost, $"{SpecHosts}[{i}]", "host '*' is not allowed in a ServiceEntry; list the external hosts (a left-most wildcard such as '*.example.com' is allowed).");
                continue;
            }

            if (!IstioSyntax.IsWildcardDomain(host))
            {
                context.Error(DiagnosticCodes.InvalidHost, $"{SpecHosts}[{i}]", $"invalid host '{host}'; use a DNS name (IP addresses belong in spec.addresses), with '*' only in the left-most label.");
                continue;
            }

            if (IstioSyntax.IsPartialWildcard(host) && resolution != ServiceEntryResolution.DynamicDns)
            {
                context.Warning(DiagnosticCodes.PartialWildcardHost, $"{SpecHosts}[{i}]", $"partial wildcard '{host}'; write '*.{host.TrimStart('*').TrimStart('.')}' or an exact host.");
            }

            if (noEndpointsDns && !IstioSyntax.IsFqdn(host))
            {
                context.Error(DiagnosticCodes.ResolutionMismatch, $"{SpecHosts}[{i}]", $"with resolution {CommonRules.EnumName(resolution)} and no endpoints every host must be a resolvable FQDN, but '{host}' is a wildcard; use resolution NONE (or DYNAMIC_DNS) for wildcard hosts, or add endpoints.");
            }

            if (resolution == ServiceEntryResolution.DynamicDns && !host.StartsWith('*'))
            {
                context.Error(DiagnosticCodes.ResolutionMismatch, $"{SpecHosts}[{i}]", $"resolution DYNAMIC_DNS requires wildcard hosts, but '{host}' is not one; write '*.{host}' or use resolution DNS.");
            }
        }
    }

    private static void CheckAddresses(ServiceEntrySpec spec, ServiceEntryResolution resolution, RuleContext context)
    {
        if (spec.AddressesOrEmpty.Count > 256)
        {
            context.Error(DiagnosticCodes.InvalidAddress, SpecAddresses, $"at most 256 addresses are allowed, this ServiceEntry has {spec.AddressesOrEmpty.Count}.");
        }

        for (var i = 0; i < spec.AddressesOrEmpty.Count; i++)
        {
            var address = spec.AddressesOrEmpty[i];
            // The paths are made only for a wrong address.
            if (address.Length > 64 || !IstioSyntax.IsIpOrCidr(address))
            {
                context.Error(DiagnosticCodes.InvalidAddress, $"{SpecAddresses}[{i}]", $"invalid address '{address}'; write an IP address or a CIDR block such as 192.168.0.0/16 (host names belong in spec.hosts).");
            }
            else if (address.Contains('/') && resolution is not (ServiceEntryResolution.None or ServiceEntryResolution.Static))
            {
                context.Error(DiagnosticCodes.ResolutionMismatch, $"{SpecAddresses}[{i}]", $"CIDR address '{address}' requires resolution NONE or STATIC; change the resolution or use a single IP.");
            }
        }
    }

    private static void CheckPorts(ServiceEntrySpec spec, RuleContext context)
    {
        if (spec.PortsOrEmpty.Count > 256)
        {
            context.Error(DiagnosticCodes.InvalidPort, SpecPorts, $"at most 256 ports are allowed, this ServiceEntry has {spec.PortsOrEmpty.Count}.");
        }

        // Sets only for many ports; a few are compared with the earlier ones directly.
        var names = spec.PortsOrEmpty.Count > 8 ? new HashSet<string>(StringComparer.Ordinal) : null;
        var numbers = spec.PortsOrEmpty.Count > 8 ? new HashSet<uint>() : null;
        for (var i = 0; i < spec.PortsOrEmpty.Count; i++)
        {
            var port = spec.PortsOrEmpty[i];
            // The paths are made only for a wrong port.
            if (port.Name is null)
            {
                context.Error(DiagnosticCodes.InvalidPortName, $"{SpecPorts}[{i}]{SpecPortsName}", "the port has no name; name it, e.g. 'http' or 'tls-443'.");
            }
            else if (!IstioSyntax.IsDnsLabel(port.Name))
            {
                context.Error(DiagnosticCodes.InvalidPortName, $"{SpecPorts}[{i}]{SpecPortsName}", $"port name '{port.Name}' must be a DNS-1123 label: letters, digits and '-', at most 63 characters.");
            }
            else if (!(names?.Add(port.Name) ?? !EarlierHasName(spec.PortsOrEmpty, i, port.Name)))
            {
                context.Error(DiagnosticCodes.DuplicatePort, $"{SpecPorts}[{i}]{SpecPortsName}", $"port name '{port.Name}' is already defined; give each port a unique name.");
            }

            if (!IstioSyntax.IsPort(port.Number))
            {
                context.Error(DiagnosticCodes.InvalidPort, $"{SpecPorts}[{i}]{SpecPortsNumber}", port.Number is null ? "the port has no number; set a number between 1 and 65535." : $"port {port.Number} must be in range 1..65535.");
            }
            else if (!(numbers?.Add(port.Number!.Value) ?? !EarlierHasNumber(spec.PortsOrEmpty, i, port.Number!.Value)))
            {
                context.Error(DiagnosticCodes.DuplicatePort, $"{SpecPorts}[{i}]{SpecPortsNumber}", $"port {port.Number} is already defined; each port number may appear once.");
            }

            // An empty protocol is protocol sniffing, as an unset one is (Istio's ValidateProtocol).
            if (port.Protocol is { Length: > 0 } protocol && !IstioSyntax.IsProtocol(protocol))
            {
                context.Error(DiagnosticCodes.InvalidProtocol, $"{SpecPorts}[{i}]{SpecPortsProtocol}", $"unsupported protocol '{protocol}'; use one of TCP, UDP, GRPC, GRPC-WEB, HTTP, HTTP_PROXY, HTTP2, HTTPS, TLS, MONGO, REDIS, MYSQL.");
            }

            if (port.TargetPort is { } target && !IstioSyntax.IsPort(target))
            {
                context.Error(DiagnosticCodes.InvalidPort, $"{SpecPorts}[{i}]{SpecPortsTargetPort}", $"targetPort {target} must be in range 1..65535.");
            }
        }
    }

    /// <summary>Whether a port before <paramref name="index"/> has a valid name equal to <paramref name="name"/> (what the set would hold).</summary>
    private static bool EarlierHasName(Items<ServicePort> ports, int index, string name)
    {
        for (var j = 0; j < index; j++)
        {
            if (ports[j].Name == name && IstioSyntax.IsDnsLabel(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a port before <paramref name="index"/> has a valid number equal to <paramref name="number"/>.</summary>
    private static bool EarlierHasNumber(Items<ServicePort> ports, int index, uint number)
    {
        for (var j = 0; j < index; j++)
        {
            if (ports[j].Number == number && IstioSyntax.IsPort(number))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckEndpoints(ServiceEntrySpec spec, ServiceEntryResolution resolution, RuleContext context)
    {
        if (spec.EndpointsOrEmpty.Count > 4096)
        {
            context.Error(DiagnosticCodes.InvalidEndpoint, SpecEndpoints, $"at most 4096 endpoints are allowed, this ServiceEntry has {spec.EndpointsOrEmpty.Count}.");
        }

        if (resolution == ServiceEntryResolution.None && spec.EndpointsOrEmpty.Count > 0)
        {
            context.Error(DiagnosticCodes.ResolutionMismatch, SpecEndpoints, "resolution NONE cannot have endpoints; use resolution STATIC (IP endpoints) or DNS (host name endpoints), or remove the endpoints.");
        }

        if (resolution == ServiceEntryResolution.DnsRoundRobin && spec.EndpointsOrEmpty.Count > 1)
        {
            context.Error(DiagnosticCodes.ResolutionMismatch, SpecEndpoints, $"resolution DNS_ROUND_ROBIN allows at most one endpoint, this ServiceEntry has {spec.EndpointsOrEmpty.Count}; use resolution DNS for several.");
        }

        if (spec.EndpointsOrEmpty.Count == 0)
        {
            return;
        }

        var declared = spec.PortsOrEmpty.Where(p => p.Name is not null).Select(p => p.Name!).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < spec.EndpointsOrEmpty.Count; i++)
        {
            var endpoint = spec.EndpointsOrEmpty[i];
            var path = context.Path(Spec, SpecEndpoints, i);
            var address = endpoint.Address;
            if (string.IsNullOrEmpty(address))
            {
                if (string.IsNullOrEmpty(endpoint.Network) || resolution is ServiceEntryResolution.Dns or ServiceEntryResolution.DnsRoundRobin)
                {
                    context.Error(DiagnosticCodes.InvalidEndpoint, path + EndpointAddress, "the endpoint has no address; set an IP address (STATIC) or host name (DNS).");
                }
                else if (resolution == ServiceEntryResolution.Static)
                {
                    context.Warning(DiagnosticCodes.IgnoredField, path + EndpointAddress, "a STATIC endpoint with only a network is reached through that network's gateway; set address unless that is intended.");
                }
            }
            else if (address.StartsWith("unix://", StringComparison.Ordinal))
            {
                if (!IstioSyntax.IsUnixAddress(address))
                {
                    context.Error(DiagnosticCodes.InvalidEndpoint, path + EndpointAddress, $"'{address}' is not a valid unix socket address; write unix:///absolute/path or unix://@abstract-name.");
                }

                if (endpoint.Ports.Count > 0)
                {
                    context.Error(DiagnosticCodes.InvalidEndpoint, path + EndpointPorts, "a unix socket endpoint has no ports; remove them.");
                }

                if (resolution == ServiceEntryResolution.Static && spec.PortsOrEmpty.Count != 1)
                {
                    context.Error(DiagnosticCodes.InvalidEndpoint, path + EndpointAddress, $"a ServiceEntry with a unix socket endpoint must declare exactly one port, this one declares {spec.PortsOrEmpty.Count}.");
                }
                else if (resolution is ServiceEntryResolution.Dns or ServiceEntryResolution.DnsRoundRobin)
                {
                    context.Error(DiagnosticCodes.InvalidEndpoint, path + EndpointAddress, $"'{address}' is neither an IP nor a host name; unix sockets need resolution STATIC.");
                }
            }
            else if (resolution == ServiceEntryResolution.Static && !IstioSyntax.IsIp(address))
            {
                context.Error(DiagnosticCodes.InvalidEndpoint, path + EndpointAddress, $"STATIC endpoints must use IP addresses, '{address}' is not one; use resolution DNS for host names.");
            }
            else if (resolution is ServiceEntryResolution.Dns or ServiceEntryResolution.DnsRoundRobin && !IstioSyntax.IsIp(address) && !IstioSyntax.IsFqdn(address))
            {
                context.Error(DiagnosticCodes.InvalidEndpoint, path + EndpointAddress, $"endpoint address '{address}' is neither an FQDN nor an IP address.");
            }

            foreach (var (name, number) in endpoint.Ports)
            {
                if (!declared.Contains(name))
                {
                    context.Error(DiagnosticCodes.InvalidEndpoint, $"{path}{EndpointPorts}[{name}]", $"endpoint port '{name}' is not declared in spec.ports; use the name of one of the ServiceEntry's ports ({string.Join(", ", declared)}).");
                }

                if (!IstioSyntax.IsPort(number))
                {
                    context.Error(DiagnosticCodes.InvalidPort, $"{path}{EndpointPorts}[{name}]", $"endpoint port {number} must be in range 1..65535.");
                }
            }

            CommonRules.CheckLabels(context, endpoint.Labels, path, EndpointLabels);
        }
    }

    private static void CheckResolutionShape(ServiceEntrySpec spec, ServiceEntryResolution resolution, RuleContext context)
    {
        // SE-14 / IST0134: Istio's webhook compares with "TCP" case-sensitively and the analyzer case-insensitively
        // (Q-06); we follow the analyzer, the stricter of the two.
        if (resolution == ServiceEntryResolution.None && spec.AddressesOrEmpty.Count == 0)
        {
            for (var i = 0; i < spec.PortsOrEmpty.Count; i++)
            {
                var protocol = spec.PortsOrEmpty[i].Protocol;
                if (string.IsNullOrEmpty(protocol) || string.Equals(protocol, "TCP", StringComparison.OrdinalIgnoreCase))
                {
                    context.Warning(
                        DiagnosticCodes.ServiceEntryAddressesRequired,
                        $"{SpecPorts}[{i}]{SpecPortsProtocol}",
                        $"port {spec.PortsOrEmpty[i].Number} has protocol {(string.IsNullOrEmpty(protocol) ? "unset" : protocol)} and the ServiceEntry has no addresses; with resolution NONE the sidecar cannot tell this traffic apart. Set spec.addresses, or give the port an HTTP or TLS protocol.");
                }
            }
        }

        if (resolution == ServiceEntryResolution.DynamicDns)
        {
            if (spec.AddressesOrEmpty.Count > 0)
            {
                context.Error(DiagnosticCodes.ResolutionMismatch, SpecAddresses, "resolution DYNAMIC_DNS cannot set addresses; remove them.");
            }

            if (spec.EndpointsOrEmpty.Count > 0)
            {
                context.Error(DiagnosticCodes.ResolutionMismatch, SpecEndpoints, "resolution DYNAMIC_DNS cannot set endpoints; remove them.");
            }

            if (spec.Location == ServiceEntryLocation.MeshInternal
                && context.Resource.MetadataLabels?.TryGetValue("istio.io/use-waypoint", out var waypoint) == true && waypoint != "none")
            {
                context.Error(DiagnosticCodes.ResolutionMismatch, FieldPath.Metadata.Label("istio.io/use-waypoint"), "a MESH_INTERNAL ServiceEntry with resolution DYNAMIC_DNS cannot use a waypoint; set the label istio.io/use-waypoint to 'none', remove it, or use MESH_EXTERNAL.");
            }

            for (var i = 0; i < spec.PortsOrEmpty.Count; i++)
            {
                var protocol = spec.PortsOrEmpty[i].Protocol;
                if (protocol is null || !(string.Equals(protocol, "HTTP", StringComparison.OrdinalIgnoreCase) || string.Equals(protocol, "TLS", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(protocol, "GRPC", StringComparison.OrdinalIgnoreCase) || string.Equals(protocol, "HTTP2", StringComparison.OrdinalIgnoreCase)))
                {
                    context.Error(DiagnosticCodes.ResolutionMismatch, $"{SpecPorts}[{i}]{SpecPortsProtocol}", $"resolution DYNAMIC_DNS supports only HTTP, TLS, GRPC and HTTP2 ports, not {(IstioSyntax.IsSet(protocol) ? protocol : "an unset protocol")}.");
                }
            }
        }

        if (resolution != ServiceEntryResolution.None && spec.HostsOrEmpty.Count > 1)
        {
            for (var i = 0; i < spec.PortsOrEmpty.Count; i++)
            {
                var protocol = spec.PortsOrEmpty[i].Protocol;
                if (!IstioSyntax.IsHttpProtocol(protocol) && !IstioSyntax.IsTlsProtocol(protocol))
                {
                    context.Error(
                        DiagnosticCodes.MultipleHostsNeedHttpOrTls,
                        $"{SpecPorts}[{i}]{SpecPortsProtocol}",
                        $"a ServiceEntry with several hosts and resolution {CommonRules.EnumName(resolution)} needs HTTP- or TLS-family ports, but port {spec.PortsOrEmpty[i].Number} is {protocol ?? "unset"}; set the protocol or split the ServiceEntry per host.");
                }
            }
        }

        if (resolution is ServiceEntryResolution.Dns or ServiceEntryResolution.DnsRoundRobin && spec.AddressesOrEmpty.Count > 0 && spec.HostsOrEmpty.Count > 1
            && spec.PortsOrEmpty.Any(p => IstioSyntax.IsTcpLikeProtocol(p.Protocol)))
        {
            context.Warning(DiagnosticCodes.MultipleHostsWithAddresses, SpecHosts, "a DNS ServiceEntry with addresses and a TCP-like port should have a single host; split it per host.");
        }
    }
}
