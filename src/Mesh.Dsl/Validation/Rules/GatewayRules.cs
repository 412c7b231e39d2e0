using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>Gateway field rules GW-01…GW-16 with the ServerTLS rules ST-01…ST-11 (catalogue §3.4, §2.2).</summary>
internal sealed class GatewayRules() : FieldRule<Gateway>(
    "gateway.fields",
    "Gateway field rules (GW-01…GW-16) with the server TLS rules (ST-01…ST-11).",
    [
        DiagnosticCodes.InvalidResourceName, DiagnosticCodes.MissingField, DiagnosticCodes.InvalidHost,
        DiagnosticCodes.InvalidPort, DiagnosticCodes.InvalidProtocol, DiagnosticCodes.DuplicatePort,
        DiagnosticCodes.InvalidAddress, DiagnosticCodes.ConflictingFields, DiagnosticCodes.IgnoredField,
        DiagnosticCodes.InvalidServerTls, DiagnosticCodes.InvalidEnumValue, DiagnosticCodes.InlinedCertificate
    ])
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => GatewaySpec.Schema);
    private static readonly FieldPath InServer = FieldPath.In(() => Server.Schema);
    private static readonly FieldPath ServerTls = InServer.Field("tls");
    private static readonly FieldPath SpecServers = Spec.Field("servers");
    private static readonly FieldPath ServerHosts = InServer.Field("hosts");
    private static readonly FieldPath ServerPort = InServer.Field("port");
    private static readonly FieldPath ServerPortNumber = InServer.Field("port.number");
    private static readonly FieldPath ServerPortProtocol = InServer.Field("port.protocol");
    private static readonly FieldPath ServerPortName = InServer.Field("port.name");
    private static readonly FieldPath ServerPortTargetPort = InServer.Field("port.targetPort");
    private static readonly FieldPath ServerBind = InServer.Field("bind");
    private static readonly FieldPath InServerTlsSettings = FieldPath.In(() => ServerTlsSettings.Schema);
    private static readonly FieldPath ServerTlsSettingsMinProtocolVersion = InServerTlsSettings.Field("minProtocolVersion");
    private static readonly FieldPath ServerTlsSettingsCipherSuites = InServerTlsSettings.Field("cipherSuites");
    private static readonly FieldPath ServerTlsSettingsMode = InServerTlsSettings.Field("mode");
    private static readonly FieldPath ServerTlsSettingsMaxProtocolVersion = InServerTlsSettings.Field("maxProtocolVersion");
    private static readonly FieldPath ServerTlsSettingsCaCrl = InServerTlsSettings.Field("caCrl");
    private static readonly FieldPath ServerTlsSettingsHttpsRedirect = InServerTlsSettings.Field("httpsRedirect");
    private static readonly FieldPath ServerTlsSettingsCaCertificates = InServerTlsSettings.Field("caCertificates");
    private static readonly FieldPath ServerTlsSettingsServerCertificate = InServerTlsSettings.Field("serverCertificate");
    private static readonly FieldPath ServerTlsSettingsPrivateKey = InServerTlsSettings.Field("privateKey");

    private static readonly HashSet<string> KnownCiphers = new(StringComparer.Ordinal)
    {
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305", "ECDHE-ECDSA-AES128-SHA", "ECDHE-RSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA",
        "ECDHE-RSA-AES256-SHA", "AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-SHA", "AES256-SHA", "DES-CBC3-SHA",
    };

    public override void Check(Gateway gateway, RuleContext context)
    {
        if (gateway.MetadataName is { } name && name.Contains('.'))
        {
            context.Error(DiagnosticCodes.InvalidResourceName, FieldPath.Metadata.Name, $"Gateway name '{name}' must be a DNS label without dots, because VirtualServices reference it as namespace/name; use '-' instead.");
        }

        var spec = gateway.Spec;
        if (spec.ServersOrEmpty.Count == 0)
        {
            context.Error(DiagnosticCodes.MissingField, SpecServers, "a Gateway needs at least one server; add a server with port and hosts.");
        }

        var portNames = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < spec.ServersOrEmpty.Count; i++)
        {
            var server = spec.ServersOrEmpty[i];
            var path = context.Path(Spec, SpecServers, i);
            if (server.HostsOrEmpty.Count == 0)
            {
                context.Error(DiagnosticCodes.MissingField, path + ServerHosts, "the server needs at least one host; list the hosts it serves, e.g. '*/example.com'.");
            }

            for (var h = 0; h < server.HostsOrEmpty.Count; h++)
            {
                if (HostProblem(server.HostsOrEmpty[h], sidecar: false) is { } problem)
                {
                    context.Error(DiagnosticCodes.InvalidHost, $"{path}{ServerHosts}[{h}]", $"invalid server host '{server.HostsOrEmpty[h]}': {problem}.");
                }
            }

            var protocol = server.Port?.Protocol;
            if (server.Port is not { } port || port.Number is null || string.IsNullOrEmpty(port.Protocol) || string.IsNullOrEmpty(port.Name))
            {
                context.Error(DiagnosticCodes.MissingField, path + ServerPort, "the server port needs number, protocol and name.");
            }
            else
            {
                var unixBind = server.Bind?.StartsWith("unix://", StringComparison.Ordinal) == true;
                if (unixBind ? port.Number != 0 : !IstioSyntax.IsPort(port.Number))
                {
                    context.Error(DiagnosticCodes.InvalidPort, path + ServerPortNumber, unixBind ? "a server bound to a unix socket must use port number 0." : $"port {port.Number} must be in range 1..65535.");
                }

                if (!IstioSyntax.IsProtocol(port.Protocol))
                {
                    context.Error(DiagnosticCodes.InvalidProtocol, path + ServerPortProtocol, $"unsupported protocol '{port.Protocol}'; use HTTP, HTTPS, GRPC, HTTP2, MONGO, TCP or TLS.");
                }

                if (portNames.TryGetValue(port.Name, out var other))
                {
                    context.Error(DiagnosticCodes.DuplicatePort, path + ServerPortName, $"port name '{port.Name}' is already used by server {other}; port names must be unique across servers (e.g. https-{i}).");
                }
                else
                {
                    portNames[port.Name] = i;
                }

#pragma warning disable CS0618 // Istio's deprecated fields are still checked while Istio accepts them.
                if (port.TargetPort is not null)
#pragma warning restore CS0618
                {
                    context.Error(DiagnosticCodes.InvalidPort, path + ServerPortTargetPort, "targetPort is not supported on Gateways; remove it.");
                }
            }

            if (server.Bind is { Length: > 0 } bind && !(bind.StartsWith("unix://", StringComparison.Ordinal) ? IstioSyntax.IsUnixAddress(bind) : IstioSyntax.IsIp(bind)))
            {
                context.Error(DiagnosticCodes.InvalidAddress, path + ServerBind, $"bind '{bind}' must be an IP address or unix:///absolute/path.");
            }

            CheckServerTls(server.Tls, protocol, path, context);
        }
    }

    /// <summary>G-06: why a <c>namespace/dnsName</c> host is invalid, or null.</summary>
    public static string? HostProblem(string value, bool sidecar)
    {
        var slash = value.IndexOf('/');
        if (slash < 0 && sidecar)
        {
            return "Sidecar hosts must be written <namespace>/<dnsName>, e.g. './*' or 'istio-system/*'";
        }

        var ns = slash < 0 ? "*" : value[..slash];
        var dns = slash < 0 ? value : value[(slash + 1)..];
        if (sidecar && ns.StartsWith('~'))
        {
            ns = ns.Length == 1 ? "*" : ns[1..];
        }

        if (ns.Length == 0 || dns.Length == 0)
        {
            return "both the namespace and the host part must be non-empty";
        }

        if (ns != "*" && ns != "." && !IstioSyntax.IsDnsLabel(ns))
        {
            return $"'{ns}' is not '*', '.' or a namespace name";
        }

        if (dns == "*" || (!sidecar && IstioSyntax.IsIp(dns)))
        {
            return null;
        }

        if (IstioSyntax.IsPartialWildcard(dns))
        {
            return "partial wildcards are not allowed; use '*.' as the left-most label";
        }

        if (IstioSyntax.IsShortName(dns))
        {
            return "short names are not allowed here; use a fully qualified name";
        }

        return IstioSyntax.IsWildcardDomain(dns) ? null : "it is not a valid DNS name";
    }

    /// <summary>ST-03 (TLS below 1.2 without ciphers) and ST-04 (unknown or duplicate cipher suites), both warnings.</summary>
    private static void CheckCiphers(ServerTlsSettings tls, string path, RuleContext context)
    {
        if (tls.MinProtocolVersion is TlsProtocolVersion.Tls1_0 or TlsProtocolVersion.Tls1_1 && tls.CipherSuitesOrEmpty.Count == 0)
        {
            context.Warning(DiagnosticCodes.InvalidServerTls, path + ServerTlsSettingsMinProtocolVersion, "TLS versions below TLSV1_2 need explicit cipherSuites, because the default ciphers no longer include compatible ones; list them or use TLSV1_2.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tls.CipherSuitesOrEmpty.Count; i++)
        {
            var cipher = tls.CipherSuitesOrEmpty[i];
            var known = cipher == "ALL" || KnownCiphers.Contains(cipher) || (cipher.Length > 0 && !char.IsAsciiLetterOrDigit(cipher[0]));
            if (!known || !seen.Add(cipher))
            {
                context.Warning(DiagnosticCodes.IgnoredField, $"{path}{ServerTlsSettingsCipherSuites}[{i}]", known
                    ? $"cipher suite '{cipher}' is listed twice and the duplicate is ignored; remove it."
                    : $"cipher suite '{cipher}' is not supported and will be ignored; use e.g. ECDHE-RSA-AES128-GCM-SHA256.");
            }
        }
    }

    /// <summary>GW-12…GW-15 and ST-01…ST-11; used for Sidecar ingress TLS too.</summary>
    public static void CheckServerTls(ServerTlsSettings? tls, string? protocol, string path, RuleContext context)
    {
        var tlsProtocol = IstioSyntax.IsTlsProtocol(protocol);
        if (tls is null)
        {
            if (tlsProtocol)
            {
                context.Error(DiagnosticCodes.InvalidServerTls, path + ServerTls, $"a {protocol} server requires tls settings; add tls with mode SIMPLE and a credentialName, or PASSTHROUGH.");
            }

            return;
        }

        path = context.Path(path, ServerTls);
        CommonRules.CheckEnum(context, tls.Mode, path, ServerTlsSettingsMode);
        CommonRules.CheckEnum(context, tls.MinProtocolVersion, path, ServerTlsSettingsMinProtocolVersion);
        CommonRules.CheckEnum(context, tls.MaxProtocolVersion, path, ServerTlsSettingsMaxProtocolVersion);
        CheckCiphers(tls, path, context);
        foreach (var (count, field) in new[] { (tls.CredentialNamesOrEmpty.Count, "credentialNames"), (tls.TlsCertificatesOrEmpty.Count, "tlsCertificates") })
        {
            if (count > 2)
            {
                context.Error(DiagnosticCodes.InvalidServerTls, $"{path}.{field}", $"{field} has {count} entries; it takes 1 or 2 (one RSA and one ECDSA certificate).");
            }
        }

        // ST-11. Q-12: the webhook skips the credentialName case for SIMPLE/MUTUAL/OPTIONAL_MUTUAL, but the
        // CRL must live inside the credential in every mode, so we report it always (the stricter rule).
        if (IstioSyntax.IsSet(tls.CaCrl))
        {
            if (IstioSyntax.IsSet(tls.CredentialName) || tls.CredentialNamesOrEmpty.Count > 0)
            {
                context.Error(DiagnosticCodes.ConflictingFields, path + ServerTlsSettingsCaCrl, "caCrl cannot be combined with credentialName; put the CRL into the credential (key ca.crl) and remove caCrl.");
            }
            else if (tls.Mode == ServerTlsMode.Simple)
            {
                context.Error(DiagnosticCodes.ConflictingFields, path + ServerTlsSettingsCaCrl, "caCrl is not supported with SIMPLE TLS, which does not verify clients; remove it or use MUTUAL.");
            }
        }

        var mode = tls.Mode ?? ServerTlsMode.Passthrough;
        var passthrough = mode is ServerTlsMode.Passthrough or ServerTlsMode.AutoPassthrough;
        if (IstioSyntax.IsHttpProtocol(protocol))
        {
            if (!passthrough || IstioSyntax.IsSet(tls.ServerCertificate) || IstioSyntax.IsSet(tls.PrivateKey) || IstioSyntax.IsSet(tls.CaCertificates))
            {
                context.Error(DiagnosticCodes.InvalidServerTls, path, "a plain-text HTTP server can only use tls.httpsRedirect; use protocol HTTPS to terminate TLS.");
            }
        }
        else if (!tlsProtocol && IstioSyntax.IsSet(protocol))
        {
            context.Error(DiagnosticCodes.InvalidServerTls, path, $"TLS settings are only allowed on HTTPS or TLS ports, not {protocol}; change the protocol or remove tls.");
        }

        if (tls.HttpsRedirect == true && !IstioSyntax.IsHttpProtocol(protocol))
        {
            context.Warning(DiagnosticCodes.IgnoredField, path + ServerTlsSettingsHttpsRedirect, "httpsRedirect only applies to HTTP servers; remove it.");
        }

        var hasPair = IstioSyntax.IsSet(tls.ServerCertificate) || IstioSyntax.IsSet(tls.PrivateKey);
        var hasCredential = IstioSyntax.IsSet(tls.CredentialName) || tls.CredentialNamesOrEmpty.Count > 0;
        if (mode == ServerTlsMode.IstioMutual)
        {
            if (hasPair || IstioSyntax.IsSet(tls.CaCertificates) || hasCredential || tls.TlsCertificatesOrEmpty.Count > 0)
            {
                context.Error(DiagnosticCodes.ConflictingFields, path, "ISTIO_MUTUAL uses the mesh's certificates; remove serverCertificate, privateKey, caCertificates, credentialName(s) and tlsCertificates.");
            }
        }
        else if (mode is ServerTlsMode.Simple or ServerTlsMode.Mutual or ServerTlsMode.OptionalMutual)
        {
            var sources = (hasPair ? 1 : 0) + (IstioSyntax.IsSet(tls.CredentialName) ? 1 : 0) + (tls.CredentialNamesOrEmpty.Count > 0 ? 1 : 0) + (tls.TlsCertificatesOrEmpty.Count > 0 ? 1 : 0);
            if (sources > 1)
            {
                context.Error(DiagnosticCodes.ConflictingFields, path, "only one of credentialName, credentialNames, serverCertificate/privateKey and tlsCertificates may be set; keep one certificate source.");
            }
            else if (!hasCredential)
            {
                if (tls.TlsCertificatesOrEmpty.Count == 0 && (!IstioSyntax.IsSet(tls.ServerCertificate) || !IstioSyntax.IsSet(tls.PrivateKey)))
                {
                    context.Error(DiagnosticCodes.MissingField, path, $"{CommonRules.EnumName(mode)} requires serverCertificate and privateKey, or a credentialName.");
                }

                if (mode != ServerTlsMode.Simple && !IstioSyntax.IsSet(tls.CaCertificates))
                {
                    context.Error(DiagnosticCodes.MissingField, path + ServerTlsSettingsCaCertificates, $"{CommonRules.EnumName(mode)} TLS requires caCertificates to verify clients (or a credentialName holding the CA).");
                }
            }
        }
        else if (hasPair || hasCredential || IstioSyntax.IsSet(tls.CaCertificates) || tls.TlsCertificatesOrEmpty.Count > 0)
        {
            context.Warning(DiagnosticCodes.IgnoredField, path, $"{CommonRules.EnumName(mode)} does not use certificates; they will be ignored.");
        }

        DestinationRuleRules.Inlined(tls.ServerCertificate, path, ServerTlsSettingsServerCertificate, context);
        DestinationRuleRules.Inlined(tls.PrivateKey, path, ServerTlsSettingsPrivateKey, context);
        DestinationRuleRules.Inlined(tls.CaCertificates, path, ServerTlsSettingsCaCertificates, context);
    }
}
