using System.Globalization;
using Mesh.Dsl.Model.Security;
using AuthorizationRule = Mesh.Dsl.Model.Security.Rule;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>AuthorizationPolicy field rules: the CRD schema and CEL rules, and istiod's webhook (ValidateAuthorizationPolicy).</summary>
internal sealed class AuthorizationPolicyRules() : FieldRule<AuthorizationPolicy>(
    "authorizationpolicy.fields",
    "AuthorizationPolicy field rules of the CRD schema, CEL and the istiod webhook: the selection (selector or targetRefs), the action and provider, and every rule's from, to and when.",
    [
        .. PolicyTargetRules.Codes, DiagnosticCodes.InvalidEnumValue, DiagnosticCodes.InvalidAuthorizationRule,
        DiagnosticCodes.HttpOnlyDenyRule, DiagnosticCodes.InvalidAddress, DiagnosticCodes.InvalidPort,
    ])
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => AuthorizationPolicySpec.Schema);
    private static readonly FieldPath SelectorLabels = Spec.Field("selector.matchLabels");
    private static readonly FieldPath TargetRef = Spec.Field("targetRef");
    private static readonly FieldPath TargetRefs = Spec.Field("targetRefs");
    private static readonly FieldPath Action = Spec.Field("action");
    private static readonly FieldPath Provider = Spec.Field("provider");
    private static readonly FieldPath ProviderName = Spec.Field("provider.name");
    private static readonly FieldPath RulesPath = Spec.Field("rules");
    private static readonly FieldPath RuleFrom = RulesPath.Item.Field("from");
    private static readonly FieldPath RuleTo = RulesPath.Item.Field("to");
    private static readonly FieldPath RuleWhen = RulesPath.Item.Field("when");
    private static readonly FieldPath FromSource = RuleFrom.Item.Field("source");
    private static readonly FieldPath ToOperation = RuleTo.Item.Field("operation");
    private static readonly FieldPath WhenKey = RuleWhen.Item.Field("key");
    private static readonly FieldPath InSource = FieldPath.In(() => Source.Schema);
    private static readonly FieldPath SourceServiceAccounts = InSource.Field("serviceAccounts");
    private static readonly FieldPath SourceNotServiceAccounts = InSource.Field("notServiceAccounts");
    private static readonly FieldPath[] SourceLists =
    [
        InSource.Field("principals"), InSource.Field("notPrincipals"), InSource.Field("requestPrincipals"), InSource.Field("notRequestPrincipals"),
        InSource.Field("namespaces"), InSource.Field("notNamespaces"), InSource.Field("ipBlocks"), InSource.Field("notIpBlocks"),
        InSource.Field("remoteIpBlocks"), InSource.Field("notRemoteIpBlocks"),
    ];

    private static readonly FieldPath InOperation = FieldPath.In(() => Operation.Schema);
    private static readonly FieldPath[] OperationLists =
    [
        InOperation.Field("hosts"), InOperation.Field("notHosts"), InOperation.Field("ports"), InOperation.Field("notPorts"),
        InOperation.Field("methods"), InOperation.Field("notMethods"), InOperation.Field("paths"), InOperation.Field("notPaths"),
    ];

    public override void Check(AuthorizationPolicy policy, RuleContext context)
    {
        var spec = policy.Spec;
        PolicyTargetRules.Check(context, spec.Selector, spec.TargetRef, spec.TargetRefsOrEmpty, Spec, SelectorLabels, TargetRef, TargetRefs);
        CommonRules.CheckEnum(context, spec.Action, Action);

        var action = spec.Action ?? AuthorizationPolicyAction.Allow;
        var rules = spec.RulesOrEmpty;
        if (action == AuthorizationPolicyAction.Custom)
        {
            if (rules.Count == 0)
            {
                context.Error(DiagnosticCodes.InvalidAuthorizationRule, RulesPath, "a CUSTOM policy without rules never applies; add the rules of the requests to send to the provider, or an empty rule {} for every request.");
            }
            else if (string.IsNullOrEmpty(spec.Provider?.Name))
            {
                context.Error(DiagnosticCodes.InvalidAuthorizationRule, spec.Provider is null ? Provider : ProviderName, "a CUSTOM policy needs provider.name: the name of an extension provider in the mesh config.");
            }
        }
        else if (spec.Provider is not null)
        {
            context.Error(DiagnosticCodes.InvalidAuthorizationRule, Provider, $"provider is used only with action CUSTOM, this policy's action is {CommonRules.EnumName(action)}; remove provider or set action CUSTOM.");
        }

        if (action == AuthorizationPolicyAction.Deny && rules.Count == 0)
        {
            context.Error(DiagnosticCodes.InvalidAuthorizationRule, RulesPath, "a DENY policy without rules never applies; add the rules of the requests to deny, or an empty rule {} to deny every request.");
        }

        if (rules.Count > 512)
        {
            context.Error(DiagnosticCodes.InvalidAuthorizationRule, RulesPath, $"at most 512 rules are allowed, this policy has {rules.Count}.");
        }

        for (var i = 0; i < rules.Count; i++)
        {
            CheckRule(rules[i], action, context.Path(Spec, RulesPath, i), context);
        }
    }

    private static void CheckRule(AuthorizationRule rule, AuthorizationPolicyAction action, string path, RuleContext context)
    {
        var tcpInFrom = false;
        var tcpInTo = false;
        var fromExists = false;
        var toExists = false;
        if (rule.FromOrNull is { Count: 0 })
        {
            context.Error(DiagnosticCodes.InvalidAuthorizationRule, path + RuleFrom, "from is present but empty; add a source, or remove from to match every source.");
        }

        var from = rule.FromOrEmpty;
        if (from.Count > 512)
        {
            context.Error(DiagnosticCodes.InvalidAuthorizationRule, path + RuleFrom, $"at most 512 from entries are allowed, this rule has {from.Count}.");
        }

        for (var f = 0; f < from.Count; f++)
        {
            var fromPath = $"{path}{RuleFrom}[{f}]";
            if (from[f].Source is not { } source)
            {
                context.Error(DiagnosticCodes.InvalidAuthorizationRule, fromPath + FromSource, "the from entry has no source; set source with the principals, namespaces or IP blocks to match.");
                continue;
            }

            fromExists = true;
            tcpInFrom |= CheckSource(source, action, fromPath + FromSource, context);
        }

        if (rule.ToOrNull is { Count: 0 })
        {
            context.Error(DiagnosticCodes.InvalidAuthorizationRule, path + RuleTo, "to is present but empty; add an operation, or remove to to match every operation.");
        }

        var to = rule.ToOrEmpty;
        for (var t = 0; t < to.Count; t++)
        {
            var toPath = $"{path}{RuleTo}[{t}]";
            if (to[t].Operation is not { } operation)
            {
                context.Error(DiagnosticCodes.InvalidAuthorizationRule, toPath + ToOperation, "the to entry has no operation; set operation with the hosts, ports, methods or paths to match.");
                continue;
            }

            toExists = true;
            tcpInTo |= CheckOperation(operation, toPath + ToOperation, context);
        }

        var when = rule.WhenOrEmpty;
        for (var w = 0; w < when.Count; w++)
        {
            var condition = when[w];
            var whenPath = $"{path}{RuleWhen}[{w}]";
            if (string.IsNullOrEmpty(condition.Key))
            {
                context.Error(DiagnosticCodes.InvalidAuthorizationRule, whenPath + WhenKey, "the condition has no key; set the attribute to match, such as request.headers[x-token] or source.ip.");
                continue;
            }

            if (condition.ValuesOrEmpty.Count == 0 && condition.NotValuesOrEmpty.Count == 0)
            {
                context.Error(DiagnosticCodes.InvalidAuthorizationRule, whenPath, $"the condition on '{condition.Key}' has neither values nor notValues; set at least one of them.");
            }

            if (action == AuthorizationPolicyAction.Custom
                && (condition.Key is "source.namespace" or "source.serviceAccount" or "source.principal" || condition.Key.StartsWith("request.auth.", StringComparison.Ordinal)))
            {
                context.Error(DiagnosticCodes.InvalidAuthorizationRule, whenPath + WhenKey, $"condition key '{condition.Key}' is not supported with action CUSTOM; the external authorizer sees the request, not the peer's or JWT's identity.");
            }
        }

        // Istio's webhook warns: a DENY rule of HTTP attributes only matches every TCP connection, since TCP has none of them.
        if (action == AuthorizationPolicyAction.Deny && ((fromExists && !toExists && !tcpInFrom) || (toExists && !tcpInTo)))
        {
            context.Warning(DiagnosticCodes.HttpOnlyDenyRule, path, "this DENY rule uses only HTTP attributes, so it denies all traffic to TCP ports in its scope; name the ports (to.operation.ports) it applies to.");
        }
    }

    /// <summary>Returns whether the source uses attributes TCP traffic has (principals, namespaces, IP blocks, service accounts).</summary>
    private static bool CheckSource(Source source, AuthorizationPolicyAction action, string path, RuleContext context)
    {
        var identity = source.PrincipalsOrEmpty.Count + source.NotPrincipalsOrEmpty.Count + source.NamespacesOrEmpty.Count + source.NotNamespacesOrEmpty.Count;
        var accounts = source.ServiceAccountsOrEmpty.Count + source.NotServiceAccountsOrEmpty.Count;
        if (identity > 0 && accounts > 0)
        {
            context.Error(DiagnosticCodes.InvalidAuthorizationRule, path, "serviceAccounts cannot be set with namespaces or principals; use either serviceAccounts (namespace/name) or principals and namespaces.");
        }

        IReadOnlyList<string>[] lists =
        [
            source.PrincipalsOrEmpty, source.NotPrincipalsOrEmpty, source.RequestPrincipalsOrEmpty, source.NotRequestPrincipalsOrEmpty,
            source.NamespacesOrEmpty, source.NotNamespacesOrEmpty, source.IpBlocksOrEmpty, source.NotIpBlocksOrEmpty,
            source.RemoteIpBlocksOrEmpty, source.NotRemoteIpBlocksOrEmpty,
        ];
        if (lists.All(l => l.Count == 0) && accounts == 0)
        {
            context.Error(DiagnosticCodes.InvalidAuthorizationRule, path, "the source is empty; set principals, requestPrincipals, namespaces, serviceAccounts or IP blocks, or remove the from entry.");
        }

        for (var l = 0; l < lists.Length; l++)
        {
            var isIpBlocks = l >= 6;
            for (var i = 0; i < lists[l].Count; i++)
            {
                var value = lists[l][i];
                if (value.Length == 0)
                {
                    context.Error(DiagnosticCodes.InvalidAuthorizationRule, $"{path}{SourceLists[l]}[{i}]", $"an empty value is not allowed in {SourceLists[l].Name}; remove it.");
                }
                else if (isIpBlocks && !IstioSyntax.IsIpOrCidr(value))
                {
                    context.Error(DiagnosticCodes.InvalidAddress, $"{path}{SourceLists[l]}[{i}]", $"'{value}' is not an IP address or CIDR block such as 10.0.0.0/8.");
                }
            }

            if (action == AuthorizationPolicyAction.Custom && l < 6 && lists[l].Count > 0)
            {
                context.Error(DiagnosticCodes.InvalidAuthorizationRule, path + SourceLists[l], $"{SourceLists[l].Name} is not supported with action CUSTOM; match on IP blocks, or on the request in to and when.");
            }
        }

        CheckServiceAccounts(source.ServiceAccountsOrEmpty, path, SourceServiceAccounts, action, context);
        CheckServiceAccounts(source.NotServiceAccountsOrEmpty, path, SourceNotServiceAccounts, action, context);
        return identity + accounts + source.IpBlocksOrEmpty.Count + source.NotIpBlocksOrEmpty.Count + source.RemoteIpBlocksOrEmpty.Count + source.NotRemoteIpBlocksOrEmpty.Count > 0;
    }

    private static void CheckServiceAccounts(IReadOnlyList<string> accounts, string sourcePath, FieldPath field, AuthorizationPolicyAction action, RuleContext context)
    {
        if (accounts.Count == 0)
        {
            return;
        }

        var path = sourcePath + field;
        if (action == AuthorizationPolicyAction.Custom)
        {
            context.Error(DiagnosticCodes.InvalidAuthorizationRule, path, $"{field.Name} is not supported with action CUSTOM; match on IP blocks, or on the request in to and when.");
        }

        if (accounts.Count > 16)
        {
            context.Error(DiagnosticCodes.InvalidAuthorizationRule, path, $"at most 16 service accounts are allowed, this source has {accounts.Count}.");
        }

        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            if (account.Length == 0 || account.Length > 320 || account.Count(c => c == '/') != 1)
            {
                context.Error(DiagnosticCodes.InvalidAuthorizationRule, $"{path}[{i}]", $"service account '{account}' must be written namespace/name (at most 320 characters), such as 'default/bookinfo-productpage'.");
            }
        }
    }

    /// <summary>Returns whether the operation names ports, the only attribute of it TCP traffic has.</summary>
    private static bool CheckOperation(Operation operation, string path, RuleContext context)
    {
        IReadOnlyList<string>[] lists =
        [
            operation.HostsOrEmpty, operation.NotHostsOrEmpty, operation.PortsOrEmpty, operation.NotPortsOrEmpty,
            operation.MethodsOrEmpty, operation.NotMethodsOrEmpty, operation.PathsOrEmpty, operation.NotPathsOrEmpty,
        ];
        if (lists.All(l => l.Count == 0))
        {
            context.Error(DiagnosticCodes.InvalidAuthorizationRule, path, "the operation is empty; set hosts, ports, methods or paths, or remove the to entry.");
        }

        for (var l = 0; l < lists.Length; l++)
        {
            var isPorts = l is 2 or 3;
            for (var i = 0; i < lists[l].Count; i++)
            {
                var value = lists[l][i];
                if (value.Length == 0)
                {
                    context.Error(DiagnosticCodes.InvalidAuthorizationRule, $"{path}{OperationLists[l]}[{i}]", $"an empty value is not allowed in {OperationLists[l].Name}; remove it.");
                }
                else if (isPorts && !(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535))
                {
                    context.Error(DiagnosticCodes.InvalidPort, $"{path}{OperationLists[l]}[{i}]", $"port '{value}' must be a number between 0 and 65535.");
                }
            }
        }

        return operation.PortsOrEmpty.Count + operation.NotPortsOrEmpty.Count > 0;
    }
}
