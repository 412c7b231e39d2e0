using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

public class AuthorizationPolicyRulesTests
{
    private static IReadOnlyList<Diagnostic> Policy(string spec) => Validate(Resource("AuthorizationPolicy", spec));

    private static void Expect(string spec, string code, string path, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        var diagnostic = Single(Policy(spec), code);
        Assert.Equal((severity, path, message), (diagnostic.Severity, diagnostic.Path, diagnostic.Message));
    }

    [Theory]
    [InlineData("selector: {matchLabels: {app: web}}\naction: ALLOW\nrules: [{from: [{source: {principals: [cluster.local/ns/default/sa/web]}}], to: [{operation: {methods: [GET], ports: ['8080']}}]}]")]
    [InlineData("action: DENY\nrules: [{}]")]
    [InlineData("action: DENY\nrules: [{from: [{source: {namespaces: [dev]}}]}]")]
    [InlineData("action: CUSTOM\nprovider: {name: ext-authz}\nrules: [{to: [{operation: {paths: [/admin]}}]}]")]
    [InlineData("targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: ingress}]\nrules: [{from: [{source: {serviceAccounts: [default/web], ipBlocks: [10.0.0.0/8]}}]}]")]
    [InlineData("targetRef: {kind: Service, group: '', name: web}\nrules: [{when: [{key: 'request.headers[x-token]', values: [a]}]}]")]
    [InlineData("{}")]
    public void Valid_policies_are_clean(string spec) => AssertClean(Policy(spec));

    [Fact]
    public void Selector_and_target_refs_together_are_an_error()
        => Expect(
            "selector: {matchLabels: {app: web}}\ntargetRefs: [{kind: Service, name: web}]",
            DiagnosticCodes.ConflictingFields,
            "spec",
            "only one of selector, targetRef or targetRefs can be set; a policy selects its workloads either by label or by reference.");

    [Fact]
    public void Target_ref_with_namespace_is_an_error()
        => Expect(
            "targetRef: {kind: Service, name: web, namespace: other}",
            DiagnosticCodes.InvalidTargetRef,
            "spec.targetRef.namespace",
            "targetRef namespace must not be set: cross-namespace references are not supported; put the policy in the target's namespace.");

    [Fact]
    public void Target_ref_to_another_kind_is_an_error()
        => Expect(
            "targetRefs: [{kind: Deployment, group: apps, name: web}]",
            DiagnosticCodes.InvalidTargetRef,
            "spec.targetRefs[0].kind",
            "targetRef must be to a Service (group \"\"), ServiceEntry (networking.istio.io), Gateway or GatewayClass (gateway.networking.k8s.io), not 'apps/Deployment'.");

    [Fact]
    public void Wildcard_selector_is_an_error()
        => Assert.Equal("spec.selector.matchLabels[app]", Single(Policy("selector: {matchLabels: {app: 'we*'}}"), DiagnosticCodes.InvalidWorkloadSelector).Path);

    [Fact]
    public void Deny_without_rules_is_an_error()
        => Expect(
            "action: DENY",
            DiagnosticCodes.InvalidAuthorizationRule,
            "spec.rules",
            "a DENY policy without rules never applies; add the rules of the requests to deny, or an empty rule {} to deny every request.");

    [Fact]
    public void Custom_without_rules_is_an_error()
        => Expect(
            "action: CUSTOM\nprovider: {name: ext-authz}",
            DiagnosticCodes.InvalidAuthorizationRule,
            "spec.rules",
            "a CUSTOM policy without rules never applies; add the rules of the requests to send to the provider, or an empty rule {} for every request.");

    [Fact]
    public void Custom_without_provider_is_an_error()
        => Expect(
            "action: CUSTOM\nrules: [{}]",
            DiagnosticCodes.InvalidAuthorizationRule,
            "spec.provider",
            "a CUSTOM policy needs provider.name: the name of an extension provider in the mesh config.");

    [Fact]
    public void Provider_without_custom_is_an_error()
        => Expect(
            "action: ALLOW\nprovider: {name: ext-authz}\nrules: [{}]",
            DiagnosticCodes.InvalidAuthorizationRule,
            "spec.provider",
            "provider is used only with action CUSTOM, this policy's action is ALLOW; remove provider or set action CUSTOM.");

    [Fact]
    public void Custom_does_not_support_principals()
        => Expect(
            "action: CUSTOM\nprovider: {name: ext-authz}\nrules: [{from: [{source: {principals: [a]}}]}]",
            DiagnosticCodes.InvalidAuthorizationRule,
            "spec.rules[0].from[0].source.principals",
            "principals is not supported with action CUSTOM; match on IP blocks, or on the request in to and when.");

    [Fact]
    public void Custom_does_not_support_identity_conditions()
        => Expect(
            "action: CUSTOM\nprovider: {name: ext-authz}\nrules: [{when: [{key: 'request.auth.claims[iss]', values: [a]}]}]",
            DiagnosticCodes.InvalidAuthorizationRule,
            "spec.rules[0].when[0].key",
            "condition key 'request.auth.claims[iss]' is not supported with action CUSTOM; the external authorizer sees the request, not the peer's or JWT's identity.");

    [Fact]
    public void Service_accounts_with_namespaces_are_an_error()
        => Expect(
            "rules: [{from: [{source: {serviceAccounts: [default/web], namespaces: [default]}}]}]",
            DiagnosticCodes.InvalidAuthorizationRule,
            "spec.rules[0].from[0].source",
            "serviceAccounts cannot be set with namespaces or principals; use either serviceAccounts (namespace/name) or principals and namespaces.");

    [Fact]
    public void Service_account_without_namespace_is_an_error()
        => Expect(
            "rules: [{from: [{source: {serviceAccounts: [web]}}]}]",
            DiagnosticCodes.InvalidAuthorizationRule,
            "spec.rules[0].from[0].source.serviceAccounts[0]",
            "service account 'web' must be written namespace/name (at most 320 characters), such as 'default/bookinfo-productpage'.");

    [Fact]
    public void Empty_source_is_an_error()
        => Expect(
            "rules: [{from: [{source: {}}]}]",
            DiagnosticCodes.InvalidAuthorizationRule,
            "spec.rules[0].from[0].source",
            "the source is empty; set principals, requestPrincipals, namespaces, serviceAccounts or IP blocks, or remove the from entry.");

    [Fact]
    public void From_without_source_is_an_error()
        => Expect(
            "rules: [{from: [{}]}]",
            DiagnosticCodes.InvalidAuthorizationRule,
            "spec.rules[0].from[0].source",
            "the from entry has no source; set source with the principals, namespaces or IP blocks to match.");

    [Fact]
    public void Empty_operation_is_an_error()
        => Expect(
            "rules: [{to: [{operation: {}}]}]",
            DiagnosticCodes.InvalidAuthorizationRule,
            "spec.rules[0].to[0].operation",
            "the operation is empty; set hosts, ports, methods or paths, or remove the to entry.");

    [Fact]
    public void Empty_value_is_an_error()
        => Expect(
            "rules: [{to: [{operation: {methods: ['']}}]}]",
            DiagnosticCodes.InvalidAuthorizationRule,
            "spec.rules[0].to[0].operation.methods[0]",
            "an empty value is not allowed in methods; remove it.");

    [Fact]
    public void Invalid_ip_block_is_an_error()
        => Expect(
            "rules: [{from: [{source: {ipBlocks: [10.0.0.0/99]}}]}]",
            DiagnosticCodes.InvalidAddress,
            "spec.rules[0].from[0].source.ipBlocks[0]",
            "'10.0.0.0/99' is not an IP address or CIDR block such as 10.0.0.0/8.");

    [Fact]
    public void Invalid_port_is_an_error()
        => Expect(
            "rules: [{to: [{operation: {ports: ['http']}}]}]",
            DiagnosticCodes.InvalidPort,
            "spec.rules[0].to[0].operation.ports[0]",
            "port 'http' must be a number between 0 and 65535.");

    [Fact]
    public void Condition_without_values_is_an_error()
        => Expect(
            "rules: [{when: [{key: source.ip}]}]",
            DiagnosticCodes.InvalidAuthorizationRule,
            "spec.rules[0].when[0]",
            "the condition on 'source.ip' has neither values nor notValues; set at least one of them.");

    [Fact]
    public void Deny_rule_of_http_attributes_only_is_a_warning()
        => Expect(
            "action: DENY\nrules: [{to: [{operation: {methods: [POST]}}]}]",
            DiagnosticCodes.HttpOnlyDenyRule,
            "spec.rules[0]",
            "this DENY rule uses only HTTP attributes, so it denies all traffic to TCP ports in its scope; name the ports (to.operation.ports) it applies to.",
            DiagnosticSeverity.Warning);

    [Fact]
    public void Unknown_action_is_an_error()
        => ExpectInvalidEnum<Mesh.Dsl.Model.Security.AuthorizationPolicy>(
            Resource("AuthorizationPolicy", "action: ALLOW"),
            p => p.Spec.Action = (Mesh.Dsl.Model.Security.AuthorizationPolicyAction)42,
            "spec.action");
}
