using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

public class WorkloadEntryRulesTests
{
    private static IReadOnlyList<Diagnostic> Entry(string spec) => Validate(Resource("WorkloadEntry", spec));

    private static void Expect(string spec, string code, string path, string message)
    {
        var diagnostic = Single(Entry(spec), code);
        Assert.Equal((DiagnosticSeverity.Error, path, message), (diagnostic.Severity, diagnostic.Path, diagnostic.Message));
    }

    [Theory]
    [InlineData("address: 10.0.0.5\nports: {http: 8080}\nlabels: {app: vm}\nserviceAccount: vm-sa")]
    [InlineData("address: vm1.example.com")]
    [InlineData("network: vm-network")]
    [InlineData("address: unix:///var/run/app.sock")]
    public void Valid_entries_are_clean(string spec) => AssertClean(Entry(spec));

    [Fact]
    public void Entry_without_address_or_network_is_an_error()
        => Expect(
            "labels: {app: vm}",
            DiagnosticCodes.InvalidEndpoint,
            "spec.address",
            "the WorkloadEntry has no address; set the workload's IP address or host name (or a network, to reach it through that network's gateway).");

    [Fact]
    public void Invalid_address_is_an_error()
        => Expect(
            "address: 'not an address'",
            DiagnosticCodes.InvalidEndpoint,
            "spec.address",
            "address 'not an address' is neither an IP address nor a host name (at most 256 characters).");

    [Fact]
    public void Unix_socket_directory_is_an_error()
        => Expect(
            "address: unix:///var/run/",
            DiagnosticCodes.InvalidEndpoint,
            "spec.address",
            "'unix:///var/run/' is not a valid unix socket address; write unix:///absolute/path (not a directory) or unix://@abstract-name.");

    [Fact]
    public void Unix_socket_with_ports_is_an_error()
        => Expect(
            "address: unix:///var/run/app.sock\nports: {http: 8080}",
            DiagnosticCodes.InvalidEndpoint,
            "spec.ports",
            "a unix socket WorkloadEntry has no ports; remove them.");

    [Fact]
    public void Invalid_port_name_is_an_error()
        => Expect(
            "address: 10.0.0.5\nports: {'-http': 8080}",
            DiagnosticCodes.InvalidPortName,
            "spec.ports[-http]",
            "port name '-http' must be a DNS-1123 label: letters, digits and '-', shorter than 63 characters.");

    [Fact]
    public void Port_out_of_range_is_an_error()
        => Expect(
            "address: 10.0.0.5\nports: {http: 70000}",
            DiagnosticCodes.InvalidPort,
            "spec.ports[http]",
            "port 70000 must be in range 1..65535.");

    [Fact]
    public void Invalid_label_is_an_error()
        => Assert.Equal("spec.labels[bad key]", Single(Entry("address: 10.0.0.5\nlabels: {'bad key': v}"), DiagnosticCodes.InvalidLabels).Path);
}
