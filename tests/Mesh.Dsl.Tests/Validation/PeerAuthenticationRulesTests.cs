using Mesh.Dsl.Model.Security;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

public class PeerAuthenticationRulesTests
{
    [Fact]
    public void Strict_policy_with_port_level_exception_is_clean()
        => AssertClean(Validate(Resource("PeerAuthentication", "selector: {matchLabels: {app: web}}\nmtls: {mode: STRICT}\nportLevelMtls: {8080: {mode: STRICT}}")));

    [Fact]
    public void Port_level_mtls_without_selector_is_an_error()
    {
        var diagnostic = Single(Validate(Resource("PeerAuthentication", "mtls: {mode: STRICT}\nportLevelMtls: {8080: {mode: STRICT}}")), DiagnosticCodes.InvalidPortLevelMtls);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("spec.portLevelMtls", diagnostic.Path);
        Assert.Equal("portLevelMtls requires a workload selector; add spec.selector.matchLabels for the workloads whose ports these are, or use spec.mtls for the whole namespace.", diagnostic.Message);
    }

    [Fact]
    public void Port_level_mtls_port_out_of_range_is_an_error()
    {
        // The reader already rejects such keys; a program can still build them.
        var policy = new PeerAuthentication { Metadata = new() { Name = "p", NamespaceProperty = "default" } };
        policy.Spec.Selector = new LabelSelector();
        policy.Spec.Selector.MatchLabels["app"] = "web";
        policy.Spec.PortLevelMtls[70000] = new MutualTls { Mode = MutualTlsMode.Strict };
        Assert.Equal("spec.portLevelMtls[70000]", Single(new MeshValidator().Validate([policy]), DiagnosticCodes.InvalidPort).Path);
    }

    [Theory]
    [InlineData("selector: {matchLabels: {'': web}}", "spec.selector.matchLabels[]")]
    [InlineData("selector: {matchLabels: {'app*': web}}", "spec.selector.matchLabels[app*]")]
    [InlineData("selector: {matchLabels: {app: 'we*'}}", "spec.selector.matchLabels[app]")]
    public void Wildcard_or_empty_selector_keys_are_errors(string spec, string path)
        => Assert.Equal(path, Single(Validate(Resource("PeerAuthentication", spec + "\nmtls: {mode: STRICT}")), DiagnosticCodes.InvalidWorkloadSelector).Path);

    [Fact]
    public void Empty_selector_is_a_warning()
        => Assert.Equal(DiagnosticSeverity.Warning, Single(Validate(Resource("PeerAuthentication", "selector: {}\nmtls: {mode: STRICT}")), DiagnosticCodes.EmptyWorkloadSelector).Severity);

    [Theory]
    [InlineData("PERMISSIVE", DiagnosticCodes.PermissiveMtls)]
    [InlineData("DISABLE", DiagnosticCodes.MtlsDisabled)]
    public void Plaintext_modes_get_security_advice(string mode, string code)
    {
        var diagnostic = Single(Validate(Resource("PeerAuthentication", $"mtls: {{mode: {mode}}}")), code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("spec.mtls.mode", diagnostic.Path);
    }

    [Fact]
    public void Security_advice_can_be_turned_off()
        => AssertClean(Validate(Resource("PeerAuthentication", "mtls: {mode: PERMISSIVE}"), securityAdvice: false));
}
