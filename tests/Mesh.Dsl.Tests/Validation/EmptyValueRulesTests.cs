using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>
/// An explicit empty string where istiod's webhook reads proto3 fields: there it means the same as an unset
/// field, so <c>field: ""</c> is judged as if the field were absent.
/// </summary>
public class EmptyValueRulesTests
{
    [Fact]
    public void An_empty_service_entry_port_protocol_is_protocol_sniffing_and_valid()
    {
        var diagnostics = Validate(Resource("ServiceEntry", "hosts: [api.example.com]\nports: [{number: 8080, name: web, protocol: ''}]\nresolution: DNS"));

        AssertNone(diagnostics, DiagnosticCodes.InvalidProtocol);
        AssertNoErrors(diagnostics);
    }

    [Fact]
    public void An_unknown_service_entry_port_protocol_is_still_an_error()
        => Assert.Equal("spec.ports[0].protocol", Single(Validate(Resource("ServiceEntry", "hosts: [api.example.com]\nports: [{number: 8080, name: web, protocol: FOO}]\nresolution: DNS")), DiagnosticCodes.InvalidProtocol).Path);

    [Fact]
    public void An_empty_protocol_counts_as_unset_for_resolution_none_without_addresses()
    {
        var diagnostic = Single(Validate(Resource("ServiceEntry", "hosts: [api.example.com]\nports: [{number: 8080, name: web, protocol: ''}]\nresolution: NONE")), DiagnosticCodes.ServiceEntryAddressesRequired);

        Assert.Contains("has protocol unset", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_sidecar_ingress_port_name_protocol_and_bind_are_unset()
        => AssertClean(Validate(Resource("Sidecar", "workloadSelector: {labels: {app: web}}\ningress:\n- port: {number: 8080, name: '', protocol: ''}\n  bind: ''\n  defaultEndpoint: 127.0.0.1:8080")));

    [Fact]
    public void An_empty_gateway_bind_is_unset()
        => AssertClean(Validate(Resource("Gateway", "selector: {istio: ingressgateway}\nservers:\n- port: {number: 80, name: http, protocol: HTTP}\n  bind: ''\n  hosts: [web.example.com]")));

    [Fact]
    public void An_empty_namespace_is_the_default_namespace()
    {
        var yaml = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: api\n  namespace: ''\nspec:\n  hosts: [api.example.com]\n  ports: [{number: 443, name: https, protocol: TLS}]\n  resolution: DNS\n";

        AssertClean(Validate(yaml));
    }

    [Fact]
    public void Empty_ca_certificates_do_not_verify_the_server()
    {
        var diagnostic = Single(Validate(Resource("DestinationRule", "host: api.example.com\ntrafficPolicy: {tls: {mode: SIMPLE, caCertificates: ''}}")), DiagnosticCodes.NoServerCertificateVerificationDestinationLevel);

        Assert.Equal("spec.trafficPolicy.tls.caCertificates", diagnostic.Path);
    }

    [Fact]
    public void An_empty_credential_name_neither_excludes_files_nor_replaces_the_client_certificate()
    {
        AssertNoErrors(Validate(Resource("DestinationRule", "host: api.example.com\ntrafficPolicy: {tls: {mode: MUTUAL, credentialName: '', clientCertificate: /c.pem, privateKey: /k.pem, caCertificates: /ca.pem}}")));
        Assert.Equal("spec.trafficPolicy.tls", Single(Validate(Resource("DestinationRule", "host: api.example.com\ntrafficPolicy: {tls: {mode: MUTUAL, clientCertificate: '', privateKey: /k.pem, caCertificates: /ca.pem}}")), DiagnosticCodes.MissingField).Path);
    }

    [Fact]
    public void An_empty_credential_name_is_no_credential_for_the_workload_selector_advice()
        => AssertNone(Validate(Resource("DestinationRule", "host: api.example.com\ntrafficPolicy: {tls: {mode: SIMPLE, credentialName: '', caCertificates: /ca.pem}}")), DiagnosticCodes.CredentialNameWithoutWorkloadSelector);

    [Fact]
    public void Empty_server_tls_file_fields_are_no_second_certificate_source()
        => AssertClean(Validate(Resource("Gateway", "selector: {istio: ingressgateway}\nservers:\n- port: {number: 443, name: https, protocol: HTTPS}\n  hosts: [web.example.com]\n  tls: {mode: SIMPLE, credentialName: web-credential, serverCertificate: '', privateKey: ''}")));

    [Fact]
    public void Empty_server_tls_files_do_not_satisfy_simple_tls()
        => Assert.Equal("spec.servers[0].tls", Single(Validate(Resource("Gateway", "selector: {istio: ingressgateway}\nservers:\n- port: {number: 443, name: https, protocol: HTTPS}\n  hosts: [web.example.com]\n  tls: {mode: SIMPLE, serverCertificate: '', privateKey: /k.pem}")), DiagnosticCodes.MissingField).Path);
}
