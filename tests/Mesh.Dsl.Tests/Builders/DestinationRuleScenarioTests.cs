using Mesh.Dsl.Builders;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Builders;

/// <summary>The builder reproduces each DestinationRule of the expected scenario files.</summary>
public class DestinationRuleScenarioTests
{
    [Fact]
    public void Tls_origination_on_port_80()
    {
        var rule = new DestinationRuleBuilder("edition-cnn-com")
            .Host("edition.cnn.com")
            .TrafficPolicy(tp => tp.PortLevelSettings(80, p => p.Tls(ClientTlsMode.Simple)))
            .Build();

        AssertSameAsScenario("egress-tls-origination.yaml", rule);
    }

    [Fact]
    public void Tls_origination_v1alpha3_with_round_robin()
    {
        var rule = new DestinationRuleBuilder("originate-tls-for-edition-cnn-com")
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Host("edition.cnn.com")
            .TrafficPolicy(tp => tp
                .LoadBalancer(LoadBalancerAlgorithm.RoundRobin)
                .PortLevelSettings(443, p => p.Tls(t => t.Mode(ClientTlsMode.Simple))))
            .Build();

        AssertSameAsScenario("egress-tls-origination-v1alpha3.yaml", rule);
    }

    [Fact]
    public void Tls_origination_in_a_subset()
    {
        AssertSameAsScenario("egress-tls-origination-subset.yaml", OriginateTlsForAliyun("originate-tls-for-entry"));
    }

    [Fact]
    public void Egress_gateway_subset_and_tls_origination_for_the_gateway()
    {
        var gateway = new DestinationRuleBuilder("egressgateway-for-aliyun")
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Host("istio-egressgateway.istio-system.svc.cluster.local")
            .Subset("aliyun")
            .Build();
        var origination = OriginateTlsForAliyun("originate-tls-for-aliyun");

        AssertSameAsScenario("egress-gateway-tls-origination.yaml", gateway);
        AssertSameAsScenario("egress-gateway-tls-origination.yaml", origination);
        AssertSameAsScenario("egress-gateway-http.yaml", gateway);
    }

    [Fact]
    public void Mutual_tls_origination_for_selected_workloads()
    {
        var rule = new DestinationRuleBuilder("originate-mtls-for-nginx")
            .WorkloadSelector("app", "curl")
            .Host("my-nginx.mesh-external.svc.cluster.local")
            .TrafficPolicy(tp => tp
                .LoadBalancer(LoadBalancerAlgorithm.RoundRobin)
                .PortLevelSettings(80, p => p.Tls(t => t
                    .Mode(ClientTlsMode.Mutual)
                    .CredentialName("client-credential")
                    .Sni("my-nginx.mesh-external.svc.cluster.local"))))
            .Build();

        // The seed writes workloadSelector before host; Mesh.Dsl writes the proto order, so compare by meaning.
        Assert.True(ResourceComparer.Instance.Equals(ExpectedRule("egress-mtls-origination.yaml", rule.Metadata.Name), rule));
    }

    [Fact]
    public void Legacy_bookinfo_subset_selected_by_a_version_label()
    {
        var mesh = new IstioMesh("default");
        var rule = mesh.AddDestinationRule("details-v2", dr => dr.Host("details").Subset("v2", "version", "v2"));

        AssertSameAsScenario("legacy-bookinfo-googleapis.yaml", rule);
    }

    // Both aliyun scenarios originate TLS on port 443 in a subset named originate-tls.
    private static DestinationRule OriginateTlsForAliyun(string name)
        => new DestinationRuleBuilder(name)
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Host("www.aliyun.com")
            .TrafficPolicy(tp => tp.LoadBalancer(LoadBalancerAlgorithm.RoundRobin))
            .Subset("originate-tls", s => s.TrafficPolicy(tp => tp
                .LoadBalancer(LoadBalancerAlgorithm.RoundRobin)
                .PortLevelSettings(443, p => p.Tls(ClientTlsMode.Simple))))
            .Build();

    private static void AssertSameAsScenario(string file, DestinationRule built)
    {
        var expected = ExpectedRule(file, built.Metadata.Name);
        Assert.True(ResourceComparer.Instance.Equals(expected, built), $"{built} differs from {file}:\n{MeshYaml.Serialize(built)}");
        Assert.Equal(MeshYaml.Serialize(expected), MeshYaml.Serialize(built));
        Assert.Contains(MeshYaml.Serialize(built).TrimEnd('\n'), ScenarioDocuments(file));
    }

    private static DestinationRule ExpectedRule(string file, string name)
        => ScenarioDocuments(file)
            .Select(d => (DestinationRule)MeshYaml.Read(d, file).Single())
            .Single(r => r.Metadata.Name == name);

    // Only the DestinationRule documents: the other kinds of a scenario are read by their own tests.
    private static IEnumerable<string> ScenarioDocuments(string file)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Scenarios, file));
        var body = string.Join("\n", text.Split('\n').Where(l => !l.StartsWith('#')));
        return body.Split("\n---")
            .Select(d => d.Trim('\n'))
            .Where(d => d.Contains("kind: DestinationRule", StringComparison.Ordinal));
    }
}
