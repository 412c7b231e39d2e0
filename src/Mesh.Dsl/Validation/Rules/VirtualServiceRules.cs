using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>VirtualService field rules (catalogue §3.3: VS-01…VS-10, VS-H*, VS-T*, VS-C*); VS-09/VS-10 in <see cref="VirtualServiceMatchCoverage"/>.</summary>
internal sealed partial class VirtualServiceRules() : FieldRule<VirtualService>(
    "virtualservice.fields",
    "VirtualService field rules (VS-01…VS-10, VS-H*, VS-T*, VS-C*) with the shared StringMatch, header, duration and destination rules (G-18…G-25).",
    [
        DiagnosticCodes.InvalidHttpRoute, DiagnosticCodes.InvalidGatewayReference, DiagnosticCodes.InvalidHost,
        DiagnosticCodes.OverlappingHosts, DiagnosticCodes.EmptyConfiguration, DiagnosticCodes.InvalidExportTo,
        DiagnosticCodes.InvalidLabels, DiagnosticCodes.InvalidResourceName, DiagnosticCodes.InvalidTcpOrTlsRoute,
        DiagnosticCodes.InvalidDestination, DiagnosticCodes.InvalidPort, DiagnosticCodes.InvalidAddress,
        DiagnosticCodes.MissingField, DiagnosticCodes.ConflictingFields, DiagnosticCodes.InvalidStringMatch,
        DiagnosticCodes.InvalidHeader, DiagnosticCodes.InvalidDuration, DiagnosticCodes.InvalidPercentage,
        DiagnosticCodes.Deprecated, DiagnosticCodes.InvalidEnumValue, DiagnosticCodes.VirtualServiceUnreachableRule,
        DiagnosticCodes.VirtualServiceIneffectiveMatch
    ])
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => VirtualServiceSpec.Schema);
    private static readonly FieldPath InHttpRoute = FieldPath.In(() => HttpRoute.Schema);
    private static readonly FieldPath InTcpRoute = FieldPath.In(() => TcpRoute.Schema);
    private static readonly FieldPath SpecHosts = Spec.Field("hosts");
    private static readonly FieldPath SpecGateways = Spec.Field("gateways");
    private static readonly FieldPath SpecExportTo = Spec.Field("exportTo");
    private static readonly FieldPath SpecHttp = Spec.Field("http");
    private static readonly FieldPath SpecTls = Spec.Field("tls");
    private static readonly FieldPath SpecTcp = Spec.Field("tcp");
    private static readonly FieldPath TcpRouteMatch = InTcpRoute.Field("match");
    private static readonly FieldPath InHttpMirrorPolicy = FieldPath.In(() => HttpMirrorPolicy.Schema);
    private static readonly FieldPath HttpRouteRedirect = InHttpRoute.Field("redirect");
    private static readonly FieldPath HttpRouteDirectResponse = InHttpRoute.Field("directResponse");
    private static readonly FieldPath HttpRouteDirectResponseStatus = InHttpRoute.Field("directResponse.status");
    private static readonly FieldPath HttpRouteDelegate = InHttpRoute.Field("delegate");
    private static readonly FieldPath HttpRouteMirrors = InHttpRoute.Field("mirrors");
    private static readonly FieldPath HttpRouteMirror = InHttpRoute.Field("mirror");
    private static readonly FieldPath HttpMirrorPolicyDestination = InHttpMirrorPolicy.Field("destination");
    private static readonly FieldPath HttpMirrorPolicyPercentageValue = InHttpMirrorPolicy.Field("percentage.value");
    private static readonly FieldPath HttpRouteMirrorPercent = InHttpRoute.Field("mirrorPercent");
    private static readonly FieldPath HttpRouteMirrorPercentageValue = InHttpRoute.Field("mirrorPercentage.value");
    private static readonly FieldPath HttpRouteMatch = InHttpRoute.Field("match");
    private static readonly FieldPath HttpRouteTimeout = InHttpRoute.Field("timeout");
    private static readonly FieldPath HttpRouteRetries = InHttpRoute.Field("retries");
    private static readonly FieldPath HttpRouteFault = InHttpRoute.Field("fault");
    private static readonly FieldPath InHttpRedirect = FieldPath.In(() => HttpRedirect.Schema);
    private static readonly FieldPath HttpRedirectPrefixRewrite = InHttpRedirect.Field("prefixRewrite");
    private static readonly FieldPath HttpRedirectRedirectCode = InHttpRedirect.Field("redirectCode");
    private static readonly FieldPath HttpRedirectScheme = InHttpRedirect.Field("scheme");
    private static readonly FieldPath HttpRedirectPort = InHttpRedirect.Field("port");
    private static readonly FieldPath InHttpRetry = FieldPath.In(() => HttpRetry.Schema);
    private static readonly FieldPath HttpRetryAttempts = InHttpRetry.Field("attempts");
    private static readonly FieldPath HttpRetryPerTryTimeout = InHttpRetry.Field("perTryTimeout");
    private static readonly FieldPath HttpRetryBackoff = InHttpRetry.Field("backoff");
    private static readonly FieldPath HttpRetryRetryOn = InHttpRetry.Field("retryOn");
    private static readonly FieldPath InHttpMatchRequest = FieldPath.In(() => HttpMatchRequest.Schema);
    private static readonly FieldPath HttpMatchRequestUri = InHttpMatchRequest.Field("uri");
    private static readonly FieldPath HttpMatchRequestScheme = InHttpMatchRequest.Field("scheme");
    private static readonly FieldPath HttpMatchRequestMethod = InHttpMatchRequest.Field("method");
    private static readonly FieldPath HttpMatchRequestAuthority = InHttpMatchRequest.Field("authority");
    private static readonly FieldPath HttpMatchRequestPort = InHttpMatchRequest.Field("port");
    private static readonly FieldPath HttpMatchRequestSourceLabels = InHttpMatchRequest.Field("sourceLabels");
    private static readonly FieldPath HttpMatchRequestGateways = InHttpMatchRequest.Field("gateways");
    private static readonly FieldPath HttpMatchRequestSourceNamespace = InHttpMatchRequest.Field("sourceNamespace");
    private static readonly FieldPath HttpMatchRequestHeaders = InHttpMatchRequest.Field("headers");
    private static readonly FieldPath HttpMatchRequestWithoutHeaders = InHttpMatchRequest.Field("withoutHeaders");
    private static readonly FieldPath InHeaders = FieldPath.In(() => Headers.Schema);
    private static readonly FieldPath HeadersRequest = InHeaders.Field("request");
    private static readonly FieldPath HeadersResponse = InHeaders.Field("response");
    private static readonly FieldPath HeaderOperationsSet = HeadersRequest.Item.Field("set");
    private static readonly FieldPath HeaderOperationsAdd = HeadersRequest.Item.Field("add");
    private static readonly FieldPath HeaderOperationsRemove = HeadersRequest.Item.Field("remove");
    private static readonly FieldPath InStringMatch = FieldPath.In(() => StringMatch.Schema);
    private static readonly FieldPath StringMatchPrefix = InStringMatch.Field("prefix");
    private static readonly FieldPath StringMatchRegex = InStringMatch.Field("regex");
    private static readonly FieldPath InTlsRoute = FieldPath.In(() => TlsRoute.Schema);
    private static readonly FieldPath InTlsMatchAttributes = FieldPath.In(() => TlsMatchAttributes.Schema);
    private static readonly FieldPath TlsRouteMatch = InTlsRoute.Field("match");
    private static readonly FieldPath TlsMatchAttributesSniHosts = InTlsMatchAttributes.Field("sniHosts");
    private static readonly FieldPath InL4MatchAttributes = FieldPath.In(() => L4MatchAttributes.Schema);
    private static readonly FieldPath L4MatchAttributesDestinationSubnets = InL4MatchAttributes.Field("destinationSubnets");
    private static readonly FieldPath L4MatchAttributesPort = InL4MatchAttributes.Field("port");
    private static readonly FieldPath L4MatchAttributesSourceLabels = InL4MatchAttributes.Field("sourceLabels");
    private static readonly FieldPath L4MatchAttributesGateways = InL4MatchAttributes.Field("gateways");
    private static readonly FieldPath InHttpRouteDestination = FieldPath.In(() => HttpRouteDestination.Schema);
    private static readonly FieldPath HttpRouteRoute = InHttpRoute.Field("route");
    private static readonly FieldPath HttpRouteDestinationHeaders = HttpRouteRoute.Item.Field("headers");
    private static readonly FieldPath HttpRouteDestinationDestination = InHttpRouteDestination.Field("destination");
    private static readonly FieldPath HttpRouteDestinationWeight = InHttpRouteDestination.Field("weight");
    private static readonly FieldPath InDestination = FieldPath.In(() => Destination.Schema);
    private static readonly FieldPath DestinationHost = InDestination.Field("host");
    private static readonly FieldPath DestinationSubset = InDestination.Field("subset");
    private static readonly FieldPath DestinationPortNumber = InDestination.Field("port.number");
    private static readonly FieldPath HttpRouteHeaders = InHttpRoute.Field("headers");
    private static readonly FieldPath HttpRouteCorsPolicy = InHttpRoute.Field("corsPolicy");
    private static readonly FieldPath HttpRouteRewrite = InHttpRoute.Field("rewrite");
    private static readonly FieldPath HttpRouteDirectResponseBody = InHttpRoute.Field("directResponse.body");
    private static readonly FieldPath InCorsPolicy = FieldPath.In(() => CorsPolicy.Schema);
    private static readonly FieldPath CorsPolicyAllowOrigins = InCorsPolicy.Field("allowOrigins");
    private static readonly FieldPath CorsPolicyAllowMethods = InCorsPolicy.Field("allowMethods");
    private static readonly FieldPath CorsPolicyMaxAge = InCorsPolicy.Field("maxAge");
    private static readonly FieldPath CorsPolicyUnmatchedPreflights = InCorsPolicy.Field("unmatchedPreflights");
    private static readonly FieldPath InHttpFaultInjection = FieldPath.In(() => HttpFaultInjection.Schema);
    private static readonly FieldPath InFaultAbort = FieldPath.In(() => FaultAbort.Schema);
    private static readonly FieldPath InFaultDelay = FieldPath.In(() => FaultDelay.Schema);
    private static readonly FieldPath HttpFaultInjectionAbort = InHttpFaultInjection.Field("abort");
    private static readonly FieldPath FaultAbortPercentageValue = InFaultAbort.Field("percentage.value");
    private static readonly FieldPath FaultAbortHttpStatus = InFaultAbort.Field("httpStatus");
    private static readonly FieldPath FaultAbortGrpcStatus = InFaultAbort.Field("grpcStatus");
    private static readonly FieldPath FaultAbortHttp2Error = InFaultAbort.Field("http2Error");
    private static readonly FieldPath HttpFaultInjectionDelay = InHttpFaultInjection.Field("delay");
    private static readonly FieldPath FaultDelayPercentageValue = InFaultDelay.Field("percentage.value");
    private static readonly FieldPath FaultDelayPercent = InFaultDelay.Field("percent");
    private static readonly FieldPath FaultDelayFixedDelay = InFaultDelay.Field("fixedDelay");
    private static readonly FieldPath FaultDelayExponentialDelay = InFaultDelay.Field("exponentialDelay");
    private static readonly FieldPath InHttpRewrite = FieldPath.In(() => HttpRewrite.Schema);
    private static readonly FieldPath HttpRewriteUriRegexRewrite = InHttpRewrite.Field("uriRegexRewrite");
    private static readonly FieldPath HttpRewriteUriRegexRewriteMatch = InHttpRewrite.Field("uriRegexRewrite.match");

    private static readonly HashSet<string> RetryOnPolicies = new(StringComparer.Ordinal)
    {
        "5xx", "gateway-error", "reset", "reset-before-request", "connect-failure", "retriable-4xx", "refused-stream", "retriable-status-codes",
        "retriable-headers", "envoy-ratelimited", "http3-post-connect-failure", "cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable",
    };

    public static bool IsMeshBound(VirtualServiceSpec spec) => spec.GatewaysOrEmpty.Count == 0 || spec.GatewaysOrEmpty.Contains("mesh");

    public override void Check(VirtualService service, RuleContext context)
    {
        var spec = service.Spec;
        var delegateService = spec.HostsOrEmpty.Count == 0;
        if (delegateService && (spec.GatewaysOrEmpty.Count > 0 || spec.TlsOrEmpty.Count > 0 || spec.TcpOrEmpty.Count > 0))
        {
            context.Error(DiagnosticCodes.InvalidHttpRoute, SpecHosts, "a delegate VirtualService (no hosts) cannot set gateways, tls or tcp; add hosts, or keep only http rules.");
        }

        CheckGatewayNames(spec.GatewaysOrEmpty, SpecGateways, context);
        var meshBound = IsMeshBound(spec);
        var allValid = true;
        for (var i = 0; i < spec.HostsOrEmpty.Count; i++)
        {
            var host = spec.HostsOrEmpty[i];
            if (host == "*" && meshBound)
            {
                context.Error(DiagnosticCodes.InvalidHost, $"{SpecHosts}[{i}]", "host '*' is only allowed in a VirtualService bound exclusively to gateways; list the hosts, or set gateways without 'mesh'.");
                allValid = false;
            }
            else if (!IstioSyntax.IsWildcardDomain(host) && !IstioSyntax.IsIp(host))
            {
                context.Error(DiagnosticCodes.InvalidHost, $"{SpecHosts}[{i}]", $"invalid host '{host}'; use a service name, FQDN or '*.'-prefixed wildcard.");
                allValid = false;
            }
        }

        if (allValid)
        {
            // VS-05: checked only when every host is valid, as Istio does.
            for (var i = 0; i < spec.HostsOrEmpty.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (IstioSyntax.HostsMatch(spec.HostsOrEmpty[i], spec.HostsOrEmpty[j]))
                    {
                        context.Error(DiagnosticCodes.OverlappingHosts, $"{SpecHosts}[{i}]", $"hosts '{spec.HostsOrEmpty[j]}' and '{spec.HostsOrEmpty[i]}' overlap; keep only one of them.");
                        break;
                    }
                }
            }
        }

        if (spec.HttpOrEmpty.Count == 0 && spec.TlsOrEmpty.Count == 0 && spec.TcpOrEmpty.Count == 0)
        {
            context.Error(DiagnosticCodes.EmptyConfiguration, Spec, "a VirtualService needs http, tcp or tls routes; add at least one.");
        }

        CommonRules.CheckExportTo(context, spec.ExportToOrEmpty, SpecExportTo, allowTilde: false);
        for (var i = 0; i < spec.HttpOrEmpty.Count; i++)
        {
            var path = context.Path(Spec, SpecHttp, i);
            CheckHttpRoute(spec.HttpOrEmpty[i], path, delegateService, context);
            CheckHttpRouteDetails(spec.HttpOrEmpty[i], path, gatewayOnly: !meshBound, context);
        }

        for (var i = 0; i < spec.TlsOrEmpty.Count; i++)
        {
            CheckTlsRoute(spec, spec.TlsOrEmpty[i], context.Path(Spec, SpecTls, i), context);
        }

        for (var i = 0; i < spec.TcpOrEmpty.Count; i++)
        {
            var route = spec.TcpOrEmpty[i];
            var tcpPath = context.Path(Spec, SpecTcp, i);
            for (var m = 0; m < route.MatchOrEmpty.Count; m++)
            {
                CheckL4(route.MatchOrEmpty[m].DestinationSubnetsOrEmpty, route.MatchOrEmpty[m].Port, route.MatchOrEmpty[m].SourceLabels, route.MatchOrEmpty[m].GatewaysOrEmpty, context.Path(tcpPath, TcpRouteMatch, m), context);
            }

            CheckRouteDestinations(route.RouteOrEmpty, static r => (r.Destination, r.Weight), tcpPath, "TCP", context);
        }

        VirtualServiceMatchCoverage.Check(spec, context);
    }

    /// <summary>G-24. Q-02: Istio stops after the first bare name; we check every entry (the stricter rule).</summary>
    public static void CheckGatewayNames(Items<string> gateways, string path, RuleContext context)
    {
        for (var i = 0; i < gateways.Count; i++)
        {
            var gateway = gateways[i];
            if (gateway == "mesh")
            {
                continue;
            }

            // The entry path is made only for a wrong entry.
            var slash = gateway.IndexOf('/');
            if (slash >= 0)
            {
                var ns = gateway[..slash];
                var name = gateway[(slash + 1)..];
                if (!IstioSyntax.IsDnsLabel(ns) || !IstioSyntax.IsDnsLabel(name))
                {
                    context.Error(DiagnosticCodes.InvalidGatewayReference, $"{path}[{i}]", $"invalid gateway reference '{gateway}'; write 'namespace/name' with DNS-label parts (Gateway names have no dots), 'name', or 'mesh'.");
                }
            }
            else if (!IstioSyntax.IsFqdn(gateway))
            {
                context.Error(DiagnosticCodes.InvalidGatewayReference, $"{path}[{i}]", $"invalid gateway reference '{gateway}'; write 'namespace/name', 'name', or 'mesh'.");
            }
            else if (gateway.Contains('.'))
            {
                context.Warning(DiagnosticCodes.InvalidGatewayReference, $"{path}[{i}]", $"gateway reference '{gateway}' uses the legacy dotted format; write '<namespace>/<name>'.");
            }
        }
    }

    private static void CheckHttpRoute(HttpRoute route, string path, bool inDelegate, RuleContext context)
    {
        if (route.RouteOrEmpty.Count == 0 && route.Redirect is null && route.DirectResponse is null && route.Delegate is null)
        {
            context.Error(DiagnosticCodes.InvalidHttpRoute, path, "an HTTP rule needs route, redirect or directResponse; add one.");
        }

        if (route.Redirect is not null)
        {
            foreach (var (set, field) in new[] { (route.RouteOrEmpty.Count > 0, "route"), (route.Fault is not null, "fault"), (route.Rewrite is not null, "rewrite"), (route.DirectResponse is not null, "directResponse") })
            {
                if (set)
                {
                    context.Error(DiagnosticCodes.ConflictingFields, path + HttpRouteRedirect, $"redirect cannot be combined with {field}; remove one of them.");
                }
            }

            CheckRedirect(route.Redirect, context.Path(path, HttpRouteRedirect), context);
        }
        else if (route.DirectResponse is not null)
        {
            foreach (var (set, field) in new[] { (route.RouteOrEmpty.Count > 0, "route"), (route.Fault is not null, "fault"), (route.Rewrite is not null, "rewrite") })
            {
                if (set)
                {
                    context.Error(DiagnosticCodes.ConflictingFields, path + HttpRouteDirectResponse, $"directResponse cannot be combined with {field}; remove one of them.");
                }
            }
        }

        if (route.DirectResponse is { } direct && direct.Status is not (>= 200 and <= 600))
        {
            // Q-04: Istio's message says 200–599 but accepts 600; we follow the code.
            context.Error(DiagnosticCodes.InvalidHttpRoute, path + HttpRouteDirectResponseStatus, $"directResponse status {direct.Status?.ToString() ?? "(missing)"} must be between 200 and 599.");
        }

        if (route.Delegate is not null && (route.RouteOrEmpty.Count > 0 || route.Redirect is not null))
        {
            context.Error(DiagnosticCodes.ConflictingFields, path + HttpRouteDelegate, "a delegating rule cannot also set route or redirect; keep delegate or the routes.");
        }

        if (route.Delegate is not null && inDelegate)
        {
            context.Error(DiagnosticCodes.InvalidHttpRoute, path + HttpRouteDelegate, "a delegate VirtualService cannot delegate again; route directly.");
        }

        if (route.Mirror is not null && route.MirrorsOrEmpty.Count > 0)
        {
            context.Error(DiagnosticCodes.ConflictingFields, path + HttpRouteMirrors, "use either mirror or mirrors, not both; move the mirror into mirrors.");
        }

        if (route.Mirror is { } mirror)
        {
            CheckDestination(mirror, context.Path(path, HttpRouteMirror), context);
        }

        for (var i = 0; i < route.MirrorsOrEmpty.Count; i++)
        {
            var mirrorPath = context.Path(path, HttpRouteMirrors, i);
            if (route.MirrorsOrEmpty[i].Destination is { } destination)
            {
                CheckDestination(destination, context.Path(mirrorPath, HttpMirrorPolicyDestination), context);
            }
            else
            {
                context.Error(DiagnosticCodes.MissingField, mirrorPath + HttpMirrorPolicyDestination, "the mirror has no destination; set destination.host.");
            }

            if (route.MirrorsOrEmpty[i].Percentage?.Value is < 0 or > 100)
            {
                context.Error(DiagnosticCodes.InvalidPercentage, mirrorPath + HttpMirrorPolicyPercentageValue, "mirror percentage must be between 0 and 100.");
            }
        }

#pragma warning disable CS0618 // Istio's deprecated fields are still checked while Istio accepts them.
        var mirrorPercent = route.MirrorPercent ?? route.MirrorPercentSnakeCase;
#pragma warning restore CS0618
        if (mirrorPercent is { } percent)
        {
            if (percent > 100)
            {
                context.Error(DiagnosticCodes.InvalidPercentage, path + HttpRouteMirrorPercent, $"mirrorPercent {percent} must be between 0 and 100.");
            }

            context.Warning(DiagnosticCodes.Deprecated, path + HttpRouteMirrorPercent, "mirrorPercent is deprecated; use mirrorPercentage.");
        }

        if (route.MirrorPercentage?.Value is < 0 or > 100)
        {
            context.Error(DiagnosticCodes.InvalidPercentage, path + HttpRouteMirrorPercentageValue, "mirrorPercentage must be between 0 and 100.");
        }

        for (var m = 0; m < route.MatchOrEmpty.Count; m++)
        {
            CheckHttpMatch(route.MatchOrEmpty[m], context.Path(path, HttpRouteMatch, m), context);
        }

        if (route.Timeout is { } timeout && !IstioSyntax.IsDuration(timeout))
        {
            context.Error(DiagnosticCodes.InvalidDuration, path + HttpRouteTimeout, $"timeout {timeout} must be at least 1ms in whole milliseconds; remove it to use the default.");
        }

        if (route.Retries is { } retries)
        {
            CheckRetries(retries, context.Path(path, HttpRouteRetries), context);
        }

        if (route.Fault is { } fault && fault.Abort is null && fault.Delay is null)
        {
            context.Error(DiagnosticCodes.EmptyConfiguration, path + HttpRouteFault, "fault needs abort and/or delay; add one or remove fault.");
        }

        CheckRouteDestinations(route.RouteOrEmpty, static r => (r.Destination, r.Weight), path, "HTTP", context);
    }

    private static void CheckRedirect(HttpRedirect redirect, string path, RuleContext context)
    {
        if (redirect.Uri is not null && redirect.PrefixRewrite is not null)
        {
            context.Error(DiagnosticCodes.ConflictingFields, path + HttpRedirectPrefixRewrite, "redirect uri and prefixRewrite cannot both be set; keep one.");
        }

        if (redirect.Uri is null && redirect.PrefixRewrite is null && redirect.Authority is null && redirect.Port is null && redirect.DerivePort is null && redirect.Scheme is null)
        {
            context.Error(DiagnosticCodes.EmptyConfiguration, path, "redirect changes nothing; set uri, prefixRewrite, authority, port, derivePort or scheme.");
        }

        if (redirect.RedirectCode is { } code && code is < 300 or > 399)
        {
            context.Error(DiagnosticCodes.InvalidHttpRoute, path + HttpRedirectRedirectCode, $"redirectCode {code} must be between 300 and 399.");
        }

        if (redirect.Scheme is { } scheme && scheme != "http" && scheme != "https")
        {
            context.Error(DiagnosticCodes.InvalidHttpRoute, path + HttpRedirectScheme, $"redirect scheme '{scheme}' must be http or https.");
        }

        if (redirect.Port is { } port && port > 0 && !IstioSyntax.IsPort(port))
        {
            context.Error(DiagnosticCodes.InvalidPort, path + HttpRedirectPort, $"redirect port {port} must be in range 1..65535.");
        }
    }

    private static void CheckRetries(HttpRetry retries, string path, RuleContext context)
    {
        if (retries.Attempts is < 0)
        {
            context.Error(DiagnosticCodes.InvalidHttpRoute, path + HttpRetryAttempts, "retries.attempts must be >= 0.");
        }

        if (retries.Attempts is null or 0 && (retries.PerTryTimeout is not null || retries.RetryOn is not null || retries.RetryRemoteLocalities is not null))
        {
            context.Error(DiagnosticCodes.InvalidHttpRoute, path + HttpRetryAttempts, "with retries.attempts 0 (or unset) perTryTimeout, retryOn and retryRemoteLocalities have no effect; set attempts or remove them.");
        }

        DestinationRuleRules.Duration(retries.PerTryTimeout, path, HttpRetryPerTryTimeout, context);
        DestinationRuleRules.Duration(retries.Backoff, path, HttpRetryBackoff, context);
        if (retries.RetryOn is { } retryOn)
        {
            foreach (var item in retryOn.Split(','))
            {
                if (!RetryOnPolicies.Contains(item) && !(item.Length == 3 && item.All(char.IsAsciiDigit)))
                {
                    context.Error(DiagnosticCodes.InvalidHttpRoute, path + HttpRetryRetryOn, $"retryOn item '{item}' is not a retry policy or HTTP status code (items are comma-separated without spaces, e.g. '5xx,connect-failure').");
                }
            }
        }
    }

    private static void CheckHttpMatch(HttpMatchRequest match, string path, RuleContext context)
    {
        CheckStringMatch(match.Uri, path, HttpMatchRequestUri, allowEmptyPrefix: true, context);
        CheckStringMatch(match.Scheme, path, HttpMatchRequestScheme, allowEmptyPrefix: false, context);
        CheckStringMatch(match.Method, path, HttpMatchRequestMethod, allowEmptyPrefix: false, context);
        CheckStringMatch(match.Authority, path, HttpMatchRequestAuthority, allowEmptyPrefix: false, context);
        CheckMatchMap(match.HeadersOrEmpty, path, "headers", headerNames: true, context);
        CheckMatchMap(match.WithoutHeadersOrEmpty, path, "withoutHeaders", headerNames: true, context);
        CheckMatchMap(match.QueryParamsOrEmpty, path, "queryParams", headerNames: false, context);

        if (match.Port is { } port && port != 0 && !IstioSyntax.IsPort(port))
        {
            context.Error(DiagnosticCodes.InvalidPort, path + HttpMatchRequestPort, $"match port {port} must be in range 1..65535.");
        }

        CommonRules.CheckLabels(context, match.SourceLabelsOrEmpty, path, HttpMatchRequestSourceLabels);
        if (match.GatewaysOrEmpty.Count > 0)
        {
            CheckGatewayNames(match.GatewaysOrEmpty, context.Path(path, HttpMatchRequestGateways), context);
        }
        if (match.SourceNamespace is { } ns && !IstioSyntax.IsDnsLabel(ns))
        {
            context.Error(DiagnosticCodes.InvalidResourceName, path + HttpMatchRequestSourceNamespace, $"sourceNamespace '{ns}' is not a valid namespace name.");
        }
    }

    /// <summary>The headers, withoutHeaders or queryParams of a match; an empty map costs no enumerator.</summary>
    private static void CheckMatchMap(IReadOnlyDictionary<string, StringMatch> map, string path, string field, bool headerNames, RuleContext context)
    {
        if (map.Count == 0)
        {
            return;
        }

        foreach (var (name, value) in map)
        {
            var entry = $"{path}.{field}[{name}]";
            if (headerNames)
            {
                CheckHeaderName(name, entry, context);
            }

            CheckStringMatch(value, entry, allowEmptyPrefix: false, context);
        }
    }

    private static void CheckHeaderName(string name, string path, RuleContext context)
    {
        var token = IsToken(name);
        var pseudo = name is ":method" or ":scheme" or ":authority" or ":path" or ":status";
        var claim = name.StartsWith("@request.auth.claims", StringComparison.Ordinal);
        if (!token && !pseudo && !claim)
        {
            context.Error(DiagnosticCodes.InvalidHeader, path, $"'{name}' is not a valid header name; use an RFC 7230 token such as x-user-id.");
        }
    }

    /// <summary>G-18/G-19; the path (<paramref name="path"/> + <paramref name="field"/>) is made only for a wrong match.</summary>
    public static void CheckStringMatch(StringMatch? match, string path, string field, bool allowEmptyPrefix, RuleContext context)
    {
        if (match is null)
        {
            return;
        }

        if (match.Exact is null && match.Prefix is null && match.Regex is null)
        {
            context.Error(DiagnosticCodes.InvalidStringMatch, path + field, "the match sets none of exact, prefix or regex; set one.");
        }

        if (match.Prefix is { Length: 0 } && !allowEmptyPrefix)
        {
            context.Error(DiagnosticCodes.InvalidStringMatch, path + field + StringMatchPrefix, "an empty prefix matches everything; remove the match or give a prefix.");
        }

        if (match.Regex is { } regex)
        {
            var problem = regex.Length == 0 ? "it is empty" : IstioSyntax.RegexProblem(regex);
            if (problem is not null)
            {
                context.Error(DiagnosticCodes.InvalidStringMatch, path + field + StringMatchRegex, $"invalid RE2 regex '{regex}': {problem}.");
            }
        }
    }

    public static void CheckStringMatch(StringMatch? match, string path, bool allowEmptyPrefix, RuleContext context)
        => CheckStringMatch(match, path, string.Empty, allowEmptyPrefix, context);

    private static void CheckTlsRoute(VirtualServiceSpec spec, TlsRoute route, string path, RuleContext context)
    {
        if (route.MatchOrEmpty.Count == 0)
        {
            context.Error(DiagnosticCodes.MissingField, path + TlsRouteMatch, "a TLS route needs at least one match with sniHosts.");
        }

        for (var m = 0; m < route.MatchOrEmpty.Count; m++)
        {
            var match = route.MatchOrEmpty[m];
            var matchPath = context.Path(path, TlsRouteMatch, m);
            if (match.SniHostsOrEmpty.Count == 0)
            {
                context.Error(DiagnosticCodes.MissingField, matchPath + TlsMatchAttributesSniHosts, "a TLS match needs sniHosts; list the SNI names to match.");
            }

            for (var s = 0; s < match.SniHostsOrEmpty.Count; s++)
            {
                var sni = match.SniHostsOrEmpty[s];
                if (!IstioSyntax.IsWildcardDomain(sni) && !IstioSyntax.IsIp(sni))
                {
                    context.Error(DiagnosticCodes.InvalidHost, $"{matchPath}{TlsMatchAttributesSniHosts}[{s}]", $"invalid SNI host '{sni}'.");
                }
                else if (!CoversSni(spec.HostsOrEmpty, sni, context.Namespace))
                {
                    context.Error(DiagnosticCodes.InvalidHost, $"{matchPath}{TlsMatchAttributesSniHosts}[{s}]", $"SNI host '{sni}' is not covered by the VirtualService hosts; add it to spec.hosts or correct it.");
                }
            }

            CheckL4(match.DestinationSubnetsOrEmpty, match.Port, match.SourceLabels, match.GatewaysOrEmpty, matchPath, context);
        }

        CheckRouteDestinations(route.RouteOrEmpty, static r => (r.Destination, r.Weight), path, "TLS", context);
    }

    /// <summary>Whether one of the VirtualService's hosts, as written or normalised in its namespace, covers the SNI host.</summary>
    private static bool CoversSni(Items<string> hosts, string sni, string @namespace)
    {
        foreach (var host in hosts)
        {
            if (IstioSyntax.HostSubsetOf(sni, HostNames.Normalize(host, @namespace)) || IstioSyntax.HostSubsetOf(sni, host))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckL4(Items<string> subnets, uint? port, IReadOnlyDictionary<string, string> labels, Items<string> gateways, string path, RuleContext context)
    {
        for (var i = 0; i < subnets.Count; i++)
        {
            if (!IstioSyntax.IsIpOrCidr(subnets[i]))
            {
                context.Error(DiagnosticCodes.InvalidAddress, $"{path}{L4MatchAttributesDestinationSubnets}[{i}]", $"'{subnets[i]}' is not an IP address or CIDR block.");
            }
        }

        if (port is { } number && number != 0 && !IstioSyntax.IsPort(number))
        {
            context.Error(DiagnosticCodes.InvalidPort, path + L4MatchAttributesPort, $"match port {number} must be in range 1..65535.");
        }

        CommonRules.CheckLabels(context, labels, path, L4MatchAttributesSourceLabels);
        CheckGatewayNames(gateways, context.Path(path, L4MatchAttributesGateways), context);
    }

    /// <summary>The destinations of an HTTP, TLS or TCP route; <paramref name="parts"/> reads one (a static lambda: nothing is allocated per call).</summary>
    private static void CheckRouteDestinations<T>(Items<T> routes, Func<T, (Destination? Destination, int? Weight)> parts, string path, string kind, RuleContext context)
    {
        if (kind != "HTTP" && routes.Count == 0)
        {
            context.Error(DiagnosticCodes.InvalidTcpOrTlsRoute, path + HttpRouteRoute, $"a {kind} route requires route destinations; add one.");
        }

        var totalWeight = 0L;
        for (var i = 0; i < routes.Count; i++)
        {
            var (destination, weight) = parts(routes[i]);
            totalWeight += weight ?? 0;
            var routePath = context.Path(path, HttpRouteRoute, i);
            if (destination is null)
            {
                context.Error(DiagnosticCodes.MissingField, routePath + HttpRouteDestinationDestination, "the route has no destination; set destination.host.");
            }
            else
            {
                CheckDestination(destination, context.Path(routePath, HttpRouteDestinationDestination), context);
            }

            if (weight is < 0)
            {
                context.Error(DiagnosticCodes.InvalidDestination, routePath + HttpRouteDestinationWeight, $"weight {weight} must be >= 0.");
            }
        }

        if (routes.Count > 1 && totalWeight == 0)
        {
            context.Error(DiagnosticCodes.InvalidDestination, path + HttpRouteRoute, "with several destinations at least one weight must be above 0; set the weights (e.g. 90 and 10).");
        }
    }

    /// <summary>G-25.</summary>
    public static void CheckDestination(Destination destination, string path, RuleContext context)
    {
        if (string.IsNullOrEmpty(destination.Host))
        {
            context.Error(DiagnosticCodes.InvalidDestination, path + DestinationHost, "the destination has no host; set the service host.");
        }
        else if (destination.Host == "*" || !IstioSyntax.IsWildcardDomain(destination.Host))
        {
            context.Error(DiagnosticCodes.InvalidDestination, path + DestinationHost, $"destination host '{destination.Host}' is invalid; use a service name or FQDN (not '*' or an IP).");
        }

        if (destination.Subset is { } subset && !IstioSyntax.IsDnsLabel(subset))
        {
            context.Error(DiagnosticCodes.InvalidDestination, path + DestinationSubset, $"subset '{subset}' is not a valid subset name (DNS-1123 label).");
        }

        if (destination.Port?.Number is { } number && !IstioSyntax.IsPort(number))
        {
            context.Error(DiagnosticCodes.InvalidPort, path + DestinationPortNumber, $"destination port {number} must be in range 1..65535.");
        }
    }
}
