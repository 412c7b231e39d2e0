using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>Sidecar field rules SC-01…SC-23 (catalogue §3.5).</summary>
internal sealed class SidecarRules() : FieldRule<Sidecar>(
    "sidecar.fields",
    "Sidecar field rules (SC-01…SC-23) with the server TLS, connection pool and destination rules they share (ST, CP, G-25).",
    [
        DiagnosticCodes.EmptyWorkloadSelector, DiagnosticCodes.InvalidWorkloadSelector, DiagnosticCodes.EmptyConfiguration,
        DiagnosticCodes.InvalidSidecarListener, DiagnosticCodes.MissingField, DiagnosticCodes.InvalidHost,
        DiagnosticCodes.InvalidPort, DiagnosticCodes.InvalidPortName, DiagnosticCodes.InvalidProtocol,
        DiagnosticCodes.DuplicatePort, DiagnosticCodes.InvalidAddress, DiagnosticCodes.IgnoredField,
        DiagnosticCodes.InvalidServerTls, DiagnosticCodes.ConflictingFields, DiagnosticCodes.InlinedCertificate,
        DiagnosticCodes.InvalidTrafficPolicy, DiagnosticCodes.InvalidDuration, DiagnosticCodes.InvalidPercentage,
        DiagnosticCodes.InvalidOutboundTrafficPolicy, DiagnosticCodes.InvalidDestination, DiagnosticCodes.Deprecated,
        DiagnosticCodes.InvalidEnumValue
    ])
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => SidecarSpec.Schema);
    private static readonly FieldPath SpecIngress = Spec.Field("ingress");
    private static readonly FieldPath InIngressListener = SpecIngress.Item;
    private static readonly FieldPath SpecEgress = Spec.Field("egress");
    private static readonly FieldPath InEgressListener = SpecEgress.Item;
    private static readonly FieldPath SpecWorkloadSelectorLabels = Spec.Field("workloadSelector.labels");
    private static readonly FieldPath IngressListenerPort = InIngressListener.Field("port");
    private static readonly FieldPath IngressListenerPortNumber = InIngressListener.Field("port.number");
    private static readonly FieldPath IngressListenerBind = InIngressListener.Field("bind");
    private static readonly FieldPath IngressListenerTls = InIngressListener.Field("tls");
    private static readonly FieldPath IngressListenerCaptureMode = InIngressListener.Field("captureMode");
    private static readonly FieldPath IngressListenerDefaultEndpoint = InIngressListener.Field("defaultEndpoint");
    private static readonly FieldPath IngressListenerConnectionPool = InIngressListener.Field("connectionPool");
    private static readonly FieldPath IngressListenerConnectionPoolHttp = InIngressListener.Field("connectionPool.http");
    private static readonly FieldPath SpecInboundConnectionPool = Spec.Field("inboundConnectionPool");
    private static readonly FieldPath EgressListenerPort = InEgressListener.Field("port");
    private static readonly FieldPath EgressListenerPortNumber = InEgressListener.Field("port.number");
    private static readonly FieldPath EgressListenerBind = InEgressListener.Field("bind");
    private static readonly FieldPath EgressListenerCaptureMode = InEgressListener.Field("captureMode");
    private static readonly FieldPath EgressListenerHosts = InEgressListener.Field("hosts");
    private static readonly FieldPath SpecOutboundTrafficPolicyMode = Spec.Field("outboundTrafficPolicy.mode");
    private static readonly FieldPath SpecOutboundTrafficPolicyEgressProxy = Spec.Field("outboundTrafficPolicy.egressProxy");
    private static readonly FieldPath SpecOutboundTrafficPolicyEgressProxyPort = Spec.Field("outboundTrafficPolicy.egressProxy.port");
    private static readonly FieldPath InSidecarPort = IngressListenerPort.Item;
    private static readonly FieldPath SidecarPortTargetPort = InSidecarPort.Field("targetPort");
    private static readonly FieldPath SidecarPortName = InSidecarPort.Field("name");
    private static readonly FieldPath SidecarPortProtocol = InSidecarPort.Field("protocol");
    private static readonly FieldPath SidecarPortNumber = InSidecarPort.Field("number");

    public override void Check(Sidecar sidecar, RuleContext context)
    {
        var spec = sidecar.Spec;
        if (spec.WorkloadSelector is { } selector)
        {
            CommonRules.CheckSelector(context, selector.Labels, SpecWorkloadSelectorLabels, 256);
        }

        if (spec.EgressOrEmpty.Count == 0 && spec.IngressOrEmpty.Count == 0 && spec.OutboundTrafficPolicy is null && spec.InboundConnectionPool is null)
        {
            context.Error(DiagnosticCodes.EmptyConfiguration, Spec, "the Sidecar configuration is empty; set egress, ingress, outboundTrafficPolicy or inboundConnectionPool.");
        }

        var ingressPorts = new HashSet<uint>();
        for (var i = 0; i < spec.IngressOrEmpty.Count; i++)
        {
            var listener = spec.IngressOrEmpty[i];
            var path = context.Path(Spec, SpecIngress, i);
            if (listener.Port is not { } port)
            {
                context.Error(DiagnosticCodes.MissingField, path + IngressListenerPort, "an ingress listener needs a port.");
            }
            else
            {
                CheckPort(port, context.Path(path, IngressListenerPort), context);
                if (port.Number is { } number && !ingressPorts.Add(number))
                {
                    context.Error(DiagnosticCodes.DuplicatePort, path + IngressListenerPortNumber, $"ingress port {number} is already used by another listener; ingress ports must be unique.");
                }
            }

            if (listener.Bind is { Length: > 0 } bind && !IstioSyntax.IsIp(bind))
            {
                context.Error(DiagnosticCodes.InvalidAddress, path + IngressListenerBind, $"ingress bind '{bind}' must be an IP address.");
            }

            if (listener.Tls is { } tls)
            {
                if (tls.CredentialName is not null || tls.CredentialNamesOrEmpty.Count > 0 || tls.TlsCertificatesOrEmpty.Count > 0 || tls.HttpsRedirect is not null || tls.SubjectAltNamesOrEmpty.Count > 0
                    || tls.Mode is ServerTlsMode.IstioMutual or ServerTlsMode.AutoPassthrough)
                {
                    context.Error(DiagnosticCodes.InvalidServerTls, path + IngressListenerTls, "sidecar ingress TLS supports only file-based certificates: no credentialName(s), tlsCertificates, httpsRedirect, subjectAltNames, ISTIO_MUTUAL or AUTO_PASSTHROUGH.");
                }

                if (!IstioSyntax.IsTlsProtocol(listener.Port?.Protocol))
                {
                    context.Error(DiagnosticCodes.InvalidServerTls, path + IngressListenerTls, "TLS settings require an HTTPS or TLS port protocol.");
                }
                else
                {
                    GatewayRules.CheckServerTls(tls, listener.Port?.Protocol, path, context);
                }
            }

            CommonRules.CheckEnum(context, listener.CaptureMode, path, IngressListenerCaptureMode);
            if (listener.DefaultEndpoint is { } endpoint && DefaultEndpointProblem(endpoint) is { } endpointProblem)
            {
                context.Error(DiagnosticCodes.InvalidSidecarListener, path + IngressListenerDefaultEndpoint, $"invalid defaultEndpoint '{endpoint}': {endpointProblem}; use 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:<port>, [::]:<port> or unix:///absolute/path.");
            }

            if (listener.ConnectionPool is { } pool)
            {
                DestinationRuleRules.CheckConnectionPool(pool, context.Path(path, IngressListenerConnectionPool), context);
                if (pool.Http is not null && listener.Port is { } poolPort && !IstioSyntax.IsHttpProtocol(poolPort.Protocol))
                {
                    context.Warning(DiagnosticCodes.IgnoredField, path + IngressListenerConnectionPoolHttp, $"HTTP connection pool settings are ignored on port {poolPort.Number}, whose protocol is {poolPort.Protocol ?? "unset"} (not HTTP); only the tcp settings apply. Set an HTTP protocol or remove http.");
                }
            }
        }

        if (spec.InboundConnectionPool is { } inbound)
        {
            DestinationRuleRules.CheckConnectionPool(inbound, SpecInboundConnectionPool, context);
        }

        var catchAll = -1;
        var egressPorts = new HashSet<uint>();
        var egressBinds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.EgressOrEmpty.Count; i++)
        {
            var listener = spec.EgressOrEmpty[i];
            var egressPath = context.Path(Spec, SpecEgress, i);
            if (listener.Port is null)
            {
                if (catchAll >= 0)
                {
                    context.Error(DiagnosticCodes.InvalidSidecarListener, egressPath, $"egress listener {catchAll} already has no port; only one catch-all egress listener is allowed.");
                }

                catchAll = i;
            }
            else
            {
                CheckPort(listener.Port, context.Path(egressPath, EgressListenerPort), context);
                if (listener.Port.Number is 0)
                {
                    CheckUnixListener(listener, egressPath, egressBinds, context);
                }
                else
                {
                    if (listener.Port.Number is { } number && !egressPorts.Add(number))
                    {
                        context.Error(DiagnosticCodes.DuplicatePort, egressPath + EgressListenerPortNumber, $"egress port {number} is already used by another listener; egress ports must be unique.");
                    }

                    if (listener.Bind is { Length: > 0 } bind && !IstioSyntax.IsIp(bind))
                    {
                        context.Error(DiagnosticCodes.InvalidAddress, egressPath + EgressListenerBind, $"egress bind '{bind}' must be an IP address (unix:// binds need port number 0).");
                    }
                }
            }

            CommonRules.CheckEnum(context, listener.CaptureMode, egressPath, EgressListenerCaptureMode);

            if (listener.HostsOrEmpty.Count == 0)
            {
                context.Error(DiagnosticCodes.MissingField, egressPath + EgressListenerHosts, "an egress listener needs hosts, e.g. './*' and 'istio-system/*'.");
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var h = 0; h < listener.HostsOrEmpty.Count; h++)
            {
                var host = listener.HostsOrEmpty[h];
                if (GatewayRules.HostProblem(host, sidecar: true) is { } problem)
                {
                    context.Error(DiagnosticCodes.InvalidHost, $"{egressPath}{EgressListenerHosts}[{h}]", $"invalid egress host '{host}': {problem}.");
                }
                else if (!seen.Add(host.StartsWith("./", StringComparison.Ordinal) ? context.Namespace + host[1..] : host))
                {
                    context.Warning(DiagnosticCodes.InvalidSidecarListener, $"{egressPath}{EgressListenerHosts}[{h}]", $"duplicate egress host '{host}'; remove it.");
                }
            }
        }

        if (catchAll >= 0 && catchAll != spec.EgressOrEmpty.Count - 1)
        {
            context.Error(DiagnosticCodes.InvalidSidecarListener, $"{SpecEgress}[{catchAll}]", "the catch-all egress listener (no port) must be the last one; move it to the end.");
        }

        if (spec.OutboundTrafficPolicy is { } outbound)
        {
            CommonRules.CheckEnum(context, outbound.Mode, SpecOutboundTrafficPolicyMode);
        }

        if (spec.OutboundTrafficPolicy?.EgressProxy is { } proxy)
        {
            if (spec.OutboundTrafficPolicy.Mode != OutboundTrafficPolicyMode.AllowAny)
            {
                context.Error(DiagnosticCodes.InvalidOutboundTrafficPolicy, SpecOutboundTrafficPolicyEgressProxy, "egressProxy requires outboundTrafficPolicy.mode ALLOW_ANY.");
            }

            if (proxy.Port is null)
            {
                context.Error(DiagnosticCodes.InvalidOutboundTrafficPolicy, SpecOutboundTrafficPolicyEgressProxyPort, "egressProxy needs a port.");
            }

            VirtualServiceRules.CheckDestination(proxy, SpecOutboundTrafficPolicyEgressProxy, context);
            context.Warning(DiagnosticCodes.Deprecated, SpecOutboundTrafficPolicyEgressProxy, "egressProxy is ignored by current Istio releases; route egress through an egress gateway instead.");
        }
    }

    /// <summary>SC-16 and SC-18 for an egress listener on port 0 (a unix domain socket).</summary>
    private static void CheckUnixListener(IstioEgressListener listener, string path, HashSet<string> binds, RuleContext context)
    {
        if (listener.Bind is not { } bind || !IstioSyntax.IsUnixAddress(bind))
        {
            context.Error(DiagnosticCodes.InvalidAddress, path + EgressListenerBind, "an egress listener on port 0 needs a unix domain socket bind such as unix:///var/run/app.sock; set bind or a port number.");
        }
        else if (!binds.Add(bind))
        {
            context.Error(DiagnosticCodes.DuplicatePort, path + EgressListenerBind, $"unix bind '{bind}' is already used by another egress listener; unix binds must be unique.");
        }

        if (listener.CaptureMode is { } mode && mode != CaptureMode.Default && mode != CaptureMode.None)
        {
            context.Error(DiagnosticCodes.InvalidSidecarListener, path + EgressListenerCaptureMode, "a unix domain socket listener (port 0) can only use captureMode DEFAULT or NONE.");
        }
    }

    /// <summary>SC-08: why an ingress defaultEndpoint is invalid, or null.</summary>
    private static string? DefaultEndpointProblem(string endpoint)
    {
        if (endpoint.StartsWith("unix://", StringComparison.Ordinal))
        {
            return IstioSyntax.IsUnixAddress(endpoint) ? null : "the unix socket path must be absolute and not end in '/'";
        }

        string host;
        string port;
        if (endpoint.StartsWith('['))
        {
            var close = endpoint.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= endpoint.Length || endpoint[close + 1] != ':')
            {
                return "it is not host:port";
            }

            host = endpoint[1..close];
            port = endpoint[(close + 2)..];
        }
        else
        {
            var colon = endpoint.LastIndexOf(':');
            if (colon < 0 || endpoint.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                return "it is not host:port";
            }

            host = endpoint[..colon];
            port = endpoint[(colon + 1)..];
        }

        if (host is not ("" or "127.0.0.1" or "0.0.0.0" or "::1" or "::"))
        {
            return $"the host must be a local address, not '{host}'";
        }

        return int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && IstioSyntax.IsPort(number)
            ? null
            : $"port '{port}' is not in range 1..65535";
    }

    private static void CheckPort(Port port, string path, RuleContext context)
    {
#pragma warning disable CS0618 // Istio's deprecated fields are still checked while Istio accepts them.
        if (port.TargetPort is not null)
#pragma warning restore CS0618
        {
            context.Error(DiagnosticCodes.InvalidPort, path + SidecarPortTargetPort, "targetPort is not supported on Sidecar listeners; remove it.");
        }

        if (port.Name is { Length: > 0 } name && !IstioSyntax.IsDnsLabel(name))
        {
            context.Error(DiagnosticCodes.InvalidPortName, path + SidecarPortName, $"port name '{name}' must be a DNS-1123 label.");
        }

        if (port.Protocol is { Length: > 0 } protocol && !IstioSyntax.IsProtocol(protocol))
        {
            context.Error(DiagnosticCodes.InvalidProtocol, path + SidecarPortProtocol, $"unsupported protocol '{protocol}'.");
        }

        if (port.Number is { } number && number != 0 && !IstioSyntax.IsPort(number))
        {
            context.Error(DiagnosticCodes.InvalidPort, path + SidecarPortNumber, $"port {number} must be in range 1..65535.");
        }
    }
}
