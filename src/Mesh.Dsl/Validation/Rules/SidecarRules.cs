using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>Sidecar field rules SC-01…SC-23 (catalogue §3.5), the main ones.</summary>
internal static class SidecarRules
{
    public static void Check(Sidecar sidecar, RuleContext context)
    {
        var spec = sidecar.Spec;
        if (spec.WorkloadSelector is { } selector)
        {
            CommonRules.CheckSelector(context, selector.Labels, "spec.workloadSelector.labels", 256);
        }

        if (spec.Egress.Count == 0 && spec.Ingress.Count == 0 && spec.OutboundTrafficPolicy is null && spec.InboundConnectionPool is null)
        {
            context.Error(DiagnosticCodes.EmptyConfiguration, "spec", "the Sidecar configuration is empty; set egress, ingress, outboundTrafficPolicy or inboundConnectionPool.");
        }

        var ingressPorts = new HashSet<uint>();
        for (var i = 0; i < spec.Ingress.Count; i++)
        {
            var listener = spec.Ingress[i];
            var path = $"spec.ingress[{i}]";
            if (listener.Port is not { } port)
            {
                context.Error(DiagnosticCodes.MissingField, path + ".port", "an ingress listener needs a port.");
            }
            else
            {
                CheckPort(port, path + ".port", context);
                if (port.Number is { } number && !ingressPorts.Add(number))
                {
                    context.Error(DiagnosticCodes.DuplicatePort, path + ".port.number", $"ingress port {number} is already used by another listener; ingress ports must be unique.");
                }
            }

            if (listener.Bind is { } bind && !IstioSyntax.IsIp(bind))
            {
                context.Error(DiagnosticCodes.InvalidAddress, path + ".bind", $"ingress bind '{bind}' must be an IP address.");
            }

            if (listener.Tls is { } tls)
            {
                if (tls.CredentialName is not null || tls.CredentialNames.Count > 0 || tls.TlsCertificates.Count > 0 || tls.HttpsRedirect is not null || tls.SubjectAltNames.Count > 0
                    || tls.Mode is ServerTlsMode.IstioMutual or ServerTlsMode.AutoPassthrough)
                {
                    context.Error(DiagnosticCodes.InvalidServerTls, path + ".tls", "sidecar ingress TLS supports only file-based certificates: no credentialName(s), tlsCertificates, httpsRedirect, subjectAltNames, ISTIO_MUTUAL or AUTO_PASSTHROUGH.");
                }

                if (!IstioSyntax.IsTlsProtocol(listener.Port?.Protocol))
                {
                    context.Error(DiagnosticCodes.InvalidServerTls, path + ".tls", "TLS settings require an HTTPS or TLS port protocol.");
                }
                else
                {
                    GatewayRules.CheckServerTls(tls, listener.Port?.Protocol, path, context);
                }
            }

            if (listener.ConnectionPool is { } pool)
            {
                DestinationRuleRules.CheckConnectionPool(pool, path + ".connectionPool", context);
            }
        }

        if (spec.InboundConnectionPool is { } inbound)
        {
            DestinationRuleRules.CheckConnectionPool(inbound, "spec.inboundConnectionPool", context);
        }

        var catchAll = -1;
        var egressPorts = new HashSet<uint>();
        for (var i = 0; i < spec.Egress.Count; i++)
        {
            var listener = spec.Egress[i];
            var path = $"spec.egress[{i}]";
            if (listener.Port is null)
            {
                if (catchAll >= 0)
                {
                    context.Error(DiagnosticCodes.InvalidSidecarListener, path, $"egress listener {catchAll} already has no port; only one catch-all egress listener is allowed.");
                }

                catchAll = i;
            }
            else
            {
                CheckPort(listener.Port, path + ".port", context);
                if (listener.Port.Number is { } number && number != 0 && !egressPorts.Add(number))
                {
                    context.Error(DiagnosticCodes.DuplicatePort, path + ".port.number", $"egress port {number} is already used by another listener; egress ports must be unique.");
                }
            }

            if (listener.Hosts.Count == 0)
            {
                context.Error(DiagnosticCodes.MissingField, path + ".hosts", "an egress listener needs hosts, e.g. './*' and 'istio-system/*'.");
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var h = 0; h < listener.Hosts.Count; h++)
            {
                var host = listener.Hosts[h];
                if (GatewayRules.HostProblem(host, sidecar: true) is { } problem)
                {
                    context.Error(DiagnosticCodes.InvalidHost, $"{path}.hosts[{h}]", $"invalid egress host '{host}': {problem}.");
                }
                else if (!seen.Add(host.StartsWith("./", StringComparison.Ordinal) ? context.Namespace + host[1..] : host))
                {
                    context.Warning(DiagnosticCodes.InvalidSidecarListener, $"{path}.hosts[{h}]", $"duplicate egress host '{host}'; remove it.");
                }
            }
        }

        if (catchAll >= 0 && catchAll != spec.Egress.Count - 1)
        {
            context.Error(DiagnosticCodes.InvalidSidecarListener, $"spec.egress[{catchAll}]", "the catch-all egress listener (no port) must be the last one; move it to the end.");
        }

        if (spec.OutboundTrafficPolicy?.EgressProxy is { } proxy)
        {
            if (spec.OutboundTrafficPolicy.Mode != OutboundTrafficPolicyMode.AllowAny)
            {
                context.Error(DiagnosticCodes.InvalidOutboundTrafficPolicy, "spec.outboundTrafficPolicy.egressProxy", "egressProxy requires outboundTrafficPolicy.mode ALLOW_ANY.");
            }

            if (proxy.Port is null)
            {
                context.Error(DiagnosticCodes.InvalidOutboundTrafficPolicy, "spec.outboundTrafficPolicy.egressProxy.port", "egressProxy needs a port.");
            }

            VirtualServiceRules.CheckDestination(proxy, "spec.outboundTrafficPolicy.egressProxy", context);
            context.Warning(DiagnosticCodes.Deprecated, "spec.outboundTrafficPolicy.egressProxy", "egressProxy is ignored by current Istio releases; route egress through an egress gateway instead.");
        }
    }

    private static void CheckPort(Port port, string path, RuleContext context)
    {
        if (port.TargetPort is not null)
        {
            context.Error(DiagnosticCodes.InvalidPort, path + ".targetPort", "targetPort is not supported on Sidecar listeners; remove it.");
        }

        if (port.Name is { } name && !IstioSyntax.IsDnsLabel(name))
        {
            context.Error(DiagnosticCodes.InvalidPortName, path + ".name", $"port name '{name}' must be a DNS-1123 label.");
        }

        if (port.Protocol is { } protocol && !IstioSyntax.IsProtocol(protocol))
        {
            context.Error(DiagnosticCodes.InvalidProtocol, path + ".protocol", $"unsupported protocol '{protocol}'.");
        }

        if (port.Number is { } number && number != 0 && !IstioSyntax.IsPort(number))
        {
            context.Error(DiagnosticCodes.InvalidPort, path + ".number", $"port {number} must be in range 1..65535.");
        }
    }
}
