using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

public class PeerAuthenticationChecksTests
{
    private const string PortPolicy = "selector: {matchLabels: {app: httpbin}}\nmtls: {mode: STRICT}\nportLevelMtls: {9080: {mode: DISABLE}}";

    private static string TerminatingSidecar(string selector = "workloadSelector: {labels: {app: httpbin, version: v1}}", uint port = 9080, string mode = "MUTUAL") => $$"""
        {{selector}}
        ingress:
        - port: {number: {{port}}, protocol: HTTPS, name: external}
          defaultEndpoint: 0.0.0.0:80
          tls: {mode: {{mode}}, privateKey: /etc/istio/tls-certs/tls.key, serverCertificate: /etc/istio/tls-certs/tls.crt, caCertificates: /etc/istio/tls-ca-certs/ca.crt}
        """;

    [Fact]
    public void Seed_004_port_disabled_where_the_sidecar_terminates_tls_gets_no_advice()
        => AssertClean(new MeshValidator().ValidateFiles([Path.Combine(TestPaths.Scenarios, "ingress-sidecar-tls-termination.yaml")]));

    [Theory]
    [InlineData("MUTUAL")]
    [InlineData("SIMPLE")]
    [InlineData("OPTIONAL_MUTUAL")]
    public void A_sidecar_of_the_same_workloads_terminating_tls_on_the_port_settles_it(string mode)
        => AssertNone(Validate(Join(Resource("PeerAuthentication", PortPolicy), Resource("Sidecar", TerminatingSidecar(mode: mode)))), DiagnosticCodes.MtlsDisabled);

    [Fact]
    public void A_sidecar_without_selector_in_the_namespace_settles_it()
        => AssertNone(Validate(Join(Resource("PeerAuthentication", PortPolicy), Resource("Sidecar", TerminatingSidecar(selector: string.Empty)))), DiagnosticCodes.MtlsDisabled);

    [Fact]
    public void Without_a_sidecar_the_disabled_port_is_advised_against_with_the_fix()
    {
        var diagnostic = Single(Validate(Resource("PeerAuthentication", PortPolicy)), DiagnosticCodes.MtlsDisabled);

        Assert.Equal((DiagnosticSeverity.Warning, "spec.portLevelMtls[9080].mode"), (diagnostic.Severity, diagnostic.Path));
        Assert.Equal(
            "mTLS mode DISABLE accepts only plaintext on port 9080; use STRICT, or, when the workload's sidecar terminates TLS on this port itself, declare that with a Sidecar selecting the same workloads whose ingress listener for port 9080 has tls mode SIMPLE or MUTUAL.",
            diagnostic.Message);
    }

    [Theory]
    [InlineData("workloadSelector: {labels: {app: other}}", 9080u, "MUTUAL", "default")]
    [InlineData("workloadSelector: {labels: {version: v1}}", 9080u, "MUTUAL", "default")]
    [InlineData("workloadSelector: {labels: {app: httpbin}}", 9081u, "MUTUAL", "default")]
    [InlineData("workloadSelector: {labels: {app: httpbin}}", 9080u, "MUTUAL", "other")]
    public void A_sidecar_of_other_workloads_ports_or_namespaces_does_not_settle_it(string selector, uint port, string mode, string sidecarNamespace)
    {
        var diagnostics = Validate(Join(Resource("PeerAuthentication", PortPolicy), Resource("Sidecar", TerminatingSidecar(selector, port, mode), ns: sidecarNamespace)));

        Assert.Equal("spec.portLevelMtls[9080].mode", Single(diagnostics, DiagnosticCodes.MtlsDisabled).Path);
    }

    [Fact]
    public void A_sidecar_listener_without_tls_does_not_settle_it()
    {
        var sidecar = "workloadSelector: {labels: {app: httpbin}}\ningress:\n- port: {number: 9080, protocol: HTTP, name: external}\n  defaultEndpoint: 0.0.0.0:80";

        Single(Validate(Join(Resource("PeerAuthentication", PortPolicy), Resource("Sidecar", sidecar))), DiagnosticCodes.MtlsDisabled);
    }

    [Fact]
    public void Namespace_wide_disable_is_still_advised_against_next_to_a_terminating_sidecar()
        => Assert.Equal("spec.mtls.mode", Single(Validate(Join(Resource("PeerAuthentication", "mtls: {mode: DISABLE}"), Resource("Sidecar", TerminatingSidecar()))), DiagnosticCodes.MtlsDisabled).Path);

    [Fact]
    public void Port_level_advice_is_security_advice()
        => AssertClean(Validate(Resource("PeerAuthentication", PortPolicy), securityAdvice: false));
}
