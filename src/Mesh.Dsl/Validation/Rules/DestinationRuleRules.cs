using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// DestinationRule field rules DR-01…DR-10 with the shared TrafficPolicy (TP), ConnectionPool (CP),
/// OutlierDetection (OD) and ClientTLS (CT) rules of catalogue §2, plus the per-resource advice
/// IST0128/IST0129 and MESH3003/3004/3007.
/// </summary>
internal sealed class DestinationRuleRules() : FieldRule<DestinationRule>(
    "destinationrule.fields",
    "DestinationRule field rules (DR-01…DR-10) with the TrafficPolicy, ConnectionPool, OutlierDetection, LoadBalancer and ClientTLS rules (TP, CP, OD, LB, CT).",
    [
        DiagnosticCodes.MissingField, DiagnosticCodes.InvalidHost, DiagnosticCodes.InvalidResourceName,
        DiagnosticCodes.InvalidLabels, DiagnosticCodes.InvalidExportTo, DiagnosticCodes.EmptyWorkloadSelector,
        DiagnosticCodes.InvalidWorkloadSelector, DiagnosticCodes.InvalidTrafficPolicy, DiagnosticCodes.ConflictingFields,
        DiagnosticCodes.EmptyConfiguration, DiagnosticCodes.Deprecated, DiagnosticCodes.IgnoredField,
        DiagnosticCodes.InvalidClientTls, DiagnosticCodes.InvalidDuration, DiagnosticCodes.InvalidPercentage,
        DiagnosticCodes.InvalidPort, DiagnosticCodes.InvalidEnumValue
    ])
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => DestinationRuleSpec.Schema);
    private static readonly FieldPath InSubset = FieldPath.In(() => Subset.Schema);
    private static readonly FieldPath SpecHost = Spec.Field("host");
    private static readonly FieldPath SpecTrafficPolicy = Spec.Field("trafficPolicy");
    private static readonly FieldPath SpecSubsets = Spec.Field("subsets");
    private static readonly FieldPath SubsetName = InSubset.Field("name");
    private static readonly FieldPath SubsetLabels = InSubset.Field("labels");
    private static readonly FieldPath SubsetTrafficPolicy = InSubset.Field("trafficPolicy");
    private static readonly FieldPath SpecExportTo = Spec.Field("exportTo");
    private static readonly FieldPath SpecWorkloadSelectorMatchLabels = Spec.Field("workloadSelector.matchLabels");
    private static readonly FieldPath InTrafficPolicy = FieldPath.In(() => TrafficPolicy.Schema);
    private static readonly FieldPath InPortTrafficPolicy = FieldPath.In(() => PortTrafficPolicy.Schema);
    private static readonly FieldPath PortTrafficPolicyTls = InPortTrafficPolicy.Field("tls");
    private static readonly FieldPath TrafficPolicyLoadBalancer = InTrafficPolicy.Field("loadBalancer");
    private static readonly FieldPath TrafficPolicyConnectionPool = InTrafficPolicy.Field("connectionPool");
    private static readonly FieldPath TrafficPolicyOutlierDetection = InTrafficPolicy.Field("outlierDetection");
    private static readonly FieldPath TrafficPolicyTunnel = InTrafficPolicy.Field("tunnel");
    private static readonly FieldPath TrafficPolicyPortLevelSettings = InTrafficPolicy.Field("portLevelSettings");
    private static readonly FieldPath TrafficPolicyProxyProtocolVersion = InTrafficPolicy.Field("proxyProtocol.version");
    private static readonly FieldPath TrafficPolicyRetryBudgetPercent = InTrafficPolicy.Field("retryBudget.percent");
    private static readonly FieldPath TrafficPolicyTunnelProtocol = InTrafficPolicy.Field("tunnel.protocol");
    private static readonly FieldPath TrafficPolicyTunnelTargetHost = InTrafficPolicy.Field("tunnel.targetHost");
    private static readonly FieldPath TrafficPolicyTunnelTargetPort = InTrafficPolicy.Field("tunnel.targetPort");
    private static readonly FieldPath PortTrafficPolicyPort = InPortTrafficPolicy.Field("port");
    private static readonly FieldPath InConnectionPoolSettings = FieldPath.In(() => ConnectionPoolSettings.Schema);
    private static readonly FieldPath ConnectionPoolSettingsHttpHttp1MaxPendingRequests = InConnectionPoolSettings.Field("http.http1MaxPendingRequests");
    private static readonly FieldPath ConnectionPoolSettingsHttpHttp2MaxRequests = InConnectionPoolSettings.Field("http.http2MaxRequests");
    private static readonly FieldPath ConnectionPoolSettingsHttpMaxRequestsPerConnection = InConnectionPoolSettings.Field("http.maxRequestsPerConnection");
    private static readonly FieldPath ConnectionPoolSettingsHttpMaxRetries = InConnectionPoolSettings.Field("http.maxRetries");
    private static readonly FieldPath ConnectionPoolSettingsHttpMaxConcurrentStreams = InConnectionPoolSettings.Field("http.maxConcurrentStreams");
    private static readonly FieldPath ConnectionPoolSettingsHttpIdleTimeout = InConnectionPoolSettings.Field("http.idleTimeout");
    private static readonly FieldPath ConnectionPoolSettingsHttpH2UpgradePolicy = InConnectionPoolSettings.Field("http.h2UpgradePolicy");
    private static readonly FieldPath ConnectionPoolSettingsHttpHttp2KeepAlive = InConnectionPoolSettings.Field("http.http2KeepAlive");
    private static readonly FieldPath ConnectionPoolSettingsHttpHttp2KeepAliveInterval = InConnectionPoolSettings.Field("http.http2KeepAlive.interval");
    private static readonly FieldPath ConnectionPoolSettingsHttpHttp2KeepAliveTimeout = InConnectionPoolSettings.Field("http.http2KeepAlive.timeout");
    private static readonly FieldPath ConnectionPoolSettingsHttpUseClientProtocol = InConnectionPoolSettings.Field("http.useClientProtocol");
    private static readonly FieldPath ConnectionPoolSettingsTcpMaxConnections = InConnectionPoolSettings.Field("tcp.maxConnections");
    private static readonly FieldPath ConnectionPoolSettingsTcpConnectTimeout = InConnectionPoolSettings.Field("tcp.connectTimeout");
    private static readonly FieldPath ConnectionPoolSettingsTcpMaxConnectionDuration = InConnectionPoolSettings.Field("tcp.maxConnectionDuration");
    private static readonly FieldPath ConnectionPoolSettingsTcpTcpKeepaliveTime = InConnectionPoolSettings.Field("tcp.tcpKeepalive.time");
    private static readonly FieldPath ConnectionPoolSettingsTcpTcpKeepaliveInterval = InConnectionPoolSettings.Field("tcp.tcpKeepalive.interval");
    private static readonly FieldPath ConnectionPoolSettingsTcpIdleTimeout = InConnectionPoolSettings.Field("tcp.idleTimeout");
    private static readonly FieldPath InOutlierDetection = FieldPath.In(() => OutlierDetection.Schema);
    private static readonly FieldPath OutlierDetectionBaseEjectionTime = InOutlierDetection.Field("baseEjectionTime");
    private static readonly FieldPath OutlierDetectionInterval = InOutlierDetection.Field("interval");
    private static readonly FieldPath OutlierDetectionConsecutiveErrors = InOutlierDetection.Field("consecutiveErrors");
    private static readonly FieldPath OutlierDetectionConsecutiveLocalOriginFailures = InOutlierDetection.Field("consecutiveLocalOriginFailures");
    private static readonly FieldPath OutlierDetectionMaxEjectionPercent = InOutlierDetection.Field("maxEjectionPercent");
    private static readonly FieldPath OutlierDetectionMinHealthPercent = InOutlierDetection.Field("minHealthPercent");
    private static readonly FieldPath OutlierDetectionOutlierDetectionHttpErrorCodes = InOutlierDetection.Field("outlierDetectionHttpErrorCodes");
    private static readonly FieldPath InClientTlsSettings = FieldPath.In(() => ClientTlsSettings.Schema);
    private static readonly FieldPath ClientTlsSettingsMode = InClientTlsSettings.Field("mode");
    private static readonly FieldPath ClientTlsSettingsCredentialName = InClientTlsSettings.Field("credentialName");
    private static readonly FieldPath ClientTlsSettingsInsecureSkipVerify = InClientTlsSettings.Field("insecureSkipVerify");
    private static readonly FieldPath TrafficPolicyTls = InTrafficPolicy.Field("tls");
    private static readonly FieldPath ClientTlsSettingsCaCertificates = InClientTlsSettings.Field("caCertificates");
    private static readonly FieldPath ClientTlsSettingsClientCertificate = InClientTlsSettings.Field("clientCertificate");
    private static readonly FieldPath ClientTlsSettingsPrivateKey = InClientTlsSettings.Field("privateKey");
    private static readonly FieldPath ClientTlsSettingsCaCrl = InClientTlsSettings.Field("caCrl");

    /// <summary>IST0128, IST0129, MESH3003, MESH3004, MESH3007 for every TLS block of the rule.</summary>
    internal sealed class TlsAdvice() : FieldRule<DestinationRule>(
        "destinationrule.tls-advice",
        "A DestinationRule that originates TLS without verifying the server (AN-15, AN-16, insecureSkipVerify), uses credentialName without workloadSelector (X-14) or inlines PEM content.",
        [
            DiagnosticCodes.NoServerCertificateVerificationDestinationLevel,
            DiagnosticCodes.NoServerCertificateVerificationPortLevel, DiagnosticCodes.CertificateVerificationDisabled,
            DiagnosticCodes.CredentialNameWithoutWorkloadSelector, DiagnosticCodes.InlinedCertificate
        ],
        advice: true)
    {
        public override void Check(DestinationRule rule, RuleContext context) => Advise(rule, context);
    }

    public override void Check(DestinationRule rule, RuleContext context)
    {
        var spec = rule.Spec;
        if (string.IsNullOrEmpty(spec.Host))
        {
            context.Error(DiagnosticCodes.MissingField, SpecHost, "a DestinationRule needs a host; set the service host name the policy applies to.");
        }
        else if (!IstioSyntax.IsWildcardDomain(spec.Host))
        {
            context.Error(DiagnosticCodes.InvalidHost, SpecHost, $"invalid host '{spec.Host}'; use a service name or FQDN ('*' only as the left-most label; IP addresses are not allowed).");
        }

        if (spec.TrafficPolicy is { } policy)
        {
            CheckTrafficPolicy(policy, SpecTrafficPolicy, context);
        }

        // Only several subsets can repeat a name.
        var names = spec.SubsetsOrEmpty.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
        for (var i = 0; i < spec.SubsetsOrEmpty.Count; i++)
        {
            var subset = spec.SubsetsOrEmpty[i];
            var path = context.Path(Spec, SpecSubsets, i);
            if (string.IsNullOrEmpty(subset.Name))
            {
                context.Error(DiagnosticCodes.MissingField, path + SubsetName, "the subset has no name; name it (e.g. v1) so routes can refer to it.");
            }
            else if (!IstioSyntax.IsDnsLabel(subset.Name))
            {
                context.Error(DiagnosticCodes.InvalidResourceName, path + SubsetName, $"subset name '{subset.Name}' must be a DNS-1123 label: letters, digits and '-', at most 63 characters.");
            }
            else if (names is not null && !names.Add(subset.Name))
            {
                context.Error(DiagnosticCodes.InvalidResourceName, path + SubsetName, $"duplicate subset '{subset.Name}'; give each subset a unique name.");
            }

            CommonRules.CheckLabels(context, subset.Labels, path, SubsetLabels);
            if (subset.TrafficPolicy is { } subsetPolicy)
            {
                CheckTrafficPolicy(subsetPolicy, context.Path(path, SubsetTrafficPolicy), context);
            }
        }

        CommonRules.CheckExportTo(context, spec.ExportToOrEmpty, SpecExportTo, allowTilde: false);
        if (spec.WorkloadSelector is { } selector)
        {
            CommonRules.CheckSelector(context, selector.MatchLabels, SpecWorkloadSelectorMatchLabels, 4096);
            if (spec.ExportToOrEmpty.Count > 0 && !(spec.ExportToOrEmpty.Count == 1 && (spec.ExportToOrEmpty[0] == "." || spec.ExportToOrEmpty[0] == context.Namespace)))
            {
                context.Error(DiagnosticCodes.InvalidExportTo, SpecExportTo, "a DestinationRule with workloadSelector can only be exported to its own namespace; set exportTo to ['.'] or remove it.");
            }
        }
    }

    private static void CheckTrafficPolicy(TrafficPolicy policy, string path, RuleContext context)
    {
        if (policy.LoadBalancer is null && policy.ConnectionPool is null && policy.OutlierDetection is null && policy.Tls is null
            && policy.PortLevelSettingsOrEmpty.Count == 0 && policy.Tunnel is null && policy.ProxyProtocol is null && policy.RetryBudget is null)
        {
            context.Error(DiagnosticCodes.EmptyConfiguration, path, "trafficPolicy sets nothing; set at least one of loadBalancer, connectionPool, outlierDetection, tls, portLevelSettings, tunnel, proxyProtocol or retryBudget, or remove it.");
        }

        if (policy.Tunnel is not null && policy.ProxyProtocol is not null)
        {
            context.Error(DiagnosticCodes.ConflictingFields, path + TrafficPolicyTunnel, "tunnel and proxyProtocol are mutually exclusive; keep one.");
        }

        if (policy.PortLevelSettingsOrEmpty.Count > 4096)
        {
            context.Error(DiagnosticCodes.InvalidTrafficPolicy, path + TrafficPolicyPortLevelSettings, $"{policy.PortLevelSettingsOrEmpty.Count} portLevelSettings entries; at most 4096 are allowed.");
        }

        if (policy.ProxyProtocol is { } proxyProtocol)
        {
            CommonRules.CheckEnum(context, proxyProtocol.Version, path, TrafficPolicyProxyProtocolVersion);
        }

        if (policy.RetryBudget?.Percent is { } budget && budget is < 0 or > 100)
        {
            context.Error(DiagnosticCodes.InvalidPercentage, path + TrafficPolicyRetryBudgetPercent, $"retryBudget.percent is {budget}; it must be between 0 and 100.");
        }

        if (policy.Tunnel is { } tunnel)
        {
            if (tunnel.Protocol is { Length: > 0 } protocol && protocol != "CONNECT" && protocol != "POST")
            {
                context.Error(DiagnosticCodes.InvalidTrafficPolicy, path + TrafficPolicyTunnelProtocol, $"tunnel protocol '{protocol}' is not supported; use CONNECT or POST.");
            }

            if (string.IsNullOrEmpty(tunnel.TargetHost) || !(IstioSyntax.IsFqdn(tunnel.TargetHost) || IstioSyntax.IsIp(tunnel.TargetHost)))
            {
                context.Error(DiagnosticCodes.InvalidTrafficPolicy, path + TrafficPolicyTunnelTargetHost, "tunnel.targetHost must be an FQDN or IP address.");
            }

            if (!IstioSyntax.IsPort(tunnel.TargetPort))
            {
                context.Error(DiagnosticCodes.InvalidPort, path + TrafficPolicyTunnelTargetPort, "tunnel.targetPort must be in range 1..65535.");
            }
        }

        CheckPortPolicy(policy.LoadBalancer, policy.ConnectionPool, policy.OutlierDetection, policy.Tls, path, context);
        for (var i = 0; i < policy.PortLevelSettingsOrEmpty.Count; i++)
        {
            var port = policy.PortLevelSettingsOrEmpty[i];
            var portPath = context.Path(path, TrafficPolicyPortLevelSettings, i);
            if (port.Port is null)
            {
                context.Error(DiagnosticCodes.MissingField, portPath + PortTrafficPolicyPort, "port-level settings need a port; set port.number.");
            }

            if (port.LoadBalancer is null && port.ConnectionPool is null && port.OutlierDetection is null && port.Tls is null)
            {
                context.Error(DiagnosticCodes.EmptyConfiguration, portPath, "port-level settings set nothing; set loadBalancer, connectionPool, outlierDetection or tls, or remove the entry.");
            }

            CheckPortPolicy(port.LoadBalancer, port.ConnectionPool, port.OutlierDetection, port.Tls, portPath, context);
        }
    }

    private static void CheckPortPolicy(LoadBalancerSettings? loadBalancer, ConnectionPoolSettings? pool, OutlierDetection? outlier, ClientTlsSettings? tls, string path, RuleContext context)
    {
        if (loadBalancer is not null)
        {
            LoadBalancerRules.Check(loadBalancer, context.Path(path, TrafficPolicyLoadBalancer), hasOutlierDetection: outlier is not null, context);
        }

        if (pool is not null)
        {
            CheckConnectionPool(pool, context.Path(path, TrafficPolicyConnectionPool), context);
        }

        if (outlier is not null)
        {
            CheckOutlierDetection(outlier, context.Path(path, TrafficPolicyOutlierDetection), context);
        }

        if (tls is not null)
        {
            CheckClientTls(tls, context.Path(path, TrafficPolicyTls), context);
        }
    }

    /// <summary>CP-01…CP-10; also used by Sidecar ingress connection pools.</summary>
    public static void CheckConnectionPool(ConnectionPoolSettings pool, string path, RuleContext context)
    {
        if (pool.Tcp is null && pool.Http is null)
        {
            context.Error(DiagnosticCodes.EmptyConfiguration, path, "connectionPool must set tcp or http; add the limits or remove it.");
        }

        if (pool.Http is { } http)
        {
            NotNegative(http.Http1MaxPendingRequests, path, ConnectionPoolSettingsHttpHttp1MaxPendingRequests, context);
            NotNegative(http.Http2MaxRequests, path, ConnectionPoolSettingsHttpHttp2MaxRequests, context);
            NotNegative(http.MaxRequestsPerConnection, path, ConnectionPoolSettingsHttpMaxRequestsPerConnection, context);
            NotNegative(http.MaxRetries, path, ConnectionPoolSettingsHttpMaxRetries, context);
            NotNegative(http.MaxConcurrentStreams, path, ConnectionPoolSettingsHttpMaxConcurrentStreams, context);
            Duration(http.IdleTimeout, path, ConnectionPoolSettingsHttpIdleTimeout, context);
            CommonRules.CheckEnum(context, http.H2UpgradePolicy, path, ConnectionPoolSettingsHttpH2UpgradePolicy);
            if (http.Http2KeepAlive is { } keepAlive)
            {
                if (keepAlive.Interval is null || keepAlive.Timeout is null)
                {
                    context.Error(DiagnosticCodes.MissingField, path + ConnectionPoolSettingsHttpHttp2KeepAlive, "http2KeepAlive requires interval and timeout; set both (e.g. interval: 30s, timeout: 10s) or remove it.");
                }

                Duration(keepAlive.Interval, path, ConnectionPoolSettingsHttpHttp2KeepAliveInterval, context);
                Duration(keepAlive.Timeout, path, ConnectionPoolSettingsHttpHttp2KeepAliveTimeout, context);
            }

            if (http.H2UpgradePolicy == H2UpgradePolicy.Upgrade && http.UseClientProtocol == true)
            {
                context.Error(DiagnosticCodes.ConflictingFields, path + ConnectionPoolSettingsHttpUseClientProtocol, "useClientProtocol cannot be true when h2UpgradePolicy is UPGRADE; keep one.");
            }
        }

        if (pool.Tcp is { } tcp)
        {
            NotNegative(tcp.MaxConnections, path, ConnectionPoolSettingsTcpMaxConnections, context);
            Duration(tcp.ConnectTimeout, path, ConnectionPoolSettingsTcpConnectTimeout, context);
            Duration(tcp.MaxConnectionDuration, path, ConnectionPoolSettingsTcpMaxConnectionDuration, context);
            Duration(tcp.TcpKeepalive?.Time, path, ConnectionPoolSettingsTcpTcpKeepaliveTime, context);
            Duration(tcp.TcpKeepalive?.Interval, path, ConnectionPoolSettingsTcpTcpKeepaliveInterval, context);
            if (tcp.IdleTimeout is { } idle && idle != TimeSpan.Zero)
            {
                // CP-09: 0s disables the idle timeout and is allowed.
                Duration(idle, path, ConnectionPoolSettingsTcpIdleTimeout, context);
            }
        }
    }

    private static void CheckOutlierDetection(OutlierDetection outlier, string path, RuleContext context)
    {
        Duration(outlier.BaseEjectionTime, path, OutlierDetectionBaseEjectionTime, context);
        Duration(outlier.Interval, path, OutlierDetectionInterval, context);
#pragma warning disable CS0618 // Istio's deprecated fields are still checked while Istio accepts them.
        if (outlier.ConsecutiveErrors is { } errors && errors != 0)
#pragma warning restore CS0618
        {
            context.Warning(DiagnosticCodes.Deprecated, path + OutlierDetectionConsecutiveErrors, "consecutiveErrors is deprecated; use consecutive5xxErrors or consecutiveGatewayErrors.");
        }

        if (outlier.ConsecutiveLocalOriginFailures is > 0 && outlier.SplitExternalLocalOriginErrors != true)
        {
            context.Error(DiagnosticCodes.InvalidTrafficPolicy, path + OutlierDetectionConsecutiveLocalOriginFailures, "consecutiveLocalOriginFailures requires splitExternalLocalOriginErrors: true; set it or remove the field.");
        }

        Percent(outlier.MaxEjectionPercent, path, OutlierDetectionMaxEjectionPercent, context);
        Percent(outlier.MinHealthPercent, path, OutlierDetectionMinHealthPercent, context);
        for (var i = 0; i < outlier.OutlierDetectionHttpErrorCodesOrEmpty.Count; i++)
        {
            if (outlier.OutlierDetectionHttpErrorCodesOrEmpty[i] is var code && code is < 100 or > 599)
            {
                context.Error(DiagnosticCodes.InvalidTrafficPolicy, $"{path}{OutlierDetectionOutlierDetectionHttpErrorCodes}[{i}]", $"HTTP error code {code} is not an HTTP status; use a code between 100 and 599 (e.g. 503).");
            }
        }
    }

    private static void CheckClientTls(ClientTlsSettings tls, string path, RuleContext context)
    {
        CommonRules.CheckEnum(context, tls.Mode, path, ClientTlsSettingsMode);
        var mode = tls.Mode ?? ClientTlsMode.Disable;
        if (tls.CredentialName is { } credential && credential.StartsWith("configmap://", StringComparison.Ordinal))
        {
            var parts = credential["configmap://".Length..].Split('/');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0 || parts[0] != context.Namespace)
            {
                context.Error(DiagnosticCodes.InvalidClientTls, path + ClientTlsSettingsCredentialName, $"configmap:// credentialName must be configmap://{context.Namespace}/<name>, in the DestinationRule's namespace.");
            }
        }

        if (tls.InsecureSkipVerify == true && mode is ClientTlsMode.Simple or ClientTlsMode.Mutual)
        {
            if (IstioSyntax.IsSet(tls.CaCertificates) || tls.SubjectAltNamesOrEmpty.Count > 0 || (mode == ClientTlsMode.Simple && IstioSyntax.IsSet(tls.CredentialName)))
            {
                context.Error(DiagnosticCodes.ConflictingFields, path + ClientTlsSettingsInsecureSkipVerify, "insecureSkipVerify cannot be combined with caCertificates, subjectAltNames or (with SIMPLE) credentialName; remove insecureSkipVerify to verify the server.");
            }
        }

        if (mode is ClientTlsMode.Simple or ClientTlsMode.Mutual && IstioSyntax.IsSet(tls.CredentialName)
            && (IstioSyntax.IsSet(tls.ClientCertificate) || IstioSyntax.IsSet(tls.PrivateKey) || IstioSyntax.IsSet(tls.CaCertificates) || IstioSyntax.IsSet(tls.CaCrl)))
        {
            context.Error(DiagnosticCodes.ConflictingFields, path + ClientTlsSettingsCredentialName, "credentialName excludes clientCertificate, privateKey, caCertificates and caCrl; the credential holds them. Keep one source.");
        }

        if (mode == ClientTlsMode.Mutual && !IstioSyntax.IsSet(tls.CredentialName) && (!IstioSyntax.IsSet(tls.ClientCertificate) || !IstioSyntax.IsSet(tls.PrivateKey)))
        {
            context.Error(DiagnosticCodes.MissingField, path, "tls mode MUTUAL requires clientCertificate and privateKey (or a credentialName).");
        }
    }

    /// <summary>IST0128/IST0129, MESH3003, MESH3004 and MESH3007 for every TLS block of the rule.</summary>
    public static void Advise(DestinationRule rule, RuleContext context)
    {
        var spec = rule.Spec;
        var hasSelector = spec.WorkloadSelector is not null;
        if (spec.TrafficPolicy is { } policy)
        {
            AdvisePolicy(policy, SpecTrafficPolicy, hasSelector, context);
        }

        for (var i = 0; i < spec.SubsetsOrEmpty.Count; i++)
        {
            if (spec.SubsetsOrEmpty[i].TrafficPolicy is { } subsetPolicy)
            {
                AdvisePolicy(subsetPolicy, context.Path(context.Path(Spec, SpecSubsets, i), SubsetTrafficPolicy), hasSelector, context);
            }
        }
    }

    private static void AdvisePolicy(TrafficPolicy policy, string path, bool hasSelector, RuleContext context)
    {
        if (policy.Tls is { } tls)
        {
            AdviseTls(tls, context.Path(path, TrafficPolicyTls), hasSelector, DiagnosticCodes.NoServerCertificateVerificationDestinationLevel, context);
        }

        for (var i = 0; i < policy.PortLevelSettingsOrEmpty.Count; i++)
        {
            if (policy.PortLevelSettingsOrEmpty[i].Tls is { } portTls)
            {
                AdviseTls(portTls, context.Path(context.Path(path, TrafficPolicyPortLevelSettings, i), PortTrafficPolicyTls), hasSelector, DiagnosticCodes.NoServerCertificateVerificationPortLevel, context);
            }
        }
    }

    /// <summary>The advice diagnostics of many rules share their paths (<see cref="RuleContext.Path(string, FieldPath)"/>).</summary>
    private static void AdviseTls(ClientTlsSettings tls, string path, bool hasSelector, string missingCaCode, RuleContext context)
    {
        var originates = tls.Mode is ClientTlsMode.Simple or ClientTlsMode.Mutual;
        if (originates && !IstioSyntax.IsSet(tls.CaCertificates) && tls.InsecureSkipVerify != true && !(IstioSyntax.IsSet(tls.CredentialName) && hasSelector))
        {
            context.Warning(missingCaCode, context.Path(path, ClientTlsSettingsCaCertificates), "TLS is originated without caCertificates, so the server certificate is not verified; set caCertificates to the CA bundle path (e.g. /etc/ssl/certs/ca-certificates.crt), or a credentialName together with a workloadSelector.");
        }

        if (originates && tls.InsecureSkipVerify == true)
        {
            context.Warning(DiagnosticCodes.CertificateVerificationDisabled, context.Path(path, ClientTlsSettingsInsecureSkipVerify), "insecureSkipVerify: true accepts any server certificate, so anyone on the path can impersonate the server; remove it and set caCertificates.");
        }

        if (originates && tls.CredentialName is { Length: > 0 } credential && !hasSelector && !credential.StartsWith("configmap://", StringComparison.Ordinal))
        {
            context.Warning(DiagnosticCodes.CredentialNameWithoutWorkloadSelector, context.Path(path, ClientTlsSettingsCredentialName), "credentialName without a workloadSelector is used only by gateways; sidecars silently send plaintext. Add a workloadSelector for the workloads that originate TLS, or use file paths.");
        }

        Inlined(tls.CaCertificates, path, ClientTlsSettingsCaCertificates, context);
        Inlined(tls.ClientCertificate, path, ClientTlsSettingsClientCertificate, context);
        Inlined(tls.PrivateKey, path, ClientTlsSettingsPrivateKey, context);
        Inlined(tls.CaCrl, path, ClientTlsSettingsCaCrl, context);
    }

    /// <summary>MESH3007: PEM text where Istio expects a file path; the path (<paramref name="path"/> + <paramref name="field"/>) is made only for such text.</summary>
    public static void Inlined(string? value, string path, string field, RuleContext context)
    {
        if (value is not null && value.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            context.Warning(DiagnosticCodes.InlinedCertificate, path + field, "PEM content is inlined where Istio expects a file path; mount the file into the proxy and give its path, or store it in a Secret and use credentialName.");
        }
    }

    public static void Inlined(string? value, string path, RuleContext context) => Inlined(value, path, string.Empty, context);

    /// <summary>G-11; the path (<paramref name="path"/> + <paramref name="field"/>) is made only for a wrong duration.</summary>
    public static void Duration(TimeSpan? value, string path, string field, RuleContext context)
    {
        if (value is { } duration && !IstioSyntax.IsDuration(duration))
        {
            context.Error(DiagnosticCodes.InvalidDuration, path + field, $"duration {duration} must be at least 1ms and a whole number of milliseconds.");
        }
    }

    public static void Duration(TimeSpan? value, string path, RuleContext context) => Duration(value, path, string.Empty, context);

    /// <summary>The path (<paramref name="path"/> + <paramref name="field"/>) is made only for a wrong value.</summary>
    private static void NotNegative(int? value, string path, string field, RuleContext context)
    {
        if (value is < 0)
        {
            context.Error(DiagnosticCodes.InvalidTrafficPolicy, path + field, $"{field[(field.LastIndexOf('.') + 1)..]} is {value}; it must be >= 0.");
        }
    }

    /// <summary>The path (<paramref name="path"/> + <paramref name="field"/>) is made only for a wrong value.</summary>
    public static void Percent(int? value, string path, string field, RuleContext context)
    {
        if (value is < 0 or > 100)
        {
            context.Error(DiagnosticCodes.InvalidPercentage, path + field, $"{field[(field.LastIndexOf('.') + 1)..]} is {value}; it must be between 0 and 100.");
        }
    }
}
