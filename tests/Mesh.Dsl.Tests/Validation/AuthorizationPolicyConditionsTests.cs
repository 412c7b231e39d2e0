using Mesh.Dsl.Validation;
using Mesh.Dsl.Validation.Rules;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>
/// AuthorizationPolicy condition keys and values and operation path templates, with the cases of istio/istio's
/// security_test.go (TestValidateCondition, TestCheckValidPathTemplate) written as policies.
/// </summary>
public class AuthorizationPolicyConditionsTests
{
    private static readonly string[] AttributeCodes =
    [
        DiagnosticCodes.InvalidAuthorizationCondition, DiagnosticCodes.InvalidAddress, DiagnosticCodes.InvalidPort,
    ];

    private static IReadOnlyList<Diagnostic> Policy(string spec) => Validate(Resource("AuthorizationPolicy", spec));

    private static IReadOnlyList<Diagnostic> When(string key, params string[] values)
        => Policy($"rules: [{{when: [{{key: '{key}', values: [{string.Join(", ", values.Select(v => $"'{v}'"))}]}}]}}]");

    private static void Expect(string spec, string code, string path, string message)
    {
        var diagnostic = Single(Policy(spec), code);
        Assert.Equal((DiagnosticSeverity.Error, path, message), (diagnostic.Severity, diagnostic.Path, diagnostic.Message));
    }

    [Theory]
    [InlineData("request.headers[:authority]", "productpage")]
    [InlineData("request.experimental.inline.headers[:authority]", "productpage")]
    [InlineData("source.ip", "1.2.3.4", "5.6.7.0/24")]
    [InlineData("remote.ip", "1.2.3.4", "5.6.7.0/24")]
    [InlineData("source.namespace", "value")]
    [InlineData("source.principal", "value")]
    [InlineData("source.serviceAccount", "ns/sa")]
    [InlineData("source.serviceAccount", "sa")]
    [InlineData("request.auth.principal", "value")]
    [InlineData("request.auth.audiences", "value")]
    [InlineData("request.auth.presenter", "value")]
    [InlineData("request.auth.claims[id]", "123")]
    [InlineData("destination.ip", "1.2.3.4", "5.6.7.0/24")]
    [InlineData("destination.ip", "2001:db8::/32")]
    [InlineData("destination.port", "80", "90")]
    [InlineData("connection.sni", "value")]
    [InlineData("experimental.envoy.filters.a.b[c]", "value")]
    public void Istio_valid_conditions_are_clean(string key, params string[] values) => AssertClean(When(key, values));

    [Theory]
    [InlineData("request.headers[:authority]", "productpage", "")]
    [InlineData("request.experimental.inline.headers[:authority]", "productpage", "")]
    [InlineData("request.headers[]", "productpage")]
    [InlineData("request.experimental.inline.headers[]", "productpage")]
    [InlineData("source.ip", "a.b.c.d")]
    [InlineData("remote.ip", "a.b.c.d")]
    [InlineData("source.user", "value")]
    [InlineData("source.serviceAccount", "too/many/slashes")]
    [InlineData("source.serviceAccount", "/emptyns")]
    [InlineData("source.serviceAccount", "emptysa/")]
    [InlineData("request.auth.claims[]", "value")]
    [InlineData("destination.ip", "a.b.c.d")]
    [InlineData("destination.port", "80", "x")]
    [InlineData("destination.labels[app]", "value")]
    [InlineData("destination.name", "value")]
    [InlineData("destination.namespace", "value")]
    [InlineData("destination.user", "value")]
    [InlineData("experimental.envoy.filters.a.b.x", "value")]
    public void Istio_invalid_conditions_are_errors(string key, params string[] values)
    {
        var diagnostics = When(key, values);
        Assert.True(diagnostics.Count(d => d.IsError && AttributeCodes.Contains(d.Code)) == 1, string.Join("\n", diagnostics));
    }

    [Fact]
    public void A_policy_with_every_condition_key_and_path_template_is_clean()
        => AssertClean(Policy(
            """
            rules:
            - to:
              - operation: {paths: ['/api/{*}/books/{**}', /static/*, '*.css'], notPaths: ['/{*}/admin']}
              when:
              - {key: 'request.headers[x-token]', values: [a], notValues: [b]}
              - {key: 'request.experimental.inline.headers[x-id]', values: [a]}
              - {key: source.ip, values: [10.0.0.1, 10.0.0.0/8], notValues: ['::1']}
              - {key: remote.ip, values: [192.168.0.0/16]}
              - {key: source.namespace, values: [default]}
              - {key: source.principal, values: [cluster.local/ns/default/sa/web]}
              - {key: source.serviceAccount, values: [default/web, web]}
              - {key: request.auth.principal, values: ['issuer.example.com/subject']}
              - {key: request.auth.audiences, values: [api]}
              - {key: request.auth.presenter, values: [client]}
              - {key: 'request.auth.claims[groups]', values: [admin]}
              - {key: destination.ip, values: [10.1.2.3]}
              - {key: destination.port, values: ['0', '8080', '65535']}
              - {key: connection.sni, values: [api.example.com]}
              - {key: 'experimental.envoy.filters.network.mysql_proxy[db.table]', values: ['[update]']}
            """));

    [Fact]
    public void Unknown_key_is_an_error()
        => Expect(
            "rules: [{when: [{key: source.user, values: [a]}]}]",
            DiagnosticCodes.InvalidAuthorizationCondition,
            "spec.rules[0].when[0].key",
            "unknown condition key 'source.user'; use request.headers[name], source.ip, remote.ip, source.namespace, source.principal, source.serviceAccount, request.auth.principal, request.auth.audiences, request.auth.presenter, request.auth.claims[name], destination.ip, destination.port, connection.sni or experimental.envoy.filters.*[key].");

    [Fact]
    public void Map_key_without_entry_is_an_error()
    {
        Expect(
            "rules: [{when: [{key: 'request.headers[]', values: [a]}]}]",
            DiagnosticCodes.InvalidAuthorizationCondition,
            "spec.rules[0].when[0].key",
            "condition key 'request.headers[]' must name its entry in brackets, such as request.headers[name].");
        Expect(
            "rules: [{when: [{key: experimental.envoy.filters.a.b.x, notValues: [a]}]}]",
            DiagnosticCodes.InvalidAuthorizationCondition,
            "spec.rules[0].when[0].key",
            "condition key 'experimental.envoy.filters.a.b.x' must name its entry in brackets, such as experimental.envoy.filters[name].");
    }

    [Fact]
    public void Replaced_and_removed_keys_are_errors()
    {
        Expect(
            "rules: [{when: [{key: destination.namespace, values: [a]}]}]",
            DiagnosticCodes.InvalidAuthorizationCondition,
            "spec.rules[0].when[0].key",
            "condition key 'destination.namespace' is replaced by the policy's own namespace (metadata.namespace); put the policy in the namespace it protects.");
        Expect(
            "rules: [{when: [{key: 'destination.labels[app]', values: [a]}]}]",
            DiagnosticCodes.InvalidAuthorizationCondition,
            "spec.rules[0].when[0].key",
            "condition key 'destination.labels[app]' is replaced by the workload selector; select the workloads with spec.selector.matchLabels.");
        Expect(
            "rules: [{when: [{key: destination.user, values: [a]}]}]",
            DiagnosticCodes.InvalidAuthorizationCondition,
            "spec.rules[0].when[0].key",
            "condition key 'destination.user' was removed with the v1alpha1 API; select the workload with spec.selector instead.");
    }

    [Fact]
    public void Empty_value_is_an_error()
        => Expect(
            "rules: [{when: [{key: source.namespace, values: [a], notValues: ['']}]}]",
            DiagnosticCodes.InvalidAuthorizationCondition,
            "spec.rules[0].when[0].notValues[0]",
            "an empty value is not allowed in the condition on 'source.namespace'; remove it.");

    [Fact]
    public void Bad_address_is_an_error()
        => Expect(
            "rules: [{when: [{key: remote.ip, values: [10.0.0.0/8, 10.0.0.300]}]}]",
            DiagnosticCodes.InvalidAddress,
            "spec.rules[0].when[0].values[1]",
            "'10.0.0.300' is not an IP address or CIDR block such as 10.0.0.0/8, as 'remote.ip' needs.");

    [Fact]
    public void Bad_port_is_an_error()
        => Expect(
            "rules: [{when: [{key: destination.port, notValues: ['65536']}]}]",
            DiagnosticCodes.InvalidPort,
            "spec.rules[0].when[0].notValues[0]",
            "port '65536' must be a number between 0 and 65535.");

    [Fact]
    public void Bad_service_account_is_an_error()
        => Expect(
            "rules: [{when: [{key: source.serviceAccount, values: [a/b/c]}]}]",
            DiagnosticCodes.InvalidAuthorizationCondition,
            "spec.rules[0].when[0].values[0]",
            "service account 'a/b/c' must be a name, or namespace/name with both parts, such as 'default/bookinfo-productpage'.");

    [Fact]
    public void Condition_without_values_is_reported_once()
    {
        // AuthorizationPolicyRules reports it; the attribute rule does not look at the key of such a condition.
        var diagnostics = Policy("rules: [{when: [{key: source.user}]}]");
        Assert.Equal([DiagnosticCodes.InvalidAuthorizationRule], diagnostics.Select(d => d.Code));
    }

    [Theory]
    [InlineData("/{*}/foo")]
    [InlineData("/{*}/foo/")]
    [InlineData("/foo/{**}/bar")]
    [InlineData("/foo/bar/{**}")]
    [InlineData("/{*}/{*}/{**}")]
    [InlineData("/api/{*}/books-2.0;v=1:@~")]
    [InlineData("/foo/*")]
    [InlineData("*.css")]
    [InlineData("/foo?bar=*")]
    public void Istio_valid_paths_are_clean(string path)
    {
        AssertClean(Policy($"rules: [{{to: [{{operation: {{paths: ['{path}']}}}}]}}]"));
        Assert.Null(AuthorizationPolicyConditions.PathTemplateProblem(path));
    }

    [Theory]
    [InlineData("/foo/{**}buzz/bar")]
    [InlineData("/{*}/foo/{}/bar")]
    [InlineData("/foo/{*}/bar/*")]
    [InlineData("/foo/{*}/bar/**/buzz")]
    [InlineData("/foo/{buzz}/bar")]
    [InlineData("/{buzz}")]
    [InlineData("/foo/{buzz}/bar/{**}")]
    [InlineData("/foo/{buzz=*}/bar/{**}")]
    [InlineData("/{*}/foo/{buzz=**}/bar")]
    [InlineData("/{*}/foo/{**}bar")]
    [InlineData("/{*}/foo/{*}.txt")]
    [InlineData("/{*}/foo/{temp")]
    [InlineData("/{*}/foo/temp}/bar")]
    [InlineData("/{*}/foo/temp}/*")]
    [InlineData("/{**}/foo/temp/{*}/bar")]
    [InlineData("/{**}/{**}")]
    [InlineData("/{**}/foo/temp/{**}/bar")]
    [InlineData("/{*}/foo/?abc")]
    public void Istio_invalid_path_templates_are_errors(string path)
    {
        var diagnostic = Single(Policy($"rules: [{{to: [{{operation: {{notPaths: ['{path}']}}}}]}}]"), DiagnosticCodes.InvalidPathTemplate);
        Assert.Equal(("spec.rules[0].to[0].operation.notPaths[0]", DiagnosticSeverity.Error), (diagnostic.Path, diagnostic.Severity));
    }

    [Fact]
    public void Path_template_messages_say_what_is_wrong()
    {
        Expect(
            "rules: [{to: [{operation: {paths: ['/{**}/x/{*}']}}]}]",
            DiagnosticCodes.InvalidPathTemplate,
            "spec.rules[0].to[0].operation.paths[0]",
            "path '/{**}/x/{*}' is not a supported path template: {**} must be the last operator, with no {*} or {**} after it.");
        Expect(
            "rules: [{to: [{operation: {paths: ['/api/{version}']}}]}]",
            DiagnosticCodes.InvalidPathTemplate,
            "spec.rules[0].to[0].operation.paths[0]",
            "path '/api/{version}' is not a supported path template: segment '{version}' has '{' or '}' other than a whole {*} or {**} (named variables are not supported).");
        Expect(
            "rules: [{to: [{operation: {paths: ['/{*}/a*b']}}]}]",
            DiagnosticCodes.InvalidPathTemplate,
            "spec.rules[0].to[0].operation.paths[0]",
            "path '/{*}/a*b' is not a supported path template: segment 'a*b' has characters other than letters, digits and -._~%!$&'()+,;:@= ('*' and '?' are not allowed in a template).");
    }
}
