using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Scenarios;
using Mesh.Dsl.Serialization;

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
        // Adds a ServiceEntry (port 80 -> targetPort 443) and a DestinationRule (SIMPLE TLS on port 80,
        // checking the server against the proxy's CA bundle, with SNI edition.cnn.com).
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
        // Adds a ServiceEntry (port 80 -> targetPort 443) and a DestinationRule (SIMPLE TLS on port 80,
        // checking the server against the proxy's CA bundle, with SNI edition.cnn.com).
        var origination = mesh.Egress().OriginateTls("edition.cnn.com");

        // Seed 003: HTTP to www.aliyun.com leaves the mesh through the egress gateway.
        mesh.Egress().RouteThroughGateway("www.aliyun.com", EgressGatewayTraffic.HttpWithTlsOrigination);

        // Seed 004: the httpbin sidecar terminates mutual TLS on 9080, without an ingress gateway.
        mesh.Ingress().TerminateTlsAtSidecar("httpbin", o => o.Namespace = "test");

        origination.DestinationRule.Spec.TrafficPolicy!.ConnectionPool = new() { Tcp = new() { MaxConnections = 100 } };

        Assert.Empty(mesh.Validate());
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

    [Fact]
    public void Reading_writing_and_editing_section_uses_calls_that_work_as_shown()
    {
        var folder = Directory.CreateTempSubdirectory("mesh-dsl-readme-").FullName;
        try
        {
            var manifests = Directory.CreateDirectory(Path.Combine(folder, "manifests")).FullName;
            File.WriteAllText(Path.Combine(manifests, "cnn.yaml"), "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: cnn\nspec:\n  hosts: [edition.cnn.com]\n  ports: [{number: 443, name: https, protocol: HTTPS}]\n  resolution: NONE\n");
            var broken = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: x\nspec:\n  ports:\n  - number: eighty\n";
            Assert.Contains("routes.yaml:7:13: spec.ports[0].number: expected an integer, got \"eighty\"", Assert.Throws<MeshReadException>(() => MeshYaml.Read(broken, "routes.yaml")).Message, StringComparison.Ordinal);

            var mesh = IstioMesh.Load(manifests);
            var entry = mesh.Find<ServiceEntry>("cnn")!;
            new ServiceEntryBuilder(entry).Port(8443, "https-alt", Protocols.Https);
            entry.Spec.Resolution = ServiceEntryResolution.Dns;

            Assert.Contains("  - number: 8443\n    name: https-alt\n", mesh.ToYaml(), StringComparison.Ordinal);
            Assert.Contains("\"kind\": \"List\"", mesh.ToJson(), StringComparison.Ordinal);
            Assert.Single(mesh.WriteToDirectory(Path.Combine(folder, "rendered")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Readme() => File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md")).Replace("\r\n", "\n");
}
