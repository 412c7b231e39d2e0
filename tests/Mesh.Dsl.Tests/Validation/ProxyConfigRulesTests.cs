using Mesh.Dsl.Tests.Model;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>ProxyConfig field rules: the CRD schema and CEL (Istio's proxyconfig-valid/invalid.yaml) and istiod's webhook.</summary>
public class ProxyConfigRulesTests
{
    private static IReadOnlyList<Diagnostic> Config(string spec)
    {
        var body = string.Join("\n", spec.Trim('\n').Split('\n').Select(l => "  " + l));
        return Validate($"apiVersion: networking.istio.io/v1beta1\nkind: ProxyConfig\nmetadata:\n  name: p\n  namespace: default\nspec:\n{body}\n");
    }

    private static void Expect(string spec, string code, string path, string message)
    {
        var diagnostic = Single(Config(spec), code);
        Assert.Equal((DiagnosticSeverity.Error, path, message), (diagnostic.Severity, diagnostic.Path, diagnostic.Message));
    }

    [Theory]
    [InlineData("concurrency: 1\nselector: {matchLabels: {foo: bar}}\nimage: {imageType: foo}\nenvironmentVariables: {foo: baz}")]
    [InlineData("concurrency: 0\nimage: {imageType: distroless}")]
    [InlineData("{}")]
    public void Valid_configs_are_clean(string spec) => AssertClean(Config(spec));

    [Fact]
    public void The_realistic_config_is_clean() => AssertClean(Validate(NewKindsRoundTripTests.Fixture("ProxyConfig")));

    [Fact]
    public void Empty_selector_is_valid_but_selects_every_workload()
    {
        // proxyconfig-valid.yaml "Silly but valid": accepted, with the warning every empty selector gets.
        var diagnostics = Config("selector: {matchLabels: {}}");
        AssertNoErrors(diagnostics);
        Assert.Equal(("spec.selector.matchLabels", DiagnosticSeverity.Warning), (Single(diagnostics, DiagnosticCodes.EmptyWorkloadSelector).Path, diagnostics[0].Severity));
    }

    [Fact]
    public void Negative_concurrency_is_an_error()
        => Expect(
            "concurrency: -1",
            DiagnosticCodes.InvalidProxyConfig,
            "spec.concurrency",
            "concurrency must be 0 or more, not -1; 0 runs one worker thread per CPU core.");

    [Fact]
    public void Empty_selector_key_is_an_error()
        => Expect(
            "selector: {matchLabels: {'': bar}}",
            DiagnosticCodes.InvalidWorkloadSelector,
            "spec.selector.matchLabels[]",
            "a selector label key is empty; name the label to match.");

    [Fact]
    public void Wildcard_selector_is_an_error()
        => Expect(
            "selector: {matchLabels: {app: 'web*'}}",
            DiagnosticCodes.InvalidWorkloadSelector,
            "spec.selector.matchLabels[app]",
            "selector label value 'web*' contains '*'; wildcards are not allowed, use the exact label value.");

    [Fact]
    public void Long_environment_variable_is_an_error()
    {
        Expect(
            $"environmentVariables: {{BIG: {new string('x', 2049)}}}",
            DiagnosticCodes.InvalidProxyConfig,
            "spec.environmentVariables[BIG]",
            "the value of environment variable 'BIG' is 2049 characters long; at most 2048 are allowed.");
        AssertClean(Config($"environmentVariables: {{BIG: {new string('x', 2048)}}}"));
    }
}
