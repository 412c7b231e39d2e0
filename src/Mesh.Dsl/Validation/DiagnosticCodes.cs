namespace Mesh.Dsl.Validation;

/// <summary>
/// Every diagnostic code Mesh.Dsl reports: Istio's <c>IST</c> codes where <c>istioctl analyze</c> has one,
/// <c>MESH1xxx</c> for field rules, <c>MESH2xxx</c> for cross-resource checks and <c>MESH3xxx</c> for
/// security advice. <see cref="All"/> documents each one; docs/diagnostics.md lists the same table.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>IST0002 Deprecated: A deprecated field is set (OD-02 consecutiveErrors, LB-05 minimumRingSize, VS-H21 mirrorPercent, AN-14 fault.delay.percent, Sidecar egressProxy).</summary>
    public const string Deprecated = "IST0002";

    /// <summary>IST0101 ReferencedResourceNotFound: A reference points at nothing: a VirtualService gateway (AN-01), a destination subset no DestinationRule defines (AN-04), a destination host no ServiceEntry declares (AN-05, only for hosts outside the cluster domain), a destination port the ServiceEntry does not expose (AN-06), and, when Kubernetes objects are given, a Gateway or Sidecar selector that matches no pod (AN-21, AN-27) or a Gateway credentialName without a Secret in the gateway pods' namespace (AN-23).</summary>
    public const string ReferencedResourceNotFound = "IST0101";

    /// <summary>IST0109 ConflictingMeshGatewayVirtualServiceHosts: Several mesh-bound VirtualServices (no gateways, or `mesh`) define the same host in overlapping exportTo scopes (AN-09); Istio picks one arbitrarily.</summary>
    public const string ConflictingMeshGatewayVirtualServiceHosts = "IST0109";

    /// <summary>IST0110 ConflictingSidecarWorkloadSelectors: A pod is selected by more than one Sidecar (AN-26; needs Pods); which one applies is undefined.</summary>
    public const string ConflictingSidecarWorkloadSelectors = "IST0110";

    /// <summary>IST0111 MultipleSidecarsWithoutWorkloadSelectors: More than one Sidecar without workloadSelector in one namespace (AN-25); only one of them takes effect.</summary>
    public const string MultipleSidecarsWithoutWorkloadSelectors = "IST0111";

    /// <summary>IST0112 VirtualServiceDestinationPortSelectorRequired: A route destination has no port while the ServiceEntry of its host exposes several ports (AN-07).</summary>
    public const string VirtualServiceDestinationPortSelectorRequired = "IST0112";

    /// <summary>IST0128 NoServerCertificateVerificationDestinationLevel: A DestinationRule originates TLS (SIMPLE/MUTUAL) without caCertificates, so the server certificate is not verified (AN-15; subsets are checked too).</summary>
    public const string NoServerCertificateVerificationDestinationLevel = "IST0128";

    /// <summary>IST0129 NoServerCertificateVerificationPortLevel: As IST0128 for a portLevelSettings[].tls (AN-16).</summary>
    public const string NoServerCertificateVerificationPortLevel = "IST0129";

    /// <summary>IST0130 VirtualServiceUnreachableRule: A VirtualService rule can never match: it follows a match-less rule, or all its matches repeat earlier ones (VS-09).</summary>
    public const string VirtualServiceUnreachableRule = "IST0130";

    /// <summary>IST0131 VirtualServiceIneffectiveMatch: A match repeats an earlier one, or an earlier uri prefix already covers it (VS-10).</summary>
    public const string VirtualServiceIneffectiveMatch = "IST0131";

    /// <summary>IST0132 VirtualServiceHostNotFoundInGateway: None of the VirtualService's hosts is served by a Gateway it is bound to (AN-02); the routes never apply at that gateway.</summary>
    public const string VirtualServiceHostNotFoundInGateway = "IST0132";

    /// <summary>IST0134 ServiceEntryAddressesRequired: A ServiceEntry with resolution NONE and no addresses has a TCP or unset-protocol port (SE-14, AN-29): without an address the sidecar cannot tell its traffic apart.</summary>
    public const string ServiceEntryAddressesRequired = "IST0134";

    /// <summary>IST0138 GatewayDuplicateCertificate: Two Gateways on the same workload use the same certificate (AN-20); HTTP/2 connection reuse then routes requests to the wrong server (404).</summary>
    public const string GatewayDuplicateCertificate = "IST0138";

    /// <summary>IST0140 IngressRouteRulesNotAffected: A gateway VirtualService routes to a host without subset while the host's mesh VirtualService splits it by subset (AN-08); the subset routing does not apply to ingress traffic.</summary>
    public const string IngressRouteRulesNotAffected = "IST0140";

    /// <summary>IST0145 ConflictingGateways: Two Gateways with the same selector serve the same port, bind and host (AN-19).</summary>
    public const string ConflictingGateways = "IST0145";

    /// <summary>IST0161 InvalidGatewayCredential: The Secret a Gateway's tls.credentialName names exists but holds no usable certificate and key (AN-24; needs Secrets): keys missing (tls.crt/tls.key or cert/key), unparsable PEM, or an expired certificate.</summary>
    public const string InvalidGatewayCredential = "IST0161";

    /// <summary>IST0162 GatewayPortNotDefinedOnService: A Gateway server port is neither a port nor a targetPort of any Service selecting the gateway pods (AN-22; needs Pods and Services); traffic never reaches it.</summary>
    public const string GatewayPortNotDefinedOnService = "IST0162";

    /// <summary>IST0165 ReferencedInternalGateway: A VirtualService references an auto-generated internal gateway (AN-03).</summary>
    public const string ReferencedInternalGateway = "IST0165";

    /// <summary>IST0167 IneffectivePolicy: A Sidecar selects ambient-mode pods, or a Sidecar without selector sits in an ambient namespace (AN-28; needs Pods and Namespaces); ambient workloads have no sidecar, so it does nothing.</summary>
    public const string IneffectivePolicy = "IST0167";

    /// <summary>IST0173 DestinationRuleSubsetNotSelectPods: A DestinationRule subset's labels select none of the pods behind the host's Service (AN-18; needs Pods and Services); traffic routed to the subset fails with 503.</summary>
    public const string DestinationRuleSubsetNotSelectPods = "IST0173";

    /// <summary>IST0174 UnknownDestinationRuleHost: A DestinationRule's host matches no ServiceEntry (AN-17; hosts in the cluster domain are assumed to be Kubernetes Services).</summary>
    public const string UnknownDestinationRuleHost = "IST0174";

    /// <summary>IST0177 ConflictingServiceEntryProtocol: Several ServiceEntries declare the same host and port number with different protocols (AN-30).</summary>
    public const string ConflictingServiceEntryProtocol = "IST0177";

    /// <summary>MESH1000 ReadError: A file could not be read: YAML syntax, unknown field, wrong type or bad enum value, unknown kind of an Istio group.</summary>
    public const string ReadError = "MESH1000";

    /// <summary>MESH1001 InvalidResourceName: metadata.name is missing or not a lowercase DNS-1123 subdomain (G-27); a Gateway name must be a DNS label without dots (GW-01); a namespace must be a DNS label.</summary>
    public const string InvalidResourceName = "MESH1001";

    /// <summary>MESH1002 ForbiddenAnnotation: An annotation Istio rejects on this kind (G-26): istio.io/dry-run, internal.istio.io/*.</summary>
    public const string ForbiddenAnnotation = "MESH1002";

    /// <summary>MESH1003 InvalidHost: A host is malformed or not allowed here (G-02…G-06, SE-02/03/27/30, DR-01, VS-03/04, VS-T03, GW-04, SC-20): wildcard not left-most, partial wildcard, short name, IP, or `*`.</summary>
    public const string InvalidHost = "MESH1003";

    /// <summary>MESH1004 PartialWildcardHost: A ServiceEntry host is a partial wildcard such as `*foo.com` (SE-04).</summary>
    public const string PartialWildcardHost = "MESH1004";

    /// <summary>MESH1005 InvalidAddress: An address is not an IP or CIDR (G-07, G-08, SE-05), or a bind is not an IP or unix socket (GW-11, SC-06/16/17).</summary>
    public const string InvalidAddress = "MESH1005";

    /// <summary>MESH1006 InvalidPort: A port number is missing or outside 1..65535 (G-09, SE-10/13, PA-03, GW-07, SC-04/17), or targetPort is set where Istio rejects it (GW-10, SC-04/15).</summary>
    public const string InvalidPort = "MESH1006";

    /// <summary>MESH1007 InvalidPortName: A port name is missing or not a DNS-1123 label (SE-08, GW-08, SC-04/15).</summary>
    public const string InvalidPortName = "MESH1007";

    /// <summary>MESH1008 DuplicatePort: A port name or number is declared twice (SE-09, SE-11, GW-09, SC-05, SC-18).</summary>
    public const string DuplicatePort = "MESH1008";

    /// <summary>MESH1009 InvalidProtocol: A protocol is not one of TCP, UDP, GRPC, GRPC-WEB, HTTP, HTTP_PROXY, HTTP2, HTTPS, TLS, MONGO, REDIS, MYSQL (G-10, SE-12, GW-06).</summary>
    public const string InvalidProtocol = "MESH1009";

    /// <summary>MESH1010 InvalidDuration: A duration is below 1ms or not a whole number of milliseconds (G-11, CP-*, OD-01, LB-15/16, VS-H16/H20/H27/H30).</summary>
    public const string InvalidDuration = "MESH1010";

    /// <summary>MESH1011 InvalidPercentage: A percentage is out of range (G-12, G-13, OD-04, LB-15, VS-H19/H20/H22/H24, TP-08).</summary>
    public const string InvalidPercentage = "MESH1011";

    /// <summary>MESH1012 InvalidLabels: A label key or value is malformed (G-14, SE-26, DR-06, VS-H10).</summary>
    public const string InvalidLabels = "MESH1012";

    /// <summary>MESH1013 InvalidWorkloadSelector: A workload selector has an empty key, a `*`, or a value longer than 63 characters (G-15, G-16, SE-16, DR-09, SC-01, PA-04).</summary>
    public const string InvalidWorkloadSelector = "MESH1013";

    /// <summary>MESH1014 EmptyWorkloadSelector: A workload selector is present but has no labels, so it selects every workload in the namespace (G-15, G-16).</summary>
    public const string EmptyWorkloadSelector = "MESH1014";

    /// <summary>MESH1015 InvalidExportTo: exportTo has a malformed, duplicate or misplaced entry (G-17, SE-35, DR-08, VS-07), or a DestinationRule with workloadSelector is exported beyond its namespace (DR-10).</summary>
    public const string InvalidExportTo = "MESH1015";

    /// <summary>MESH1016 InvalidStringMatch: A StringMatch is empty, sets several of exact/prefix/regex, or has an invalid RE2 regex (G-18, G-19, VS-H06…H08, VS-H13, VS-H28).</summary>
    public const string InvalidStringMatch = "MESH1016";

    /// <summary>MESH1017 InvalidHeader: A header name or value is invalid (G-20…G-22, VS-H11, VS-H12, VS-H15).</summary>
    public const string InvalidHeader = "MESH1017";

    /// <summary>MESH1018 MissingField: A required field or list is missing or empty (SE-01, DR-03, GW-02/03/05, SC-03/19, VS-T01/T02/T05, VS-C02, CT-06, ST-09/10, TP-04, LB-04).</summary>
    public const string MissingField = "MESH1018";

    /// <summary>MESH1019 ConflictingFields: Fields that exclude each other are both set (SE-15, TP-02, LB-07/08, CP-05, CT-03…CT-05, ST-05/07/11, VS-H02…H05, VS-H25, VS-H28).</summary>
    public const string ConflictingFields = "MESH1019";

    /// <summary>MESH1020 InvalidEnumValue: An enum field holds a value outside the enum (SE-17/18, PA-05, CT-01, ST-01, SC-07/22).</summary>
    public const string InvalidEnumValue = "MESH1020";

    /// <summary>MESH1021 ResolutionMismatch: The ServiceEntry resolution does not fit its addresses, endpoints or hosts (SE-06, SE-19, SE-27, SE-28, SE-30…SE-33).</summary>
    public const string ResolutionMismatch = "MESH1021";

    /// <summary>MESH1022 InvalidEndpoint: A ServiceEntry endpoint is malformed (SE-21…SE-25): no address, FQDN with STATIC, bad unix socket, undeclared port name.</summary>
    public const string InvalidEndpoint = "MESH1022";

    /// <summary>MESH1023 MultipleHostsNeedHttpOrTls: A ServiceEntry with several hosts and resolution other than NONE has a port that is neither HTTP- nor TLS-family (SE-34).</summary>
    public const string MultipleHostsNeedHttpOrTls = "MESH1023";

    /// <summary>MESH1024 MultipleHostsWithAddresses: A DNS ServiceEntry with addresses and a TCP-like port lists several hosts (SE-29).</summary>
    public const string MultipleHostsWithAddresses = "MESH1024";

    /// <summary>MESH1025 IgnoredField: A field is set where Istio ignores it (SE-20, SE-21 STATIC without address, ST-04, ST-06, GW-15, SC-13, LB-12).</summary>
    public const string IgnoredField = "MESH1025";

    /// <summary>MESH1026 InvalidGatewayReference: A gateway reference is malformed (G-24, VS-02, VS-H10); a dotted bare name is only a warning (legacy format).</summary>
    public const string InvalidGatewayReference = "MESH1026";

    /// <summary>MESH1027 InvalidDestination: A route, mirror or egress-proxy destination is malformed (G-25, VS-H23/H24/H29, SC-23): missing or `*` host, bad subset name, bad port.</summary>
    public const string InvalidDestination = "MESH1027";

    /// <summary>MESH1028 InvalidServerTls: Gateway or Sidecar server TLS settings are inconsistent (ST-03…ST-11, GW-12…GW-14, SC-09/10); ST-03 is a warning.</summary>
    public const string InvalidServerTls = "MESH1028";

    /// <summary>MESH1029 InvalidClientTls: DestinationRule client TLS settings are inconsistent (CT-02…CT-06).</summary>
    public const string InvalidClientTls = "MESH1029";

    /// <summary>MESH1030 InvalidTrafficPolicy: A traffic policy, connection pool, outlier detection or load balancer setting is invalid (TP-01…TP-08, CP-01…CP-10, OD-03, LB-01…LB-15).</summary>
    public const string InvalidTrafficPolicy = "MESH1030";

    /// <summary>MESH1031 InvalidHttpRoute: A VirtualService HTTP rule is invalid (VS-01, VS-06, VS-08, VS-H01, VS-H04, VS-H14, VS-H18…VS-H29); a few sub-rules are warnings.</summary>
    public const string InvalidHttpRoute = "MESH1031";

    /// <summary>MESH1032 InvalidTcpOrTlsRoute: A VirtualService TCP or TLS rule is invalid (VS-T01…VS-T05, VS-C01, VS-C02).</summary>
    public const string InvalidTcpOrTlsRoute = "MESH1032";

    /// <summary>MESH1033 OverlappingHosts: A VirtualService lists two hosts that overlap (VS-05).</summary>
    public const string OverlappingHosts = "MESH1033";

    /// <summary>MESH1034 EmptyConfiguration: A message that must set something sets nothing (VS-06, SC-02, TP-01, TP-05, CP-01, VS-H18).</summary>
    public const string EmptyConfiguration = "MESH1034";

    /// <summary>MESH1035 InvalidPortLevelMtls: PeerAuthentication portLevelMtls without a workload selector (PA-01) or empty (PA-02).</summary>
    public const string InvalidPortLevelMtls = "MESH1035";

    /// <summary>MESH1036 InvalidSidecarListener: A Sidecar egress/ingress listener is invalid (SC-03, SC-08, SC-14, SC-16, SC-21 duplicates are warnings).</summary>
    public const string InvalidSidecarListener = "MESH1036";

    /// <summary>MESH1037 InvalidOutboundTrafficPolicy: Sidecar outboundTrafficPolicy is invalid (SC-22, SC-23).</summary>
    public const string InvalidOutboundTrafficPolicy = "MESH1037";

    /// <summary>MESH2001 DuplicateResource: Two resources have the same kind, namespace and name; the second replaces the first in a cluster.</summary>
    public const string DuplicateResource = "MESH2001";

    /// <summary>MESH2002 GatewayTlsModeMismatch: A VirtualService's route type does not fit the TLS mode of the Gateway server serving its host: `tls` routes behind a terminating server, or only `http` routes behind a PASSTHROUGH server.</summary>
    public const string GatewayTlsModeMismatch = "MESH2002";

    /// <summary>MESH2003 DestinationRuleTlsConflictsWithStrictMtls: A DestinationRule for an in-mesh host sets tls.mode DISABLE, SIMPLE or MUTUAL while a STRICT PeerAuthentication applies to that namespace: requests fail with 503.</summary>
    public const string DestinationRuleTlsConflictsWithStrictMtls = "MESH2003";

    /// <summary>MESH2004 DoubleTls: A DestinationRule originates TLS for a ServiceEntry port whose protocol is already HTTPS/TLS: the application's TLS is encrypted again.</summary>
    public const string DoubleTls = "MESH2004";

    /// <summary>MESH3001 PlaintextExternalEgress: A MESH_EXTERNAL ServiceEntry has an HTTP port and no DestinationRule originates TLS for it (on that port, or on the port and subset a VirtualService routes it to): requests leave the mesh in plaintext.</summary>
    public const string PlaintextExternalEgress = "MESH3001";

    /// <summary>MESH3002 WildcardEgressWithResolutionNone: A ServiceEntry has a wildcard host and resolution NONE: Istio forwards to whatever IP the workload asked for, so a spoofed Host/SNI reaches any address.</summary>
    public const string WildcardEgressWithResolutionNone = "MESH3002";

    /// <summary>MESH3003 CertificateVerificationDisabled: A DestinationRule sets tls.insecureSkipVerify: true; the server certificate is not checked.</summary>
    public const string CertificateVerificationDisabled = "MESH3003";

    /// <summary>MESH3004 CredentialNameWithoutWorkloadSelector: A DestinationRule uses tls.credentialName without workloadSelector: sidecars ignore the credential and send plaintext; only gateways use it.</summary>
    public const string CredentialNameWithoutWorkloadSelector = "MESH3004";

    /// <summary>MESH3005 PermissiveMtls: A PeerAuthentication allows plaintext (mode PERMISSIVE).</summary>
    public const string PermissiveMtls = "MESH3005";

    /// <summary>MESH3006 MtlsDisabled: A PeerAuthentication disables mutual TLS (mode DISABLE).</summary>
    public const string MtlsDisabled = "MESH3006";

    /// <summary>MESH3007 InlinedCertificate: PEM content (`-----BEGIN`) is inlined where a file path or credentialName belongs (caCertificates, privateKey, serverCertificate, clientCertificate, caCrl): Istio reads these as paths, and private keys end up in the config repository.</summary>
    public const string InlinedCertificate = "MESH3007";

    /// <summary>The documentation of every code, in code order.</summary>
    public static IReadOnlyList<DiagnosticCodeInfo> All { get; } =
    [
        new(Deprecated, "Deprecated", DiagnosticSeverity.Warning, "A deprecated field is set (OD-02 consecutiveErrors, LB-05 minimumRingSize, VS-H21 mirrorPercent, AN-14 fault.delay.percent, Sidecar egressProxy).", "Use the replacement field the message names."),
        new(ReferencedResourceNotFound, "ReferencedResourceNotFound", DiagnosticSeverity.Error, "A reference points at nothing: a VirtualService gateway (AN-01), a destination subset no DestinationRule defines (AN-04), a destination host no ServiceEntry declares (AN-05, only for hosts outside the cluster domain), a destination port the ServiceEntry does not expose (AN-06), and, when Kubernetes objects are given, a Gateway or Sidecar selector that matches no pod (AN-21, AN-27) or a Gateway credentialName without a Secret in the gateway pods' namespace (AN-23).", "Create the referenced resource or correct the reference."),
        new(ConflictingMeshGatewayVirtualServiceHosts, "ConflictingMeshGatewayVirtualServiceHosts", DiagnosticSeverity.Error, "Several mesh-bound VirtualServices (no gateways, or `mesh`) define the same host in overlapping exportTo scopes (AN-09); Istio picks one arbitrarily.", "Merge the routes into one VirtualService per host, or bind them to different gateways."),
        new(ConflictingSidecarWorkloadSelectors, "ConflictingSidecarWorkloadSelectors", DiagnosticSeverity.Error, "A pod is selected by more than one Sidecar (AN-26; needs Pods); which one applies is undefined.", "Make the Sidecars' workloadSelectors disjoint, or merge them into one Sidecar."),
        new(MultipleSidecarsWithoutWorkloadSelectors, "MultipleSidecarsWithoutWorkloadSelectors", DiagnosticSeverity.Error, "More than one Sidecar without workloadSelector in one namespace (AN-25); only one of them takes effect.", "Keep one namespace-wide Sidecar; give the others a workloadSelector."),
        new(VirtualServiceDestinationPortSelectorRequired, "VirtualServiceDestinationPortSelectorRequired", DiagnosticSeverity.Error, "A route destination has no port while the ServiceEntry of its host exposes several ports (AN-07).", "Set destination.port.number."),
        new(NoServerCertificateVerificationDestinationLevel, "NoServerCertificateVerificationDestinationLevel", DiagnosticSeverity.Warning, "A DestinationRule originates TLS (SIMPLE/MUTUAL) without caCertificates, so the server certificate is not verified (AN-15; subsets are checked too).", "Set caCertificates (or a credentialName holding the CA, with a workloadSelector)."),
        new(NoServerCertificateVerificationPortLevel, "NoServerCertificateVerificationPortLevel", DiagnosticSeverity.Warning, "As IST0128 for a portLevelSettings[].tls (AN-16).", "Set caCertificates on the port-level TLS settings."),
        new(VirtualServiceUnreachableRule, "VirtualServiceUnreachableRule", DiagnosticSeverity.Warning, "A VirtualService rule can never match: it follows a match-less rule, or all its matches repeat earlier ones (VS-09).", "Move the catch-all rule last or remove the duplicate rule."),
        new(VirtualServiceIneffectiveMatch, "VirtualServiceIneffectiveMatch", DiagnosticSeverity.Info, "A match repeats an earlier one, or an earlier uri prefix already covers it (VS-10).", "Remove the match or move it before the rule that shadows it."),
        new(VirtualServiceHostNotFoundInGateway, "VirtualServiceHostNotFoundInGateway", DiagnosticSeverity.Warning, "None of the VirtualService's hosts is served by a Gateway it is bound to (AN-02); the routes never apply at that gateway.", "Add the host to the Gateway's servers[].hosts or correct the VirtualService hosts."),
        new(ServiceEntryAddressesRequired, "ServiceEntryAddressesRequired", DiagnosticSeverity.Warning, "A ServiceEntry with resolution NONE and no addresses has a TCP or unset-protocol port (SE-14, AN-29): without an address the sidecar cannot tell its traffic apart.", "Set spec.addresses, or give the port an HTTP/TLS protocol."),
        new(GatewayDuplicateCertificate, "GatewayDuplicateCertificate", DiagnosticSeverity.Warning, "Two Gateways on the same workload use the same certificate (AN-20); HTTP/2 connection reuse then routes requests to the wrong server (404).", "Serve the hosts from one Gateway server, or use different certificates."),
        new(IngressRouteRulesNotAffected, "IngressRouteRulesNotAffected", DiagnosticSeverity.Warning, "A gateway VirtualService routes to a host without subset while the host's mesh VirtualService splits it by subset (AN-08); the subset routing does not apply to ingress traffic.", "Route to the subsets in the gateway VirtualService too."),
        new(ConflictingGateways, "ConflictingGateways", DiagnosticSeverity.Error, "Two Gateways with the same selector serve the same port, bind and host (AN-19).", "Merge the servers into one Gateway or change port/host."),
        new(InvalidGatewayCredential, "InvalidGatewayCredential", DiagnosticSeverity.Error, "The Secret a Gateway's tls.credentialName names exists but holds no usable certificate and key (AN-24; needs Secrets): keys missing (tls.crt/tls.key or cert/key), unparsable PEM, or an expired certificate.", "Store a valid PEM certificate and private key in the Secret (kubectl create secret tls)."),
        new(GatewayPortNotDefinedOnService, "GatewayPortNotDefinedOnService", DiagnosticSeverity.Warning, "A Gateway server port is neither a port nor a targetPort of any Service selecting the gateway pods (AN-22; needs Pods and Services); traffic never reaches it.", "Expose the port on the gateway's Service, or use a port the Service already exposes."),
        new(ReferencedInternalGateway, "ReferencedInternalGateway", DiagnosticSeverity.Warning, "A VirtualService references an auto-generated internal gateway (AN-03).", "Reference the Gateway API Gateway itself."),
        new(IneffectivePolicy, "IneffectivePolicy", DiagnosticSeverity.Warning, "A Sidecar selects ambient-mode pods, or a Sidecar without selector sits in an ambient namespace (AN-28; needs Pods and Namespaces); ambient workloads have no sidecar, so it does nothing.", "Remove the Sidecar, or apply it to sidecar-mode workloads only."),
        new(DestinationRuleSubsetNotSelectPods, "DestinationRuleSubsetNotSelectPods", DiagnosticSeverity.Error, "A DestinationRule subset's labels select none of the pods behind the host's Service (AN-18; needs Pods and Services); traffic routed to the subset fails with 503.", "Correct the subset labels to match the pods' labels (e.g. version: v1), or deploy the pods."),
        new(UnknownDestinationRuleHost, "UnknownDestinationRuleHost", DiagnosticSeverity.Warning, "A DestinationRule's host matches no ServiceEntry (AN-17; hosts in the cluster domain are assumed to be Kubernetes Services).", "Correct the host or add a ServiceEntry for it."),
        new(ConflictingServiceEntryProtocol, "ConflictingServiceEntryProtocol", DiagnosticSeverity.Warning, "Several ServiceEntries declare the same host and port number with different protocols (AN-30).", "Use one protocol for the host and port in every ServiceEntry."),
        new(ReadError, "ReadError", DiagnosticSeverity.Error, "A file could not be read: YAML syntax, unknown field, wrong type or bad enum value, unknown kind of an Istio group.", "Fix the file at the given line and column."),
        new(InvalidResourceName, "InvalidResourceName", DiagnosticSeverity.Error, "metadata.name is missing or not a lowercase DNS-1123 subdomain (G-27); a Gateway name must be a DNS label without dots (GW-01); a namespace must be a DNS label.", "Use lowercase letters, digits and '-' (and '.' except for Gateways)."),
        new(ForbiddenAnnotation, "ForbiddenAnnotation", DiagnosticSeverity.Error, "An annotation Istio rejects on this kind (G-26): istio.io/dry-run, internal.istio.io/*.", "Remove the annotation."),
        new(InvalidHost, "InvalidHost", DiagnosticSeverity.Error, "A host is malformed or not allowed here (G-02…G-06, SE-02/03/27/30, DR-01, VS-03/04, VS-T03, GW-04, SC-20): wildcard not left-most, partial wildcard, short name, IP, or `*`.", "Use a fully qualified name, with `*.` only as the left-most label where wildcards are allowed, and `namespace/host` in Gateway and Sidecar hosts."),
        new(PartialWildcardHost, "PartialWildcardHost", DiagnosticSeverity.Warning, "A ServiceEntry host is a partial wildcard such as `*foo.com` (SE-04).", "Use `*.foo.com` or an exact host."),
        new(InvalidAddress, "InvalidAddress", DiagnosticSeverity.Error, "An address is not an IP or CIDR (G-07, G-08, SE-05), or a bind is not an IP or unix socket (GW-11, SC-06/16/17).", "Write an IPv4/IPv6 address, a CIDR such as 10.0.0.0/16, or unix:///absolute/path."),
        new(InvalidPort, "InvalidPort", DiagnosticSeverity.Error, "A port number is missing or outside 1..65535 (G-09, SE-10/13, PA-03, GW-07, SC-04/17), or targetPort is set where Istio rejects it (GW-10, SC-04/15).", "Use a port between 1 and 65535."),
        new(InvalidPortName, "InvalidPortName", DiagnosticSeverity.Error, "A port name is missing or not a DNS-1123 label (SE-08, GW-08, SC-04/15).", "Name the port with lowercase letters, digits and '-', e.g. http-web."),
        new(DuplicatePort, "DuplicatePort", DiagnosticSeverity.Error, "A port name or number is declared twice (SE-09, SE-11, GW-09, SC-05, SC-18).", "Give each port a unique name and number."),
        new(InvalidProtocol, "InvalidProtocol", DiagnosticSeverity.Error, "A protocol is not one of TCP, UDP, GRPC, GRPC-WEB, HTTP, HTTP_PROXY, HTTP2, HTTPS, TLS, MONGO, REDIS, MYSQL (G-10, SE-12, GW-06).", "Use one of Istio's protocol names."),
        new(InvalidDuration, "InvalidDuration", DiagnosticSeverity.Error, "A duration is below 1ms or not a whole number of milliseconds (G-11, CP-*, OD-01, LB-15/16, VS-H16/H20/H27/H30).", "Use a duration of at least 1ms in whole milliseconds."),
        new(InvalidPercentage, "InvalidPercentage", DiagnosticSeverity.Error, "A percentage is out of range (G-12, G-13, OD-04, LB-15, VS-H19/H20/H22/H24, TP-08).", "Use a value between 0 and 100."),
        new(InvalidLabels, "InvalidLabels", DiagnosticSeverity.Error, "A label key or value is malformed (G-14, SE-26, DR-06, VS-H10).", "Keys: optional DNS prefix + '/' + name of letters, digits, '-', '_', '.' (≤ 63); values the same characters."),
        new(InvalidWorkloadSelector, "InvalidWorkloadSelector", DiagnosticSeverity.Error, "A workload selector has an empty key, a `*`, or a value longer than 63 characters (G-15, G-16, SE-16, DR-09, SC-01, PA-04).", "Select workloads by exact label keys and values."),
        new(EmptyWorkloadSelector, "EmptyWorkloadSelector", DiagnosticSeverity.Warning, "A workload selector is present but has no labels, so it selects every workload in the namespace (G-15, G-16).", "Add labels, or remove the selector if the whole namespace is meant."),
        new(InvalidExportTo, "InvalidExportTo", DiagnosticSeverity.Error, "exportTo has a malformed, duplicate or misplaced entry (G-17, SE-35, DR-08, VS-07), or a DestinationRule with workloadSelector is exported beyond its namespace (DR-10).", "Use `.`, `*` or namespace names; `*` and `~` alone."),
        new(InvalidStringMatch, "InvalidStringMatch", DiagnosticSeverity.Error, "A StringMatch is empty, sets several of exact/prefix/regex, or has an invalid RE2 regex (G-18, G-19, VS-H06…H08, VS-H13, VS-H28).", "Set exactly one of exact, prefix or regex; write RE2 (no look-around, no back-references)."),
        new(InvalidHeader, "InvalidHeader", DiagnosticSeverity.Error, "A header name or value is invalid (G-20…G-22, VS-H11, VS-H12, VS-H15).", "Use RFC 7230 token names; do not manipulate Host or pseudo-headers; escape `%` as `%%`."),
        new(MissingField, "MissingField", DiagnosticSeverity.Error, "A required field or list is missing or empty (SE-01, DR-03, GW-02/03/05, SC-03/19, VS-T01/T02/T05, VS-C02, CT-06, ST-09/10, TP-04, LB-04).", "Set the field the message names."),
        new(ConflictingFields, "ConflictingFields", DiagnosticSeverity.Error, "Fields that exclude each other are both set (SE-15, TP-02, LB-07/08, CP-05, CT-03…CT-05, ST-05/07/11, VS-H02…H05, VS-H25, VS-H28).", "Keep one of them."),
        new(InvalidEnumValue, "InvalidEnumValue", DiagnosticSeverity.Error, "An enum field holds a value outside the enum (SE-17/18, PA-05, CT-01, ST-01, SC-07/22).", "Use one of the values the message lists."),
        new(ResolutionMismatch, "ResolutionMismatch", DiagnosticSeverity.Error, "The ServiceEntry resolution does not fit its addresses, endpoints or hosts (SE-06, SE-19, SE-27, SE-28, SE-30…SE-33).", "Change the resolution or the addresses/endpoints/hosts as the message says."),
        new(InvalidEndpoint, "InvalidEndpoint", DiagnosticSeverity.Error, "A ServiceEntry endpoint is malformed (SE-21…SE-25): no address, FQDN with STATIC, bad unix socket, undeclared port name.", "Give each endpoint an address fitting the resolution and ports named in spec.ports."),
        new(MultipleHostsNeedHttpOrTls, "MultipleHostsNeedHttpOrTls", DiagnosticSeverity.Error, "A ServiceEntry with several hosts and resolution other than NONE has a port that is neither HTTP- nor TLS-family (SE-34).", "Set the port protocol to HTTP/HTTPS/TLS/…, or split the ServiceEntry per host."),
        new(MultipleHostsWithAddresses, "MultipleHostsWithAddresses", DiagnosticSeverity.Warning, "A DNS ServiceEntry with addresses and a TCP-like port lists several hosts (SE-29).", "Split the ServiceEntry per host."),
        new(IgnoredField, "IgnoredField", DiagnosticSeverity.Warning, "A field is set where Istio ignores it (SE-20, SE-21 STATIC without address, ST-04, ST-06, GW-15, SC-13, LB-12).", "Remove the field or change the setting that makes it ineffective."),
        new(InvalidGatewayReference, "InvalidGatewayReference", DiagnosticSeverity.Error, "A gateway reference is malformed (G-24, VS-02, VS-H10); a dotted bare name is only a warning (legacy format).", "Write `mesh`, `name` or `namespace/name`."),
        new(InvalidDestination, "InvalidDestination", DiagnosticSeverity.Error, "A route, mirror or egress-proxy destination is malformed (G-25, VS-H23/H24/H29, SC-23): missing or `*` host, bad subset name, bad port.", "Give an FQDN or short host, an existing subset name and a valid port."),
        new(InvalidServerTls, "InvalidServerTls", DiagnosticSeverity.Error, "Gateway or Sidecar server TLS settings are inconsistent (ST-03…ST-11, GW-12…GW-14, SC-09/10); ST-03 is a warning.", "Follow the message: e.g. SIMPLE needs credentialName or serverCertificate+privateKey, MUTUAL needs caCertificates."),
        new(InvalidClientTls, "InvalidClientTls", DiagnosticSeverity.Error, "DestinationRule client TLS settings are inconsistent (CT-02…CT-06).", "Follow the message: e.g. MUTUAL needs clientCertificate+privateKey or credentialName."),
        new(InvalidTrafficPolicy, "InvalidTrafficPolicy", DiagnosticSeverity.Error, "A traffic policy, connection pool, outlier detection or load balancer setting is invalid (TP-01…TP-08, CP-01…CP-10, OD-03, LB-01…LB-15).", "Follow the message."),
        new(InvalidHttpRoute, "InvalidHttpRoute", DiagnosticSeverity.Error, "A VirtualService HTTP rule is invalid (VS-01, VS-06, VS-08, VS-H01, VS-H04, VS-H14, VS-H18…VS-H29); a few sub-rules are warnings.", "Follow the message."),
        new(InvalidTcpOrTlsRoute, "InvalidTcpOrTlsRoute", DiagnosticSeverity.Error, "A VirtualService TCP or TLS rule is invalid (VS-T01…VS-T05, VS-C01, VS-C02).", "Follow the message."),
        new(OverlappingHosts, "OverlappingHosts", DiagnosticSeverity.Error, "A VirtualService lists two hosts that overlap (VS-05).", "Keep only the wider host, or make them distinct."),
        new(EmptyConfiguration, "EmptyConfiguration", DiagnosticSeverity.Error, "A message that must set something sets nothing (VS-06, SC-02, TP-01, TP-05, CP-01, VS-H18).", "Set at least one of the fields the message lists, or remove the message."),
        new(InvalidPortLevelMtls, "InvalidPortLevelMtls", DiagnosticSeverity.Error, "PeerAuthentication portLevelMtls without a workload selector (PA-01) or empty (PA-02).", "Add selector.matchLabels, or use spec.mtls for the whole namespace."),
        new(InvalidSidecarListener, "InvalidSidecarListener", DiagnosticSeverity.Error, "A Sidecar egress/ingress listener is invalid (SC-03, SC-08, SC-14, SC-16, SC-21 duplicates are warnings).", "Follow the message."),
        new(InvalidOutboundTrafficPolicy, "InvalidOutboundTrafficPolicy", DiagnosticSeverity.Error, "Sidecar outboundTrafficPolicy is invalid (SC-22, SC-23).", "egressProxy needs mode ALLOW_ANY, an FQDN host and a port."),
        new(DuplicateResource, "DuplicateResource", DiagnosticSeverity.Error, "Two resources have the same kind, namespace and name; the second replaces the first in a cluster.", "Rename or remove one of them."),
        new(GatewayTlsModeMismatch, "GatewayTlsModeMismatch", DiagnosticSeverity.Warning, "A VirtualService's route type does not fit the TLS mode of the Gateway server serving its host (X-01): `tls` routes behind a terminating server, or only `http` routes behind a PASSTHROUGH server.", "Use `tls` routes for PASSTHROUGH servers and `http` routes for terminating servers."),
        new(DestinationRuleTlsConflictsWithStrictMtls, "DestinationRuleTlsConflictsWithStrictMtls", DiagnosticSeverity.Warning, "A DestinationRule for an in-mesh host sets tls.mode DISABLE, SIMPLE or MUTUAL while a STRICT PeerAuthentication applies to that namespace (X-02): requests fail with 503.", "Use tls.mode ISTIO_MUTUAL for in-mesh hosts, or remove the tls block."),
        new(DoubleTls, "DoubleTls", DiagnosticSeverity.Warning, "A DestinationRule originates TLS for a ServiceEntry port whose protocol is already HTTPS/TLS (X-03): the application's TLS is encrypted again.", "Declare the port as HTTP and let the sidecar originate TLS, or drop the DestinationRule TLS."),
        new(PlaintextExternalEgress, "PlaintextExternalEgress", DiagnosticSeverity.Warning, "A MESH_EXTERNAL ServiceEntry has an HTTP port and no DestinationRule originates TLS for it (on that port, or on the port and subset a VirtualService routes it to): requests leave the mesh in plaintext.", "Call the host over HTTPS, or add a DestinationRule with tls.mode SIMPLE for the port (TLS origination)."),
        new(WildcardEgressWithResolutionNone, "WildcardEgressWithResolutionNone", DiagnosticSeverity.Warning, "A ServiceEntry has a wildcard host and resolution NONE: Istio forwards to whatever IP the workload asked for, so a spoofed Host/SNI reaches any address.", "Route wildcard egress through an egress gateway, or list exact hosts with resolution DNS."),
        new(CertificateVerificationDisabled, "CertificateVerificationDisabled", DiagnosticSeverity.Warning, "A DestinationRule sets tls.insecureSkipVerify: true; the server certificate is not checked.", "Remove insecureSkipVerify and set caCertificates or a credentialName."),
        new(CredentialNameWithoutWorkloadSelector, "CredentialNameWithoutWorkloadSelector", DiagnosticSeverity.Warning, "A DestinationRule uses tls.credentialName without workloadSelector (X-14): sidecars ignore the credential and send plaintext; only gateways use it.", "Add a workloadSelector for the workloads that originate TLS, or use file paths."),
        new(PermissiveMtls, "PermissiveMtls", DiagnosticSeverity.Warning, "A PeerAuthentication allows plaintext (mode PERMISSIVE).", "Use STRICT once every client has a sidecar."),
        new(MtlsDisabled, "MtlsDisabled", DiagnosticSeverity.Warning, "A PeerAuthentication disables mutual TLS (mode DISABLE), for the namespace or on a port; not on a port where a Sidecar of the same workloads terminates TLS itself (ingress listener with tls SIMPLE, MUTUAL or OPTIONAL_MUTUAL).", "Use STRICT, or limit DISABLE to the ports that need it with portLevelMtls and terminate TLS on them in the Sidecar."),
        new(InlinedCertificate, "InlinedCertificate", DiagnosticSeverity.Warning, "PEM content (`-----BEGIN`) is inlined where a file path or credentialName belongs (caCertificates, privateKey, serverCertificate, clientCertificate, caCrl): Istio reads these as paths, and private keys end up in the config repository.", "Mount the files into the proxy and give their paths, or store them in a Secret and use credentialName."),
    ];

    private static readonly Dictionary<string, DiagnosticCodeInfo> ByCode = All.ToDictionary(c => c.Code);

    /// <summary>Finds the documentation of a code.</summary>
    /// <param name="code">The code, e.g. <c>IST0101</c>.</param>
    /// <returns>The documentation, or null for an unknown code.</returns>
    public static DiagnosticCodeInfo? Describe(string code) => ByCode.GetValueOrDefault(code);
}
