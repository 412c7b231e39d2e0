using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

public class ServiceEntryRulesTests
{
    private const string ValidDns = """
        hosts:
        - api.example.com
        ports:
        - number: 443
          name: https
          protocol: HTTPS
        location: MESH_EXTERNAL
        resolution: DNS
        """;

    [Fact]
    public void Valid_dns_service_entry_has_no_diagnostics()
        => AssertClean(Validate(Resource("ServiceEntry", ValidDns)));

    [Theory]
    [InlineData("hosts: ['*']\nports: [{number: 80, name: http, protocol: HTTP}]\nresolution: NONE", DiagnosticCodes.InvalidHost, "spec.hosts[0]")]
    [InlineData("hosts: ['a.*.com']\nports: [{number: 80, name: http, protocol: HTTP}]", DiagnosticCodes.InvalidHost, "spec.hosts[0]")]
    [InlineData("hosts: ['10.0.0.1']\nports: [{number: 80, name: http, protocol: HTTP}]", DiagnosticCodes.InvalidHost, "spec.hosts[0]")]
    [InlineData("ports: [{number: 80, name: http, protocol: HTTP}]", DiagnosticCodes.MissingField, "spec.hosts")]
    [InlineData("hosts: [a.com]\naddresses: [not-an-ip]\nports: [{number: 80, name: http, protocol: HTTP}]", DiagnosticCodes.InvalidAddress, "spec.addresses[0]")]
    [InlineData("hosts: [a.com]\naddresses: [10.0.0.0/8]\nports: [{number: 80, name: http, protocol: HTTP}]\nresolution: DNS", DiagnosticCodes.ResolutionMismatch, "spec.addresses[0]")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: Http_1, protocol: HTTP}]", DiagnosticCodes.InvalidPortName, "spec.ports[0].name")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, protocol: HTTP}]", DiagnosticCodes.InvalidPortName, "spec.ports[0].name")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}, {number: 81, name: a, protocol: HTTP}]", DiagnosticCodes.DuplicatePort, "spec.ports[1].name")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}, {number: 80, name: b, protocol: HTTP}]", DiagnosticCodes.DuplicatePort, "spec.ports[1].number")]
    [InlineData("hosts: [a.com]\nports: [{number: 70000, name: a, protocol: HTTP}]", DiagnosticCodes.InvalidPort, "spec.ports[0].number")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP, targetPort: 0}]", DiagnosticCodes.InvalidPort, "spec.ports[0].targetPort")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: SPDY}]", DiagnosticCodes.InvalidProtocol, "spec.ports[0].protocol")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nresolution: NONE\nendpoints: [{address: 1.1.1.1}]", DiagnosticCodes.ResolutionMismatch, "spec.endpoints")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nresolution: STATIC\nendpoints: [{address: b.com}]", DiagnosticCodes.InvalidEndpoint, "spec.endpoints[0].address")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nresolution: DNS\nendpoints: [{address: 'b_c.com'}]", DiagnosticCodes.InvalidEndpoint, "spec.endpoints[0].address")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nresolution: STATIC\nendpoints: [{address: 1.1.1.1, ports: {b: 8080}}]", DiagnosticCodes.InvalidEndpoint, "spec.endpoints[0].ports[b]")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nresolution: STATIC\nendpoints: [{address: 'unix://relative'}]", DiagnosticCodes.InvalidEndpoint, "spec.endpoints[0].address")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nresolution: STATIC\nendpoints: [{address: 1.1.1.1, labels: {'bad key!': x}}]", DiagnosticCodes.InvalidLabels, "spec.endpoints[0].labels[bad key!]")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nresolution: DNS_ROUND_ROBIN\nendpoints: [{address: b.com}, {address: c.com}]", DiagnosticCodes.ResolutionMismatch, "spec.endpoints")]
    [InlineData("hosts: ['*.a.com']\nports: [{number: 80, name: a, protocol: HTTP}]\nresolution: DNS", DiagnosticCodes.ResolutionMismatch, "spec.hosts[0]")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nresolution: DYNAMIC_DNS", DiagnosticCodes.ResolutionMismatch, "spec.hosts[0]")]
    [InlineData("hosts: ['*.a.com']\nports: [{number: 443, name: a, protocol: HTTPS}]\nresolution: DYNAMIC_DNS", DiagnosticCodes.ResolutionMismatch, "spec.ports[0].protocol")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nresolution: STATIC\nworkloadSelector: {labels: {app: x}}\nendpoints: [{address: 1.1.1.1}]", DiagnosticCodes.ConflictingFields, "spec.workloadSelector")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nresolution: STATIC\nworkloadSelector: {labels: {app: '*'}}", DiagnosticCodes.InvalidWorkloadSelector, "spec.workloadSelector.labels[app]")]
    [InlineData("hosts: [a.com, b.com]\nports: [{number: 5432, name: a, protocol: TCP}]\nresolution: DNS", DiagnosticCodes.MultipleHostsNeedHttpOrTls, "spec.ports[0].protocol")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nexportTo: ['*', bar]", DiagnosticCodes.InvalidExportTo, "spec.exportTo[0]")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nexportTo: ['.', default]", DiagnosticCodes.InvalidExportTo, "spec.exportTo[1]")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nexportTo: ['~', bar]", DiagnosticCodes.InvalidExportTo, "spec.exportTo[0]")]
    public void Invalid_field_gives_an_error(string spec, string code, string path)
    {
        var diagnostic = Single(Validate(Resource("ServiceEntry", spec), securityAdvice: false), code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(path, diagnostic.Path);
    }

    [Theory]
    [InlineData("hosts: ['*foo.com']\nports: [{number: 80, name: a, protocol: HTTP}]", DiagnosticCodes.PartialWildcardHost, "spec.hosts[0]")]
    [InlineData("hosts: [a.com]\nports: [{number: 5432, name: a, protocol: TCP}]\nresolution: NONE", DiagnosticCodes.ServiceEntryAddressesRequired, "spec.ports[0].protocol")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nworkloadSelector: {labels: {app: x}}", DiagnosticCodes.IgnoredField, "spec.workloadSelector")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nresolution: STATIC\nworkloadSelector: {}", DiagnosticCodes.EmptyWorkloadSelector, "spec.workloadSelector.labels")]
    [InlineData("hosts: [a.com, b.com]\naddresses: [10.0.0.1]\nports: [{number: 443, name: a, protocol: TLS}]\nresolution: DNS", DiagnosticCodes.MultipleHostsWithAddresses, "spec.hosts")]
    public void Suspicious_field_gives_a_warning(string spec, string code, string path)
    {
        var diagnostic = Single(Validate(Resource("ServiceEntry", spec), securityAdvice: false), code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(path, diagnostic.Path);
    }

    [Theory]
    [InlineData("hosts: ['*.a.com']\nports: [{number: 80, name: a, protocol: HTTP}]\nresolution: NONE")]
    [InlineData("hosts: [a.com]\naddresses: [10.0.0.0/8]\nports: [{number: 5432, name: a, protocol: TCP}]\nresolution: STATIC\nendpoints: [{address: 10.0.0.1, ports: {a: 15432}}]")]
    [InlineData("hosts: [a.com, b.com]\nports: [{number: 443, name: a, protocol: TLS}]\nresolution: DNS")]
    [InlineData("hosts: ['*.a.com']\nports: [{number: 443, name: a, protocol: TLS}]\nresolution: DYNAMIC_DNS")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nresolution: STATIC\nendpoints: [{address: 'unix:///var/run/a.sock'}]")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nexportTo: ['~']")]
    [InlineData("hosts: [a.com]\nports: [{number: 80, name: a, protocol: HTTP}]\nresolution: DNS_ROUND_ROBIN\nendpoints: [{address: b.com}]")]
    public void Valid_variants_have_no_errors_or_warnings(string spec)
        => AssertClean(Validate(Resource("ServiceEntry", spec), securityAdvice: false));

    [Fact]
    public void Diagnostic_carries_file_line_column_and_a_message_with_the_fix()
    {
        var diagnostic = Single(Validate(Resource("ServiceEntry", "hosts: [a.com]\nports:\n- number: 80\n  name: a\n  protocol: SPDY")), DiagnosticCodes.InvalidProtocol);
        Assert.Equal(
            "test.yaml:11:15: error MESH1009 ServiceEntry default/r spec.ports[0].protocol: unsupported protocol 'SPDY'; use one of TCP, UDP, GRPC, GRPC-WEB, HTTP, HTTP_PROXY, HTTP2, HTTPS, TLS, MONGO, REDIS, MYSQL.",
            diagnostic.ToString());
    }

    [Fact]
    public void Bad_name_and_forbidden_annotation_are_errors()
    {
        var yaml = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: Bad_Name\n  annotations:\n    istio.io/dry-run: 'true'\nspec:\n  hosts: [a.com]\n  ports: [{number: 443, name: a, protocol: TLS}]\n  resolution: DNS\n";
        var diagnostics = Validate(yaml);
        Assert.Equal("metadata.name", Single(diagnostics, DiagnosticCodes.InvalidResourceName).Path);
        Assert.Equal("metadata.annotations[istio.io/dry-run]", Single(diagnostics, DiagnosticCodes.ForbiddenAnnotation).Path);
    }
}
