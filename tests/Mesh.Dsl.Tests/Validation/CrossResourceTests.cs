using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

public class CrossResourceTests
{
    private const string ExternalSe = "hosts: [api.example.com]\nports: [{number: 443, name: https, protocol: HTTPS}]\nresolution: DNS";
    private const string Gateway = "selector: {istio: ingressgateway}\nservers:\n- port: {number: 80, name: http, protocol: HTTP}\n  hosts: ['*/shop.example.com']";

    private static string Vs(string spec, string name = "vs") => Resource("VirtualService", spec, name);

    [Fact]
    public void Missing_gateway_is_IST0101()
    {
        var d = Single(Validate(Vs("hosts: [shop.example.com]\ngateways: [nope]\nhttp: [{route: [{destination: {host: shop.default.svc.cluster.local}}]}]")), DiagnosticCodes.ReferencedResourceNotFound);
        Assert.Equal("spec.gateways[0]", d.Path);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
    }

    [Fact]
    public void Existing_gateway_serving_the_host_is_clean()
        => AssertClean(Validate(Join(
            Resource("Gateway", Gateway, "gw"),
            Vs("hosts: [shop.example.com]\ngateways: [gw]\nhttp: [{route: [{destination: {host: shop.default.svc.cluster.local}}]}]"))));

    [Fact]
    public void Host_not_served_by_gateway_is_IST0132()
        => Assert.Equal("spec.gateways[0]", Single(Validate(Join(
            Resource("Gateway", Gateway, "gw"),
            Vs("hosts: [other.example.com]\ngateways: [gw]\nhttp: [{route: [{destination: {host: shop.default.svc.cluster.local}}]}]"))), DiagnosticCodes.VirtualServiceHostNotFoundInGateway).Path);

    [Fact]
    public void Undefined_subset_is_IST0101_and_defined_subset_is_clean()
    {
        var dr = Resource("DestinationRule", "host: reviews\nsubsets: [{name: v1, labels: {version: v1}}]", "dr");
        var bad = Validate(Join(dr, Vs("hosts: [reviews]\nhttp: [{route: [{destination: {host: reviews, subset: v2}}]}]")));
        Assert.Equal("spec.http[0].route[0].destination.subset", Single(bad, DiagnosticCodes.ReferencedResourceNotFound).Path);
        AssertClean(Validate(Join(dr, Vs("hosts: [reviews]\nhttp: [{route: [{destination: {host: reviews, subset: v1}}]}]"))));
    }

    [Fact]
    public void External_destination_without_service_entry_is_IST0101()
        => Assert.Equal("spec.http[0].route[0].destination.host", Single(Validate(Vs("hosts: [api.example.com]\nhttp: [{route: [{destination: {host: api.example.com}}]}]")), DiagnosticCodes.ReferencedResourceNotFound).Path);

    [Fact]
    public void Destination_port_not_on_service_entry_is_IST0101()
        => Assert.Equal("spec.http[0].route[0].destination.port.number", Single(Validate(Join(Resource("ServiceEntry", ExternalSe, "se"), Vs("hosts: [api.example.com]\nhttp: [{route: [{destination: {host: api.example.com, port: {number: 8443}}}]}]"))), DiagnosticCodes.ReferencedResourceNotFound).Path);

    [Fact]
    public void Missing_port_with_multi_port_service_entry_is_IST0112()
        => Assert.Equal("spec.http[0].route[0].destination.port", Single(Validate(Join(
            Resource("ServiceEntry", "hosts: [api.example.com]\nports: [{number: 443, name: https, protocol: HTTPS}, {number: 8443, name: alt, protocol: HTTPS}]\nresolution: DNS", "se"),
            Vs("hosts: [api.example.com]\nhttp: [{route: [{destination: {host: api.example.com}}]}]"))), DiagnosticCodes.VirtualServiceDestinationPortSelectorRequired).Path);

    [Fact]
    public void Two_mesh_virtual_services_for_one_host_is_IST0109()
    {
        var route = "hosts: [reviews]\nhttp: [{route: [{destination: {host: reviews}}]}]";
        Assert.Equal(["a", "b"], Validate(Join(Vs(route, "a"), Vs(route, "b"))).Where(d => d.Code == DiagnosticCodes.ConflictingMeshGatewayVirtualServiceHosts).Select(d => d.Name));
    }

    [Fact]
    public void Same_gateway_host_and_port_on_same_selector_is_IST0145()
        => Assert.Equal(["gw1", "gw2"], Validate(Join(Resource("Gateway", Gateway, "gw1"), Resource("Gateway", Gateway, "gw2"))).Where(d => d.Code == DiagnosticCodes.ConflictingGateways).Select(d => d.Name));

    [Fact]
    public void Two_selectorless_sidecars_in_a_namespace_is_IST0111()
    {
        var sidecar = "egress: [{hosts: ['./*']}]";
        Assert.Equal(["s1", "s2"], Validate(Join(Resource("Sidecar", sidecar, "s1"), Resource("Sidecar", sidecar, "s2"))).Where(d => d.Code == DiagnosticCodes.MultipleSidecarsWithoutWorkloadSelectors).Select(d => d.Name));
    }

    [Fact]
    public void Tls_origination_without_ca_is_IST0128_and_with_ca_is_clean()
    {
        var se = Resource("ServiceEntry", "hosts: [api.example.com]\nports: [{number: 80, name: http, protocol: HTTP}]\nresolution: DNS", "se");
        var without = Validate(Join(se, Resource("DestinationRule", "host: api.example.com\ntrafficPolicy: {tls: {mode: SIMPLE}}", "dr")));
        Assert.Equal("spec.trafficPolicy.tls.caCertificates", Single(without, DiagnosticCodes.NoServerCertificateVerificationDestinationLevel).Path);
        AssertClean(Validate(Join(se, Resource("DestinationRule", "host: api.example.com\ntrafficPolicy: {tls: {mode: SIMPLE, caCertificates: /etc/ssl/certs/ca.crt}}", "dr"))));
    }

    [Fact]
    public void Port_level_tls_without_ca_is_IST0129()
        => Assert.Equal("spec.trafficPolicy.portLevelSettings[0].tls.caCertificates", Single(Validate(Resource("DestinationRule", "host: api.example.com\ntrafficPolicy: {portLevelSettings: [{port: {number: 80}, tls: {mode: SIMPLE}}]}", "dr")), DiagnosticCodes.NoServerCertificateVerificationPortLevel).Path);

    [Fact]
    public void Plain_http_to_external_host_is_MESH3001_unless_tls_is_originated()
    {
        var se = Resource("ServiceEntry", "hosts: [api.example.com]\nports: [{number: 80, name: http, protocol: HTTP}]\nresolution: DNS", "se");
        Assert.Equal("spec.ports[0]", Single(Validate(se), DiagnosticCodes.PlaintextExternalEgress).Path);
        AssertNone(Validate(Join(se, Resource("DestinationRule", "host: api.example.com\ntrafficPolicy: {portLevelSettings: [{port: {number: 80}, tls: {mode: SIMPLE, caCertificates: /ca.crt}}]}", "dr"))), DiagnosticCodes.PlaintextExternalEgress);
    }

    [Theory]
    [InlineData("[a]", "[b]", false)]
    [InlineData("[a, c]", "[b, c]", true)]
    [InlineData("[a]", "['*']", true)]
    [InlineData("['~']", "['*']", false)]
    public void Mesh_hosts_conflict_only_in_overlapping_export_scopes(string first, string second, bool conflicts)
    {
        var yaml = Join(
            Resource("VirtualService", $"hosts: [api.example.com]\nexportTo: {first}\nhttp: [{{route: [{{destination: {{host: api.example.com}}}}]}}]", "one"),
            Resource("VirtualService", $"hosts: [api.example.com]\nexportTo: {second}\nhttp: [{{route: [{{destination: {{host: api.example.com}}}}]}}]", "two"));
        var diagnostics = Validate(yaml).Where(d => d.Code == DiagnosticCodes.ConflictingMeshGatewayVirtualServiceHosts).ToList();
        Assert.Equal(conflicts ? ["one", "two"] : [], diagnostics.Select(d => d.Name));
    }

    [Fact]
    public void Tls_originated_at_the_egress_gateway_is_not_MESH3001()
    {
        // Seed 003: port 80 goes mesh -> egress gateway -> www.aliyun.com subset originate-tls, whose DR originates TLS on 443.
        var diagnostics = new MeshValidator().ValidateFiles([Path.Combine(TestPaths.Scenarios, "egress-gateway-tls-origination.yaml")]);
        AssertNone(diagnostics, DiagnosticCodes.PlaintextExternalEgress);
    }

    [Fact]
    public void Egress_gateway_forwarding_plain_http_is_still_MESH3001()
    {
        var diagnostics = new MeshValidator().ValidateFiles([Path.Combine(TestPaths.Scenarios, "egress-gateway-http.yaml")]);
        Assert.Equal("spec.ports[0]", Single(diagnostics, DiagnosticCodes.PlaintextExternalEgress).Path);
    }

    [Theory]
    [InlineData("originate-tls", 443, false)]
    [InlineData("plain", 443, true)]
    [InlineData("originate-tls", 8443, true)]
    public void Routing_port_80_to_a_tls_originating_subset_and_port_avoids_MESH3001(string subset, int port, bool warns)
    {
        var yaml = Join(
            Resource("ServiceEntry", "hosts: [api.example.com]\nports: [{number: 80, name: http, protocol: HTTP}, {number: 443, name: https, protocol: HTTPS}, {number: 8443, name: https-alt, protocol: HTTPS}]\nresolution: DNS", "se"),
            Resource("VirtualService", $"hosts: [api.example.com]\nhttp: [{{match: [{{port: 80}}], route: [{{destination: {{host: api.example.com, subset: {subset}, port: {{number: {port}}}}}}}]}}]", "vs"),
            Resource("DestinationRule", "host: api.example.com\nsubsets: [{name: plain}, {name: originate-tls, trafficPolicy: {portLevelSettings: [{port: {number: 443}, tls: {mode: SIMPLE, caCertificates: /ca.crt}}]}}]", "dr"));
        var diagnostics = Validate(yaml);
        if (warns)
        {
            Assert.Equal("spec.ports[0]", Single(diagnostics, DiagnosticCodes.PlaintextExternalEgress).Path);
        }
        else
        {
            AssertNone(diagnostics, DiagnosticCodes.PlaintextExternalEgress);
        }
    }

    [Fact]
    public void Credential_name_without_workload_selector_is_MESH3004()
        => Assert.Equal("spec.trafficPolicy.tls.credentialName", Single(Validate(Resource("DestinationRule", "host: api.example.com\ntrafficPolicy: {tls: {mode: SIMPLE, credentialName: api-cert}}", "dr")), DiagnosticCodes.CredentialNameWithoutWorkloadSelector).Path);

    [Fact]
    public void Inlined_pem_is_MESH3007()
        => Assert.Equal("spec.trafficPolicy.tls.privateKey", Single(Validate(Resource("DestinationRule", "host: api.example.com\ntrafficPolicy: {tls: {mode: MUTUAL, caCertificates: /ca.crt, clientCertificate: /c.pem, privateKey: \"-----BEGIN PRIVATE KEY-----\\nabc\"}}", "dr")), DiagnosticCodes.InlinedCertificate).Path);

    [Fact]
    public void Insecure_skip_verify_is_MESH3003()
        => Assert.Equal("spec.trafficPolicy.tls.insecureSkipVerify", Single(Validate(Resource("DestinationRule", "host: api.example.com\ntrafficPolicy: {tls: {mode: SIMPLE, insecureSkipVerify: true}}", "dr")), DiagnosticCodes.CertificateVerificationDisabled).Path);

    [Fact]
    public void Disable_tls_towards_strict_namespace_is_MESH2003()
        => Assert.Equal("spec.trafficPolicy.tls.mode", Single(Validate(Join(
            Resource("PeerAuthentication", "mtls: {mode: STRICT}", "default", "shop"),
            Resource("DestinationRule", "host: cart.shop.svc.cluster.local\ntrafficPolicy: {tls: {mode: DISABLE}}", "dr"))), DiagnosticCodes.DestinationRuleTlsConflictsWithStrictMtls).Path);

    [Fact]
    public void Unreachable_rule_after_catch_all_is_IST0130()
        => Assert.Equal("spec.http[1]", Single(Validate(Vs("hosts: [reviews]\nhttp:\n- route: [{destination: {host: reviews}}]\n- match: [{uri: {prefix: /a}}]\n  route: [{destination: {host: reviews}}]")), DiagnosticCodes.VirtualServiceUnreachableRule).Path);

    [Fact]
    public void Repeated_match_is_IST0131_info()
    {
        var d = Single(Validate(Vs("hosts: [reviews]\nhttp:\n- match: [{uri: {prefix: /a}}]\n  route: [{destination: {host: reviews}}]\n- match: [{uri: {prefix: /a}}, {uri: {prefix: /b}}]\n  route: [{destination: {host: reviews}}]")), DiagnosticCodes.VirtualServiceIneffectiveMatch);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Equal("spec.http[1].match[0]", d.Path);
    }

    [Fact]
    public void Unknown_destination_rule_host_is_IST0174()
        => Assert.Equal("spec.host", Single(Validate(Resource("DestinationRule", "host: api.example.com\ntrafficPolicy: {connectionPool: {tcp: {maxConnections: 10}}}", "dr")), DiagnosticCodes.UnknownDestinationRuleHost).Path);

    [Theory]
    [InlineData("\"*.local\"")]
    [InlineData("\"*.cluster.local\"")]
    [InlineData("\"*.svc.cluster.local\"")]
    public void A_mesh_wide_destination_rule_host_is_not_IST0174(string host)
        => Assert.DoesNotContain(
            Validate(Resource("DestinationRule", $"host: {host}\ntrafficPolicy: {{tls: {{mode: ISTIO_MUTUAL}}}}", "default", "istio-system")),
            d => d.Code == DiagnosticCodes.UnknownDestinationRuleHost);

    [Fact]
    public void A_wildcard_host_outside_the_cluster_domain_with_no_ServiceEntry_is_still_IST0174()
        => Assert.Equal("spec.host", Single(Validate(Resource("DestinationRule", "host: \"*.example.com\"\ntrafficPolicy: {tls: {mode: SIMPLE}}", "dr")), DiagnosticCodes.UnknownDestinationRuleHost).Path);

    [Fact]
    public void A_mesh_wide_destination_rule_disabling_tls_under_mesh_wide_STRICT_mTLS_is_reported()
        => Assert.Equal("spec.trafficPolicy.tls.mode", Single(Validate(Join(
            Resource("PeerAuthentication", "mtls: {mode: STRICT}", "default", "istio-system"),
            Resource("DestinationRule", "host: \"*.local\"\ntrafficPolicy: {tls: {mode: DISABLE}}", "default", "istio-system"))), DiagnosticCodes.DestinationRuleTlsConflictsWithStrictMtls).Path);
}
