using System.Buffers;
using System.Globalization;
using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// AuthorizationPolicy rules on what istiod's webhook reads as attributes (istio/istio pkg/config/security): the keys and
/// values of every condition (ValidateAttribute) and the path templates of every operation (CheckValidPathTemplate).
/// <see cref="AuthorizationPolicyRules"/> checks the rest of each rule, including conditions without key or values.
/// </summary>
internal sealed class AuthorizationPolicyConditions() : FieldRule<AuthorizationPolicy>(
    "authorizationpolicy.attributes",
    "AuthorizationPolicy condition keys and values (request.headers[...], source.ip, destination.port, ...) and operation path templates ({*}, {**}) as istiod's webhook checks them.",
    [DiagnosticCodes.InvalidAuthorizationCondition, DiagnosticCodes.InvalidAddress, DiagnosticCodes.InvalidPort, DiagnosticCodes.InvalidPathTemplate])
{
    private const string MatchOneTemplate = "{*}";
    private const string MatchAnyTemplate = "{**}";

    // RFC 3986 pchar without '/', '*' and '?': what Envoy's URI template matcher accepts as a literal segment.
    private static readonly SearchValues<char> LiteralCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~%!$&'()+,;:@=");

    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => AuthorizationPolicySpec.Schema);
    private static readonly FieldPath RulesPath = Spec.Field("rules");
    private static readonly FieldPath RuleTo = RulesPath.Item.Field("to");
    private static readonly FieldPath RuleWhen = RulesPath.Item.Field("when");
    private static readonly FieldPath WhenKey = RuleWhen.Item.Field("key");
    private static readonly FieldPath WhenValues = RuleWhen.Item.Field("values");
    private static readonly FieldPath WhenNotValues = RuleWhen.Item.Field("notValues");
    private static readonly FieldPath OperationPaths = RuleTo.Item.Field("operation.paths");
    private static readonly FieldPath OperationNotPaths = RuleTo.Item.Field("operation.notPaths");

    /// <summary>What a condition key's values are.</summary>
    private enum ValueKind
    {
        /// <summary>Any non-empty string.</summary>
        Text,

        /// <summary>An IP address or CIDR block.</summary>
        Address,

        /// <summary>A port number, 0 to 65535.</summary>
        Port,

        /// <summary>A service account: name, or namespace/name.</summary>
        ServiceAccount,
    }

    public override void Check(AuthorizationPolicy policy, RuleContext context)
    {
        var rules = policy.Spec.RulesOrEmpty;
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            if (rule.WhenOrNull is null && rule.ToOrNull is null)
            {
                continue;
            }

            // The paths below the rule are made only for a report: most policies are valid.
            var rulePath = context.Path(Spec, RulesPath, r);
            var when = rule.WhenOrEmpty;
            for (var w = 0; w < when.Count; w++)
            {
                CheckCondition(when[w], rulePath, w, context);
            }

            var to = rule.ToOrEmpty;
            for (var t = 0; t < to.Count; t++)
            {
                if (to[t].Operation is { } operation)
                {
                    CheckPaths(operation.PathsOrEmpty, rulePath, t, OperationPaths, context);
                    CheckPaths(operation.NotPathsOrEmpty, rulePath, t, OperationNotPaths, context);
                }
            }
        }
    }

    private static void CheckCondition(Condition condition, string rulePath, int index, RuleContext context)
    {
        // A condition without key or without values is AuthorizationPolicyRules' error; the webhook reads nothing more of it.
        var key = condition.Key;
        if (string.IsNullOrEmpty(key) || (condition.ValuesOrEmpty.Count == 0 && condition.NotValuesOrEmpty.Count == 0))
        {
            return;
        }

        if (KeyProblem(key, out var kind) is { } problem)
        {
            context.Error(DiagnosticCodes.InvalidAuthorizationCondition, $"{rulePath}{RuleWhen}[{index}]{WhenKey}", problem);
            return;
        }

        CheckValues(key, kind, condition.ValuesOrEmpty, rulePath, index, WhenValues, context);
        CheckValues(key, kind, condition.NotValuesOrEmpty, rulePath, index, WhenNotValues, context);
    }

    /// <summary>Why istiod rejects <paramref name="key"/>, or null when it is an attribute whose values are <paramref name="kind"/>.</summary>
    private static string? KeyProblem(string key, out ValueKind kind)
    {
        kind = ValueKind.Text;
        switch (key)
        {
            case "source.ip" or "remote.ip" or "destination.ip":
                kind = ValueKind.Address;
                return null;
            case "destination.port":
                kind = ValueKind.Port;
                return null;
            case "source.serviceAccount":
                kind = ValueKind.ServiceAccount;
                return null;
            case "source.namespace" or "source.principal" or "request.auth.principal" or "request.auth.audiences" or "request.auth.presenter" or "connection.sni":
                return null;
            case "destination.namespace":
                return "condition key 'destination.namespace' is replaced by the policy's own namespace (metadata.namespace); put the policy in the namespace it protects.";
            case "destination.name" or "destination.user":
                return $"condition key '{key}' was removed with the v1alpha1 API; select the workload with spec.selector instead.";
        }

        if (key.StartsWith("destination.labels", StringComparison.Ordinal))
        {
            return $"condition key '{key}' is replaced by the workload selector; select the workloads with spec.selector.matchLabels.";
        }

        foreach (var prefix in (ReadOnlySpan<string>)["request.headers", "request.experimental.inline.headers", "request.auth.claims", "experimental.envoy.filters."])
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                // Istio's form a[b]: an opening bracket after the first character, a closing one at the end, something between.
                var open = key.IndexOf('[', StringComparison.Ordinal);
                return key.EndsWith(']') && open > 0 && open < key.Length - 2
                    ? null
                    : $"condition key '{key}' must name its entry in brackets, such as {prefix.TrimEnd('.')}[name].";
            }
        }

        return $"unknown condition key '{key}'; use request.headers[name], source.ip, remote.ip, source.namespace, source.principal, source.serviceAccount, request.auth.principal, request.auth.audiences, request.auth.presenter, request.auth.claims[name], destination.ip, destination.port, connection.sni or experimental.envoy.filters.*[key].";
    }

    private static void CheckValues(string key, ValueKind kind, IReadOnlyList<string> values, string rulePath, int condition, FieldPath field, RuleContext context)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            string Path() => $"{rulePath}{RuleWhen}[{condition}]{field}[{i}]";
            if (value.Length == 0)
            {
                context.Error(DiagnosticCodes.InvalidAuthorizationCondition, Path(), $"an empty value is not allowed in the condition on '{key}'; remove it.");
                continue;
            }

            switch (kind)
            {
                case ValueKind.Address when !IstioSyntax.IsIpOrCidr(value):
                    context.Error(DiagnosticCodes.InvalidAddress, Path(), $"'{value}' is not an IP address or CIDR block such as 10.0.0.0/8, as '{key}' needs.");
                    break;
                case ValueKind.Port when !(uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535):
                    context.Error(DiagnosticCodes.InvalidPort, Path(), $"port '{value}' must be a number between 0 and 65535.");
                    break;
                case ValueKind.ServiceAccount when !IsServiceAccount(value):
                    context.Error(DiagnosticCodes.InvalidAuthorizationCondition, Path(), $"service account '{value}' must be a name, or namespace/name with both parts, such as 'default/bookinfo-productpage'.");
                    break;
            }
        }
    }

    private static bool IsServiceAccount(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 || (slash > 0 && slash < value.Length - 1 && value.IndexOf('/', slash + 1) < 0);
    }

    private static void CheckPaths(IReadOnlyList<string> paths, string rulePath, int to, FieldPath field, RuleContext context)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            if (PathTemplateProblem(paths[i]) is { } problem)
            {
                context.Error(DiagnosticCodes.InvalidPathTemplate, $"{rulePath}{RuleTo}[{to}]{field}[{i}]", $"path '{paths[i]}' is not a supported path template: {problem}.");
            }
        }
    }

    /// <summary>
    /// Why istiod rejects <paramref name="value"/> as an operation path, or null: braces only as whole segments {*} and
    /// {**}, {**} at most once and after every {*}, and in a template, literal segments of URI path characters only.
    /// </summary>
    internal static string? PathTemplateProblem(string value)
    {
        if (value.AsSpan().IndexOfAny('{', '}') < 0)
        {
            return null;
        }

        var isTemplate = value.Contains(MatchOneTemplate, StringComparison.Ordinal) || value.Contains(MatchAnyTemplate, StringComparison.Ordinal);
        var sawMatchAny = false;
        var segments = value.AsSpan().Trim('/');
        foreach (var range in segments.Split('/'))
        {
            var segment = segments[range];
            var matchOne = segment is MatchOneTemplate;
            var matchAny = segment is MatchAnyTemplate;
            if (matchOne || matchAny)
            {
                if (sawMatchAny)
                {
                    return "{**} must be the last operator, with no {*} or {**} after it";
                }

                sawMatchAny = matchAny;
                continue;
            }

            if (segment.IndexOfAny('{', '}') >= 0)
            {
                return $"segment '{segment}' has '{{' or '}}' other than a whole {MatchOneTemplate} or {MatchAnyTemplate} (named variables are not supported)";
            }

            if (isTemplate && segment.ContainsAnyExcept(LiteralCharacters))
            {
                return $"segment '{segment}' has characters other than letters, digits and -._~%!$&'()+,;:@= ('*' and '?' are not allowed in a template)";
            }
        }

        return null;
    }
}
