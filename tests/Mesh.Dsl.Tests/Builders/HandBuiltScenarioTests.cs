using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using Mesh.Dsl.Builders;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Builders;

/// <summary>
/// Every scenario of Fixtures/Scenarios written by hand with the plain fluent builders (no recipes),
/// one method per scenario, every document in the order of the expected file. The output is approved
/// by eye and must read back to the same objects as the expected file.
/// </summary>
[UseReporter(typeof(QuietReporter))]
public class HandBuiltScenarioTests
{
    private const string EgressGatewayHost = "istio-egressgateway.istio-system.svc.cluster.local";

    private static readonly Dictionary<string, Func<IstioMesh>> Scenarios = new()
    {
        ["egress-wildcard-cnn"] = EgressWildcardCnn,
        ["egress-tls-origination-v1alpha3"] = EgressTlsOriginationV1Alpha3,
        ["egress-http-https"] = EgressHttpHttps,
        ["egress-tls-origination"] = EgressTlsOrigination,
        ["egress-mtls-origination"] = EgressMtlsOrigination,
        ["egress-entry-http"] = EgressEntryHttp,
        ["egress-entry-http-https"] = EgressEntryHttpHttps,
        ["egress-tls-origination-subset"] = EgressTlsOriginationSubset,
        ["egress-gateway-http"] = EgressGatewayHttp,
        ["egress-gateway-tls-origination"] = EgressGatewayTlsOrigination,
        ["ingress-sidecar-tls-termination"] = IngressSidecarTlsTermination,
        ["legacy-bookinfo-googleapis"] = LegacyBookinfoGoogleapis,
    };

    /// <summary>
    /// Documents the scenario files write with keys out of proto order or with needless quotes; they are
    /// compared by meaning and by their canonical rewrite, every other document byte for byte.
    /// </summary>
    private static readonly HashSet<string> ReorderedInTheScenarioFile =
    [
        "egress-gateway-http: Gateway/istio-egressgateway", // selector before servers
        "egress-gateway-http: VirtualService/aliyun-through-egress-gateway", // gateways before port
        "egress-gateway-tls-origination: Gateway/istio-egressgateway", // as egress-gateway-http
        "egress-gateway-tls-origination: VirtualService/aliyun-through-egress-gateway",
        "egress-mtls-origination: DestinationRule/originate-mtls-for-nginx", // workloadSelector before host
        "egress-tls-origination-subset: ServiceEntry/entry-x", // resolution before location
        "egress-tls-origination-subset: VirtualService/rewrite-port-for-entry", // subset before host, port before sniHosts
        "ingress-sidecar-tls-termination: Sidecar/ingress-sidecar", // protocol before name, quoted paths
    ];

    public static TheoryData<string> ScenarioIds() => new(Scenarios.Keys);

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void Hand_built_scenario_is_valid_and_matches_the_approved_and_expected_files(string id)
    {
        var mesh = Scenarios[id]();
        var yaml = mesh.ToYaml(allowErrors: true);
        var expected = MeshYaml.Read(File.ReadAllText(ExpectedFile(id)), $"{id}.yaml");

        var errors = mesh.Validate().Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 0, $"{id} has validation errors:\n{string.Join("\n", errors)}");

        var written = MeshYaml.Read(yaml, $"{id} (hand-built)");
        Assert.Equal(expected.Count, written.Count);
        Assert.All(expected.Zip(written), pair => Assert.True(
            ResourceComparer.Instance.Equals(pair.First, pair.Second),
            $"{pair.Second} differs from the expected {pair.First}:\n{MeshYaml.Serialize(pair.Second)}"));

        // Stronger than equal objects: the same bytes as the expected file rewritten canonically.
        Assert.Equal(MeshYaml.Serialize(expected), yaml);

        using (ApprovalResults.ForScenario(id))
        {
            Approvals.VerifyWithExtension(yaml, ".yaml");
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void Documents_the_scenario_file_writes_in_canonical_order_are_reproduced_byte_for_byte(string id)
    {
        var mesh = Scenarios[id]();
        var written = mesh.ToYaml(allowErrors: true).TrimEnd('\n').Split("\n---\n");
        var expected = ExpectedDocuments(id);

        Assert.Equal(expected.Count, written.Length);
        for (var i = 0; i < written.Length; i++)
        {
            var resource = mesh.Resources[i];
            if (ReorderedInTheScenarioFile.Contains($"{id}: {resource.Kind}/{resource.Metadata.Name}"))
            {
                // Kept honest: a document listed as reordered must really differ from the canonical text.
                Assert.NotEqual(expected[i], written[i]);
            }
            else
            {
                Assert.Equal(expected[i], written[i]);
            }
        }
    }

    [Fact]
    public void Every_scenario_file_has_a_hand_built_method()
    {
        var files = Directory.EnumerateFiles(TestPaths.Scenarios, "*.yaml")
            .Select(Path.GetFileName)
            .Where(f => !f!.EndsWith(".input.yaml", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f)!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(files, Scenarios.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>HTTP and HTTPS to every *.cnn.com host.</summary>
    private static IstioMesh EgressWildcardCnn()
    {
        var mesh = new IstioMesh();
        mesh.AddServiceEntry("cnn", se => se
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Hosts("*.cnn.com")
            .Port(80, "http-port", Protocols.Http)
            .Port(443, "https-port", Protocols.Https)
            .Resolution(ServiceEntryResolution.None));
        return mesh;
    }

    /// <summary>Older TLS origination: 443 declared as HTTP, port 80 rewritten to 443, TLS originated on 443.</summary>
    private static IstioMesh EgressTlsOriginationV1Alpha3()
    {
        var mesh = new IstioMesh();
        var cnn = mesh.AddServiceEntry("cnn", se => se
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Hosts("edition.cnn.com")
            .Port(80, "http-port", Protocols.Http)
            .Port(443, "http-port-for-tls-origination", Protocols.Http)
            .Resolution(ServiceEntryResolution.Dns));
        mesh.AddVirtualService("rewrite-port-for-edition-cnn-com", vs => vs
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Hosts("edition.cnn.com")
            .Http(h => h
                .Match(m => m.Port(80))
                .Route(d => d.Destination(cnn, port: 443))));
        mesh.AddDestinationRule("originate-tls-for-edition-cnn-com", dr => dr
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Host("edition.cnn.com")
            .TrafficPolicy(tp => tp
                .LoadBalancer(LoadBalancerAlgorithm.RoundRobin)
                .PortLevelSettings(443, p => p.Tls(t => t.Mode(ClientTlsMode.Simple)))));
        return mesh;
    }

    /// <summary>One ServiceEntry for HTTP and HTTPS to edition.cnn.com.</summary>
    private static IstioMesh EgressHttpHttps()
    {
        var mesh = new IstioMesh();
        mesh.AddServiceEntry("edition-cnn-com", se => se
            .Hosts("edition.cnn.com")
            .Port(80, "http-port", Protocols.Http)
            .Port(443, "https-port", Protocols.Https)
            .Resolution(ServiceEntryResolution.Dns));
        return mesh;
    }

    /// <summary>Current TLS origination: port 80 forwards to 443 and the DestinationRule originates TLS on 80.</summary>
    private static IstioMesh EgressTlsOrigination()
    {
        var mesh = new IstioMesh();
        mesh.AddServiceEntry("edition-cnn-com", se => se
            .Hosts("edition.cnn.com")
            .Port(80, "http-port", Protocols.Http, targetPort: 443)
            .Port(443, "https-port", Protocols.Https)
            .Resolution(ServiceEntryResolution.Dns));
        mesh.AddDestinationRule("edition-cnn-com", dr => dr
            .Host("edition.cnn.com")
            .TrafficPolicy(tp => tp.PortLevelSettings(80, p => p.Tls(ClientTlsMode.Simple))));
        return mesh;
    }

    /// <summary>Mutual TLS origination for the curl workload, the client certificate from a Secret.</summary>
    private static IstioMesh EgressMtlsOrigination()
    {
        const string nginx = "my-nginx.mesh-external.svc.cluster.local";
        var mesh = new IstioMesh();
        mesh.AddServiceEntry("originate-mtls-for-nginx", se => se
            .Hosts(nginx)
            .Port(80, "http-port", Protocols.Http, targetPort: 443)
            .Port(443, "https-port", Protocols.Https)
            .Resolution(ServiceEntryResolution.Dns));
        mesh.AddDestinationRule("originate-mtls-for-nginx", dr => dr
            .WorkloadSelector("app", "curl")
            .Host(nginx)
            .TrafficPolicy(tp => tp
                .LoadBalancer(LoadBalancerAlgorithm.RoundRobin)
                .PortLevelSettings(80, p => p.Tls(ClientTlsMode.Mutual, t => t
                    .CredentialName("client-credential")
                    .Sni(nginx)))));
        return mesh;
    }

    /// <summary>Plain HTTP to two external hosts.</summary>
    private static IstioMesh EgressEntryHttp()
    {
        var mesh = new IstioMesh();
        mesh.AddServiceEntry("entry-x", se => se
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Hosts("www.aliyun.com", "hbchen.com")
            .Port(80, "http", Protocols.Http)
            .Resolution(ServiceEntryResolution.None));
        return mesh;
    }

    /// <summary>HTTP and HTTPS to two external hosts.</summary>
    private static IstioMesh EgressEntryHttpHttps()
    {
        var mesh = new IstioMesh();
        mesh.AddServiceEntry("entry-x", se => se
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Hosts("www.aliyun.com", "hbchen.com")
            .Port(80, "http-port", Protocols.Http)
            .Port(443, "https-port", Protocols.Https)
            .Resolution(ServiceEntryResolution.None));
        return mesh;
    }

    /// <summary>HTTP upgraded to TLS through a dedicated subset; HTTPS on 443 passes through untouched.</summary>
    private static IstioMesh EgressTlsOriginationSubset()
    {
        var mesh = new IstioMesh();
        var aliyun = mesh.AddServiceEntry("entry-x", se => se
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Hosts("www.aliyun.com", "hbchen.com")
            .Port(80, "http-port", Protocols.Http)
            .Port(443, "https-port", Protocols.Https)
            .Resolution(ServiceEntryResolution.Dns)
            .Location(ServiceEntryLocation.MeshExternal));
        mesh.AddVirtualService("rewrite-port-for-entry", vs => vs
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Hosts("www.aliyun.com")
            .Http(h => h
                .Match(m => m.Port(80))
                .Route(d => d.Destination(aliyun, subset: "originate-tls", port: 443)))
            .Tls(t => t
                .Match(m => m.Port(443).SniHosts("www.aliyun.com"))
                .Route(d => d.Destination(aliyun, port: 443))));
        mesh.AddDestinationRule("originate-tls-for-entry", dr => OriginateTlsInSubset(dr, "www.aliyun.com"));
        return mesh;
    }

    /// <summary>HTTP to www.aliyun.com leaves through the egress gateway.</summary>
    private static IstioMesh EgressGatewayHttp()
    {
        var mesh = new IstioMesh();
        var aliyun = AliyunEntry(mesh);
        var gateway = EgressGateway(mesh);
        var toGateway = EgressGatewayRule(mesh);
        AliyunThroughEgressGateway(mesh, gateway, toGateway, d => d.Destination(aliyun, port: 80).Weight(100));
        return mesh;
    }

    /// <summary>As egress-gateway-http, but the egress gateway originates TLS on 443 through a subset of the external host.</summary>
    private static IstioMesh EgressGatewayTlsOrigination()
    {
        var mesh = new IstioMesh();
        var aliyun = AliyunEntry(mesh);
        var gateway = EgressGateway(mesh);
        var toGateway = EgressGatewayRule(mesh);
        AliyunThroughEgressGateway(mesh, gateway, toGateway, d => d.Destination(aliyun, subset: "originate-tls", port: 443).Weight(100));
        mesh.AddDestinationRule("originate-tls-for-aliyun", dr => OriginateTlsInSubset(dr, "www.aliyun.com"));
        return mesh;
    }

    /// <summary>The httpbin sidecar terminates mutual TLS on 9080; STRICT mTLS stays on for every other port.</summary>
    private static IstioMesh IngressSidecarTlsTermination()
    {
        var mesh = new IstioMesh("test");
        mesh.AddPeerAuthentication("default", pa => pa
            .ApiVersion(ApiVersions.SecurityV1Beta1)
            .Mtls(MutualTlsMode.Strict));
        mesh.AddPeerAuthentication("disable-peer-auth-for-external-mtls-port", pa => pa
            .ApiVersion(ApiVersions.SecurityV1Beta1)
            .Selector("app", "httpbin")
            .Mtls(MutualTlsMode.Strict)
            .PortMtls(9080, MutualTlsMode.Disable));
        mesh.AddSidecar("ingress-sidecar", s => s
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .WorkloadSelector("app", "httpbin")
            .WorkloadSelector("version", "v1")
            .Ingress(l => l
                .Port(9080, "external", Protocols.Https)
                .DefaultEndpoint("0.0.0.0:80")
                .Tls(t => t
                    .Mode(ServerTlsMode.Mutual)
                    .PrivateKey("/etc/istio/tls-certs/tls.key")
                    .ServerCertificate("/etc/istio/tls-certs/tls.crt")
                    .CaCertificates("/etc/istio/tls-ca-certs/ca.crt")))
            .Ingress(l => l
                .Port(9081, "internal", Protocols.Http)
                .DefaultEndpoint("0.0.0.0:80")));
        return mesh;
    }

    /// <summary>Today's API for the Istio 0.x RouteRule (details to v2) and EgressRule (HTTPS to *.googleapis.com).</summary>
    private static IstioMesh LegacyBookinfoGoogleapis()
    {
        var mesh = new IstioMesh("default");
        mesh.AddVirtualService("details-v2", vs => vs
            .Hosts("details")
            .Http(h => h.Route(d => d.Destination("details", subset: "v2"))));
        mesh.AddDestinationRule("details-v2", dr => dr
            .Host("details")
            .Subset("v2", "version", "v2"));
        mesh.AddServiceEntry("googleapis", se => se
            .Hosts("*.googleapis.com")
            .Port(443, "https-443", Protocols.Https)
            .Location(ServiceEntryLocation.MeshExternal)
            .Resolution(ServiceEntryResolution.None));
        return mesh;
    }

    /// <summary>The ServiceEntry both egress gateway scenarios start with: www.aliyun.com on 80 and 443.</summary>
    private static ServiceEntry AliyunEntry(IstioMesh mesh)
        => mesh.AddServiceEntry("entry-x", se => se
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Hosts("www.aliyun.com")
            .Port(80, "http-port", Protocols.Http)
            .Port(443, "https-port", Protocols.Https)
            .Resolution(ServiceEntryResolution.Dns));

    /// <summary>The egress gateway's HTTP server for www.aliyun.com.</summary>
    private static Gateway EgressGateway(IstioMesh mesh)
        => mesh.AddGateway("istio-egressgateway", gw => gw
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Selector("istio", "egressgateway")
            .HttpServer(80, "http-port", "www.aliyun.com"));

    /// <summary>The subset sidecars use to reach the egress gateway.</summary>
    private static DestinationRule EgressGatewayRule(IstioMesh mesh)
        => mesh.AddDestinationRule("egressgateway-for-aliyun", dr => dr
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Host(EgressGatewayHost)
            .Subset("aliyun"));

    /// <summary>
    /// Sidecars (gateway <c>mesh</c>) send www.aliyun.com to the egress gateway's subset; the egress
    /// gateway forwards it as <paramref name="fromGateway"/> says.
    /// </summary>
    private static VirtualService AliyunThroughEgressGateway(IstioMesh mesh, Gateway gateway, DestinationRule toGateway, Action<HttpRouteDestinationBuilder> fromGateway)
        => mesh.AddVirtualService("aliyun-through-egress-gateway", vs => vs
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Hosts("www.aliyun.com")
            .Gateway(gateway)
            .Gateway(VirtualService.MeshGateway)
            .Http(h => h
                .Match(m => m.Gateways(VirtualService.MeshGateway).Port(80))
                .RouteTo(toGateway.Spec.Host!, port: 80, subset: toGateway.GetSubset("aliyun").Name, weight: 100))
            .Http(h => h
                .Match(m => m.Gateways(gateway.Metadata.Name).Port(80))
                .Route(fromGateway)));

    /// <summary>Round robin for the host, and a subset originate-tls that originates TLS on 443.</summary>
    private static DestinationRuleBuilder OriginateTlsInSubset(DestinationRuleBuilder rule, string host)
        => rule
            .ApiVersion(ApiVersions.NetworkingV1Alpha3)
            .Host(host)
            .TrafficPolicy(tp => tp.LoadBalancer(LoadBalancerAlgorithm.RoundRobin))
            .Subset("originate-tls", s => s.TrafficPolicy(tp => tp
                .LoadBalancer(LoadBalancerAlgorithm.RoundRobin)
                .PortLevelSettings(443, p => p.Tls(ClientTlsMode.Simple))));

    private static string ExpectedFile(string id) => Path.Combine(TestPaths.Scenarios, id + ".yaml");

    /// <summary>The documents of the expected file, comment lines removed, without the final newline.</summary>
    private static List<string> ExpectedDocuments(string id)
        => string.Join("\n", File.ReadAllText(ExpectedFile(id)).Split('\n').Where(l => !l.StartsWith('#')))
            .TrimEnd('\n')
            .Split("\n---\n")
            .ToList();
}
