using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Tests.Documentation;

/// <summary>
/// The README's quick start must compile as written and print what the README shows. The code
/// below is the README's code block verbatim; the tests check both the text and the output.
/// </summary>
public class ReadmeTests
{
    private const string QuickStartCode = """
        var mesh = new IstioMesh();
        mesh.AddServiceEntry("cnn", se => se
            .Hosts("*.cnn.com")
            .Port(80, "http-port", Protocols.Http)
            .Port(443, "https-port", Protocols.Https)
            .Resolution(ServiceEntryResolution.None));

        Console.Write(mesh.ToYaml());
        """;

    private const string ScenarioCode = """
        var mesh = new IstioMesh();

        // Seed 002: the app sends plain HTTP to edition.cnn.com; the sidecar originates TLS.
        // Adds a ServiceEntry (port 80 -> targetPort 443) and a DestinationRule (SIMPLE TLS on port 80).
        var origination = mesh.Egress().OriginateTls("edition.cnn.com");

        // Seed 003: HTTP to www.aliyun.com leaves the mesh through the egress gateway.
        mesh.Egress().RouteThroughGateway("www.aliyun.com", EgressGatewayTraffic.HttpWithTlsOrigination);

        // Seed 004: the httpbin sidecar terminates mutual TLS on 9080, without an ingress gateway.
        mesh.Ingress().TerminateTlsAtSidecar("httpbin", o => o.Namespace = "test");

        origination.DestinationRule.Spec.TrafficPolicy!.ConnectionPool = new() { Tcp = new() { MaxConnections = 100 } };
        """;

    [Fact]
    public void Scenario_code_is_the_code_in_the_readme()
    {
        Assert.Contains(ScenarioCode.Replace("\r\n", "\n"), Readme(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_code_builds_a_valid_mesh()
    {
        var mesh = new IstioMesh();

        // Seed 002: the app sends plain HTTP to edition.cnn.com; the sidecar originates TLS.
        // Adds a ServiceEntry (port 80 -> targetPort 443) and a DestinationRule (SIMPLE TLS on port 80).
        var origination = mesh.Egress().OriginateTls("edition.cnn.com");

        // Seed 003: HTTP to www.aliyun.com leaves the mesh through the egress gateway.
        mesh.Egress().RouteThroughGateway("www.aliyun.com", EgressGatewayTraffic.HttpWithTlsOrigination);

        // Seed 004: the httpbin sidecar terminates mutual TLS on 9080, without an ingress gateway.
        mesh.Ingress().TerminateTlsAtSidecar("httpbin", o => o.Namespace = "test");

        origination.DestinationRule.Spec.TrafficPolicy!.ConnectionPool = new() { Tcp = new() { MaxConnections = 100 } };

        Assert.DoesNotContain(mesh.Validate(), d => d.IsError);
        Assert.Contains("maxConnections: 100", mesh.ToYaml(), StringComparison.Ordinal);
        Assert.Equal(
            ["ServiceEntry", "DestinationRule", "ServiceEntry", "Gateway", "DestinationRule", "VirtualService", "DestinationRule", "PeerAuthentication", "PeerAuthentication", "Sidecar"],
            mesh.Resources.Select(r => r.Kind));
    }

    [Fact]
    public void Quick_start_code_is_the_code_in_the_readme()
    {
        Assert.Contains(QuickStartCode.Replace("\r\n", "\n"), Readme(), StringComparison.Ordinal);
    }

    [Fact]
    public void Quick_start_prints_the_yaml_the_readme_shows()
    {
        // The README's code, with Console.Write(...) captured instead (tests run in parallel,
        // so redirecting the process-wide console would be racy).
        var mesh = new IstioMesh();
        mesh.AddServiceEntry("cnn", se => se
            .Hosts("*.cnn.com")
            .Port(80, "http-port", Protocols.Http)
            .Port(443, "https-port", Protocols.Https)
            .Resolution(ServiceEntryResolution.None));
        var output = mesh.ToYaml();

        var readme = Readme();
        var start = readme.IndexOf("```yaml\n", readme.IndexOf("prints", StringComparison.Ordinal), StringComparison.Ordinal) + "```yaml\n".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        Assert.Equal(readme[start..end], output);
    }

    private static string Readme() => File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md")).Replace("\r\n", "\n");
}
