using System.Text;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// VirtualService HTTP rule details: VS-08 (JWT-claim matches), VS-H11/H12 header operations (G-21, G-22),
/// VS-H13…H17 CORS, VS-H19/H20 fault injection (G-13), VS-H26 direct response body size, VS-H28 rewrite.
/// </summary>
internal sealed partial class VirtualServiceRules
{
    /// <summary>Above this a direct response body is rejected (1 MiB).</summary>
    private const int MaxDirectResponseBody = 1024 * 1024;

    /// <summary>Above this a direct response body gets a warning (100 KiB).</summary>
    private const int LargeDirectResponseBody = 100 * 1024;

    private static readonly HashSet<string> CorsMethods = new(StringComparer.Ordinal)
    {
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE", "*",
    };

    private static readonly HashSet<string> GrpcStatusNames = new(StringComparer.Ordinal)
    {
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
        "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    };

    /// <summary>The characters of an RFC 7230 token (<see cref="IsToken"/>).</summary>
    private static readonly System.Buffers.SearchValues<char> TokenCharacters
        = System.Buffers.SearchValues.Create("!#$%&'*+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz|~");

    private static void CheckHttpRouteDetails(HttpRoute route, string path, bool gatewayOnly, RuleContext context)
    {
        if (!gatewayOnly)
        {
            for (var m = 0; m < route.MatchOrEmpty.Count; m++)
            {
                CheckClaimRouting(route.MatchOrEmpty[m].HeadersOrEmpty, path, m, HttpMatchRequestHeaders, context);
                CheckClaimRouting(route.MatchOrEmpty[m].WithoutHeadersOrEmpty, path, m, HttpMatchRequestWithoutHeaders, context);
            }
        }

        if (route.Headers is not null)
        {
            // Both checks look only at the rule's header operations.
            var headersPath = context.Path(path, HttpRouteHeaders);
            CheckHeaderOperations(route.Headers, headersPath, context);
            CheckAuthorityRewrite(route.Rewrite, route.Headers, headersPath, context);
        }
        for (var i = 0; i < route.RouteOrEmpty.Count; i++)
        {
            if (route.RouteOrEmpty[i].Headers is null)
            {
                // Both checks below look only at the destination's header operations.
                continue;
            }

            var headersPath = context.Path(context.Path(path, HttpRouteRoute, i), HttpRouteDestinationHeaders);
            CheckHeaderOperations(route.RouteOrEmpty[i].Headers, headersPath, context);
            CheckAuthorityRewrite(route.Rewrite, route.RouteOrEmpty[i].Headers, headersPath, context);
        }

        if (route.CorsPolicy is { } cors)
        {
            CheckCors(cors, path + HttpRouteCorsPolicy, context);
        }

        if (route.Fault is { } fault)
        {
            CheckFault(fault, path + HttpRouteFault, context);
        }

        if (route.Rewrite is { } rewrite)
        {
            CheckRewrite(rewrite, path + HttpRouteRewrite, context);
        }

        if (route.DirectResponse?.Body is { } body)
        {
            var size = body.String is { } text ? Encoding.UTF8.GetByteCount(text) : body.Bytes?.Length ?? 0;
            var bodyPath = path + HttpRouteDirectResponseBody;
            if (size > MaxDirectResponseBody)
            {
                context.Error(DiagnosticCodes.InvalidHttpRoute, bodyPath, $"the directResponse body is {size} bytes; at most 1 MiB is allowed. Serve large content from a service.");
            }
            else if (size > LargeDirectResponseBody)
            {
                context.Warning(DiagnosticCodes.InvalidHttpRoute, bodyPath, $"the directResponse body is {size} bytes; bodies above 100 KiB bloat every proxy's configuration. Serve large content from a service.");
            }
        }
    }

    /// <summary>VS-H11: G-21 header names and G-22 header values.</summary>
    private static void CheckClaimRouting(IReadOnlyDictionary<string, StringMatch> headers, string path, int m, string field, RuleContext context)
    {
        if (headers.Count == 0)
        {
            return;
        }

        foreach (var name in headers.Keys)
        {
            if (name.StartsWith("@request.auth.claims", StringComparison.Ordinal))
            {
                context.Error(DiagnosticCodes.InvalidHttpRoute, $"{path}{HttpRouteMatch}[{m}]{field}[{name}]", $"routing on JWT claim '{name}' is only supported in VirtualServices bound only to gateways; set gateways (without 'mesh') or match on a header.");
            }
        }
    }

    private static void CheckHeaderOperations(Headers? headers, string path, RuleContext context)
    {
        if (headers is null)
        {
            return;
        }

        foreach (var (operations, direction) in new[] { (headers.Request, HeadersRequest), (headers.Response, HeadersResponse) })
        {
            if (operations is null)
            {
                continue;
            }

            var request = ReferenceEquals(direction, HeadersRequest);
            foreach (var (map, verb) in new[] { (operations.Set, HeaderOperationsSet), (operations.Add, HeaderOperationsAdd) })
            {
                foreach (var (name, value) in map)
                {
                    var entry = $"{path}{direction}{verb}[{name}]";
                    CheckManipulatedHeader(name, entry, allowAuthority: request, context);
                    if (HeaderValueProblem(value) is { } problem)
                    {
                        context.Error(DiagnosticCodes.InvalidHeader, entry, $"invalid header value '{value}': {problem}.");
                    }
                }
            }

            for (var i = 0; i < operations.RemoveOrEmpty.Count; i++)
            {
                CheckManipulatedHeader(operations.RemoveOrEmpty[i], $"{path}{direction}{HeaderOperationsRemove}[{i}]", allowAuthority: false, context);
            }
        }
    }

    /// <summary>G-21: request set/add may write <c>:authority</c> and <c>host</c>; nothing else may touch Host or pseudo-headers.</summary>
    private static void CheckManipulatedHeader(string name, string path, bool allowAuthority, RuleContext context)
    {
        var forbidden = name.Length == 0
            || (name.StartsWith(':') && !(allowAuthority && name == ":authority"))
            || (!allowAuthority && string.Equals(name, "host", StringComparison.OrdinalIgnoreCase));
        if (forbidden)
        {
            context.Error(
                DiagnosticCodes.InvalidHeader,
                path,
                name.Length == 0
                    ? "the header name is empty; name the header to manipulate."
                    : $"cannot manipulate header '{name}'; Host and pseudo-headers (':…') can only be changed with rewrite.authority or a request set/add of :authority.");
        }
    }

    /// <summary>G-22: why a header value is invalid (control characters, unescaped <c>%</c>), or null.</summary>
    private static string? HeaderValueProblem(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if ((c < 0x20 && c != '\t') || c == 0x7F)
            {
                return $"it contains the control character 0x{(int)c:X2}";
            }

            if (c != '%')
            {
                continue;
            }

            if (i + 1 < value.Length && value[i + 1] == '%')
            {
                i++;
                continue;
            }

            // A command operator %VAR%, %VAR(args)% or %VAR(args):N%.
            var j = i + 1;
            while (j < value.Length && (char.IsAsciiLetterUpper(value[j]) || char.IsAsciiDigit(value[j]) || value[j] == '_'))
            {
                j++;
            }

            if (j > i + 1 && j < value.Length && value[j] == '(')
            {
                var close = value.IndexOf(')', j);
                j = close < 0 ? value.Length : close + 1;
                if (j < value.Length && value[j] == ':')
                {
                    j++;
                    while (j < value.Length && char.IsAsciiDigit(value[j]))
                    {
                        j++;
                    }
                }
            }

            if (j == i + 1 || j >= value.Length || value[j] != '%')
            {
                return "a '%' must be escaped as '%%' or start a %VARIABLE% expression";
            }

            i = j;
        }

        return null;
    }

    /// <summary>VS-H12: rewrite.authority and request set/add of :authority or host together set the authority at most once.</summary>
    private static void CheckAuthorityRewrite(HttpRewrite? rewrite, Headers? headers, string path, RuleContext context)
    {
        if (headers?.Request is not { } request)
        {
            return;
        }

        var count = string.IsNullOrEmpty(rewrite?.Authority) ? 0 : 1;
        count += request.Set.Keys.Count(IsAuthorityHeader) + request.Add.Keys.Count(IsAuthorityHeader);
        if (count > 1)
        {
            context.Error(DiagnosticCodes.InvalidHeader, path + HeadersRequest, "the authority is rewritten more than once (rewrite.authority and request set/add of :authority or host); keep one.");
        }
    }

    private static bool IsAuthorityHeader(string name) => name == ":authority" || string.Equals(name, "host", StringComparison.OrdinalIgnoreCase);

    /// <summary>VS-H13…VS-H17.</summary>
    private static void CheckCors(CorsPolicy cors, string path, RuleContext context)
    {
        for (var i = 0; i < cors.AllowOriginsOrEmpty.Count; i++)
        {
            var origin = cors.AllowOriginsOrEmpty[i];
            var originPath = $"{path}{CorsPolicyAllowOrigins}[{i}]";
            if (string.IsNullOrEmpty(origin.Exact) && string.IsNullOrEmpty(origin.Prefix) && string.IsNullOrEmpty(origin.Regex))
            {
                context.Error(DiagnosticCodes.InvalidStringMatch, originPath, "the allowed origin is empty; set exact, prefix or regex to a non-empty value, e.g. exact: https://example.com.");
            }
            else if (origin.Regex is { } regex && IstioSyntax.RegexProblem(regex) is { } problem)
            {
                context.Error(DiagnosticCodes.InvalidStringMatch, originPath + StringMatchRegex, $"invalid RE2 regex '{regex}': {problem}.");
            }
        }

        for (var i = 0; i < cors.AllowMethodsOrEmpty.Count; i++)
        {
            if (!CorsMethods.Contains(cors.AllowMethodsOrEmpty[i]))
            {
                context.Error(DiagnosticCodes.InvalidHttpRoute, $"{path}{CorsPolicyAllowMethods}[{i}]", $"'{cors.AllowMethodsOrEmpty[i]}' is not a supported CORS method; use GET, HEAD, POST, PUT, PATCH, DELETE, CONNECT, OPTIONS, TRACE or '*' (upper case).");
            }
        }

        foreach (var (names, field) in new[] { (cors.AllowHeadersOrEmpty, "allowHeaders"), (cors.ExposeHeadersOrEmpty, "exposeHeaders") })
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (names[i] != "*" && !IsToken(names[i]))
                {
                    context.Error(DiagnosticCodes.InvalidHeader, $"{path}.{field}[{i}]", $"'{names[i]}' is not a valid header name; use an RFC 7230 token such as x-request-id, or '*'.");
                }
            }
        }

        if (cors.MaxAge is { } maxAge && (!IstioSyntax.IsDuration(maxAge) || maxAge.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            context.Error(DiagnosticCodes.InvalidDuration, path + CorsPolicyMaxAge, $"maxAge {maxAge} must be a whole number of seconds, at least 1s (e.g. 24h).");
        }

        CommonRules.CheckEnum(context, cors.UnmatchedPreflights, path + CorsPolicyUnmatchedPreflights);
    }

    /// <summary>An RFC 7230 token: letters, digits and <c>!#$%&amp;'*+-.^_|~`</c>.</summary>
    private static bool IsToken(string name) => name.Length > 0 && !name.AsSpan().ContainsAnyExcept(TokenCharacters);

    /// <summary>VS-H19 and VS-H20 with G-13.</summary>
    private static void CheckFault(HttpFaultInjection fault, string path, RuleContext context)
    {
        if (fault.Abort is { } abort)
        {
            var abortPath = path + HttpFaultInjectionAbort;
            FaultPercentage(abort.Percentage, abortPath + FaultAbortPercentageValue, context);
            if (abort.HttpStatus is { } status && status is < 200 or > 600)
            {
                // Istio's message says 200–599 but accepts 600; we follow the code.
                context.Error(DiagnosticCodes.InvalidHttpRoute, abortPath + FaultAbortHttpStatus, $"abort httpStatus {status} must be between 200 and 599.");
            }

            if (abort.GrpcStatus is { } grpc && !GrpcStatusNames.Contains(grpc))
            {
                context.Error(DiagnosticCodes.InvalidHttpRoute, abortPath + FaultAbortGrpcStatus, $"'{grpc}' is not a gRPC status name; use an upper-case canonical name such as UNAVAILABLE or NOT_FOUND.");
            }

            if (abort.Http2Error is not null)
            {
                context.Error(DiagnosticCodes.InvalidHttpRoute, abortPath + FaultAbortHttp2Error, "abort.http2Error is not supported by Istio; use httpStatus or grpcStatus.");
            }

            if (abort.HttpStatus is null && abort.GrpcStatus is null && abort.Http2Error is null)
            {
                context.Warning(DiagnosticCodes.InvalidHttpRoute, abortPath, "the abort sets no error type, so nothing is aborted; set httpStatus (e.g. 503) or grpcStatus.");
            }
        }

        if (fault.Delay is { } delay)
        {
            var delayPath = path + HttpFaultInjectionDelay;
            FaultPercentage(delay.Percentage, delayPath + FaultDelayPercentageValue, context);
#pragma warning disable CS0618 // Istio's deprecated fields are still checked while Istio accepts them.
            DestinationRuleRules.Percent(delay.Percent, delayPath, FaultDelayPercent, context);
            if (delay.Percent is not null)
            {
                // AN-14: istioctl's deprecation analyzer reports it (IST0002).
                context.Warning(DiagnosticCodes.Deprecated, delayPath + FaultDelayPercent, "delay.percent is deprecated; use delay.percentage.value.");
            }
#pragma warning restore CS0618
            DestinationRuleRules.Duration(delay.FixedDelay, delayPath, FaultDelayFixedDelay, context);
            if (delay.ExponentialDelay is not null)
            {
                context.Error(DiagnosticCodes.InvalidHttpRoute, delayPath + FaultDelayExponentialDelay, "delay.exponentialDelay is not supported by Istio; use fixedDelay.");
            }
        }
    }

    /// <summary>G-13: 0, or within [0.0001, 100].</summary>
    private static void FaultPercentage(Percent? percentage, string path, RuleContext context)
    {
        if (percentage?.Value is { } value && (value < 0 || value > 100 || (value > 0 && value < 0.0001)))
        {
            context.Error(DiagnosticCodes.InvalidPercentage, path, $"fault percentage {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} must be 0 or within [0.0001, 100].");
        }
    }

    /// <summary>VS-H28.</summary>
    private static void CheckRewrite(HttpRewrite rewrite, string path, RuleContext context)
    {
        var uri = !string.IsNullOrEmpty(rewrite.Uri);
        if (uri && rewrite.UriRegexRewrite is not null)
        {
            context.Error(DiagnosticCodes.ConflictingFields, path + HttpRewriteUriRegexRewrite, "rewrite uri and uriRegexRewrite cannot both be set; keep one.");
        }

        if (!uri && rewrite.UriRegexRewrite is null && string.IsNullOrEmpty(rewrite.Authority))
        {
            context.Error(DiagnosticCodes.EmptyConfiguration, path, "rewrite changes nothing; set uri, uriRegexRewrite or authority, or remove it.");
        }

        if (rewrite.UriRegexRewrite is { } regexRewrite)
        {
            if (string.IsNullOrEmpty(regexRewrite.Match) || string.IsNullOrEmpty(regexRewrite.Rewrite))
            {
                context.Error(DiagnosticCodes.MissingField, path + HttpRewriteUriRegexRewrite, "uriRegexRewrite needs both match and rewrite, e.g. match: ^/service/([^/]+)(/.*)$, rewrite: \\2/instance/\\1.");
            }
            else if (IstioSyntax.RegexProblem(regexRewrite.Match) is { } problem)
            {
                context.Error(DiagnosticCodes.InvalidStringMatch, path + HttpRewriteUriRegexRewriteMatch, $"invalid RE2 regex '{regexRewrite.Match}': {problem}.");
            }
        }
    }
}
