using Mesh.Dsl.Builders;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Builders;

/// <summary>The builders produce the VirtualServices of the scenario files in ../shared/scenarios.</summary>
public class VirtualServiceScenarioTests
{
    public static TheoryData<string> Scenarios => new(Built.Keys);

    private static readonly Dictionary<string, Func<VirtualService>> Built = new()
    {
        ["egress-gateway-http.yaml"] = () => AliyunThroughEgressGateway(h => h.RouteTo("www.aliyun.com", port: 80, weight: 100)),
        ["egress-gateway-tls-origination.yaml"] = () => AliyunThroughEgressGateway(h => h.RouteTo("www.aliyun.com", port: 443, subset: "originate-tls", weight: 100)),
        ["egress-tls-origination-subset.yaml"] = () => new VirtualServiceBuilder("rewrite-port-for-entry")
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Hosts("www.aliyun.com")
            .Http(h => h.Match(m => m.Port(80)).RouteTo("www.aliyun.com", port: 443, subset: "originate-tls"))
            .Tls(t => t.MatchSni(443, "www.aliyun.com").RouteTo("www.aliyun.com", port: 443))
            .Build(),
        ["egress-tls-origination-v1alpha3.yaml"] = () => new VirtualServiceBuilder("rewrite-port-for-edition-cnn-com")
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Hosts("edition.cnn.com")
            .Http(h => h.Match(m => m.Port(80)).Route("edition.cnn.com", d => d.Destination(x => x.Port(443))))
            .Build(),
        ["legacy-bookinfo-googleapis.yaml"] = () => new VirtualServiceBuilder("details-v2")
            .Namespace("default")
            .Hosts("details")
            .Http(h => h.Route("details", d => d.Destination("details", subset: "v2")))
            .Build(),
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Builder_produces_the_scenario_virtual_service(string file)
    {
        var expected = Assert.Single(ScenarioDocuments.OfKind(file, "VirtualService"));

        var built = Built[file]();

        Assert.True(ResourceComparer.Instance.Equals(expected, built), MeshYaml.Serialize(built));
        Assert.Equal(MeshYaml.Serialize(expected), MeshYaml.Serialize(built));
    }

    [Theory]
    [InlineData("egress-tls-origination-v1alpha3.yaml")]
    [InlineData("legacy-bookinfo-googleapis.yaml")]
    public void Builder_output_is_byte_for_byte_the_scenario_text(string file)
    {
        // The other scenario documents write some keys out of proto order (gateways before port,
        // subset before host); for them the comparison above is by meaning and canonical text.
        var text = VirtualServiceDocuments(file).Single();

        Assert.Equal(text, MeshYaml.Serialize(Built[file]()));
    }

    [Fact]
    public void Every_scenario_virtual_service_has_a_builder_test()
    {
        var files = Directory.EnumerateFiles(TestPaths.Scenarios, "*.yaml")
            .Where(f => !f.EndsWith(".input.yaml", StringComparison.Ordinal) && VirtualServiceDocuments(Path.GetFileName(f)).Any())
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);

        Assert.Equal(files, Built.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>Sidecars send aliyun traffic to the egress gateway; the gateway forwards it as <paramref name="fromGateway"/> says.</summary>
    private static VirtualService AliyunThroughEgressGateway(Action<HttpRouteBuilder> fromGateway)
        => new VirtualServiceBuilder("aliyun-through-egress-gateway")
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Hosts("www.aliyun.com")
            .Gateways("istio-egressgateway", VirtualService.MeshGateway)
            .Http(h => h
                .Match(m => m.Gateways(VirtualService.MeshGateway).Port(80))
                .RouteTo("istio-egressgateway.istio-system.svc.cluster.local", port: 80, subset: "aliyun", weight: 100))
            .Http(h => fromGateway(h.Match(m => m.Gateways("istio-egressgateway").Port(80))))
            .Build();

    /// <summary>The VirtualService documents of a scenario file, comment lines removed; other kinds may not be registered yet.</summary>
    private static IEnumerable<string> VirtualServiceDocuments(string file)
        => File.ReadAllText(Path.Combine(TestPaths.Scenarios, file))
            .Split("\n---")
            .Select(d => string.Join("\n", d.Split('\n').Where(l => !l.StartsWith('#') && l.Length > 0)) + "\n")
            .Where(d => d.Contains("\nkind: VirtualService\n", StringComparison.Ordinal));
}
