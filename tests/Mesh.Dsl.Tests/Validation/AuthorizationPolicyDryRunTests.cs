using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>The istio.io/dry-run annotation, which only AuthorizationPolicy takes (istio/istio validation_test.go dry-run cases).</summary>
public class AuthorizationPolicyDryRunTests
{
    private static IReadOnlyList<Diagnostic> Policy(string dryRun, string spec)
        => Validate($"apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: p\n  namespace: default\n  annotations:\n    istio.io/dry-run: '{dryRun}'\nspec: {spec}\n");

    [Theory]
    [InlineData("true", "{action: ALLOW}")]
    [InlineData("false", "{action: DENY, rules: [{}]}")]
    [InlineData("True", "{}")]
    [InlineData("0", "{rules: [{from: [{source: {namespaces: [dev]}}]}]}")]
    public void Dry_run_of_allow_and_deny_policies_is_valid(string value, string spec) => AssertClean(Policy(value, spec));

    [Fact]
    public void Dry_run_value_that_is_no_boolean_is_an_error()
    {
        var diagnostic = Single(Policy("foo", "{action: ALLOW}"), DiagnosticCodes.ForbiddenAnnotation);
        Assert.Equal(
            (DiagnosticSeverity.Error, "metadata.annotations[istio.io/dry-run]", "annotation istio.io/dry-run must be \"true\" or \"false\", not 'foo'."),
            (diagnostic.Severity, diagnostic.Path, diagnostic.Message));
    }

    [Theory]
    [InlineData("CUSTOM", "{action: CUSTOM, provider: {name: ext-authz}, rules: [{}]}")]
    [InlineData("AUDIT", "{action: AUDIT}")]
    public void Dry_run_of_custom_and_audit_policies_is_an_error(string action, string spec)
    {
        var diagnostic = Single(Policy("true", spec), DiagnosticCodes.ForbiddenAnnotation);
        Assert.Equal(
            (DiagnosticSeverity.Error, "metadata.annotations[istio.io/dry-run]", $"annotation istio.io/dry-run works only with action ALLOW or DENY, this policy's action is {action}; remove the annotation."),
            (diagnostic.Severity, diagnostic.Path, diagnostic.Message));
    }

    [Fact]
    public void Dry_run_on_other_kinds_stays_forbidden()
        => Assert.Equal(
            "metadata.annotations[istio.io/dry-run]",
            Single(Validate("apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: p\n  annotations:\n    istio.io/dry-run: 'true'\nspec: {mtls: {mode: STRICT}}\n"), DiagnosticCodes.ForbiddenAnnotation).Path);
}
