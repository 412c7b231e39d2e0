using k8s;
using k8s.Models;
using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.KubernetesChecksTests;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>
/// What istioctl analyze assumes when it reads files rather than a cluster: Istio's default ingress gateway
/// (istio-system, <c>istio: ingressgateway</c>, Service ports 80, 443, 31400, 15443) serves Gateways that select it
/// unless the files hold their own; and how its gateway checks read Service ports and internal gateway names.
/// </summary>
public class IstioctlFileAnalysisTests
{
    private static string Gateway(string name, string selector, int port, string? credential) => Resource(
        "Gateway",
        $"selector: {{{selector}}}\nservers: [{{port: {{number: {port}, name: p, protocol: {(credential is null ? "HTTP" : "HTTPS")}}}, hosts: ['a.com']"
        + (credential is null ? "}]" : $", tls: {{mode: SIMPLE, credentialName: {credential}}}}}]"),
        name);

    private static readonly V1Pod AppPod = Pod("reviews", "default", new() { ["app"] = "reviews" });

    [Fact]
    public void Default_ingress_gateway_serves_a_gateway_and_holds_its_credentials_in_istio_system()
    {
        var gateways = Resources(Gateway("gw", "istio: ingressgateway", 443, "a-cert"));
        AssertClean(Check(gateways, AppPod, Secret("a-cert", "istio-system", Certificate(DateTimeOffset.UtcNow.AddDays(30)))));

        Assert.Equal(
            ["IST0101 default/gw spec.servers[0].tls.credentialName: credentialName 'a-cert' has no Secret istio-system/a-cert; the gateway workload reads it from its own namespace istio-system. Create it there (kubectl create secret tls a-cert -n istio-system ...)."],
            Lines(Check(gateways, AppPod, Secret("a-cert", "default", Certificate(DateTimeOffset.UtcNow.AddDays(30))))));

        // Secrets alone (no pods in the files) are checked against the default gateway's namespace too.
        Assert.Equal(
            ["IST0161 default/gw spec.servers[0].tls.credentialName: Secret istio-system/a-cert cannot serve TLS: it has no certificate and key (tls.crt and tls.key, or cert and key); store a valid PEM certificate and key (tls.crt and tls.key)."],
            Lines(Check(gateways, new V1Secret { Metadata = new V1ObjectMeta { Name = "a-cert", NamespaceProperty = "istio-system" }, Data = new Dictionary<string, byte[]> { ["tls.cert"] = [1] } })));
    }

    [Fact]
    public void Default_ingress_gateway_service_exposes_istios_default_ports()
    {
        var service = new V1Service { Metadata = new V1ObjectMeta { Name = "reviews", NamespaceProperty = "default" }, Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "reviews" }, Ports = [new V1ServicePort { Port = 9080 }] } };
        Assert.Equal(
            ["IST0162 default/gw spec.servers[0].port.number: port 8443 is not a port of any Service selecting the gateway pods, so no traffic reaches it; expose it on the gateway's Service or use one of 80, 443, 15443, 31400."],
            Lines(Check(Resources(Gateway("gw", "istio: ingressgateway", 8443, null)), AppPod, service)));
        AssertClean(Check(Resources(Gateway("gw", "istio: ingressgateway", 15443, null)), AppPod, service));
    }

    [Fact]
    public void Files_holding_their_own_ingress_gateway_replace_the_default()
    {
        var own = AnalyzerParityTests.Deployment("ingress", "ingress", new() { ["istio"] = "ingressgateway" });
        var gateways = Resources(Gateway("gw", "istio: ingressgateway", 443, "a-cert"));
        Assert.Equal(
            ["IST0101 default/gw spec.servers[0].tls.credentialName: credentialName 'a-cert' has no Secret ingress/a-cert; the gateway workload reads it from its own namespace ingress. Create it there (kubectl create secret tls a-cert -n ingress ...)."],
            Lines(Check(gateways, own, Secret("a-cert", "istio-system", Certificate(DateTimeOffset.UtcNow.AddDays(30))))));
        AssertClean(Check(gateways, own, Secret("a-cert", "ingress", Certificate(DateTimeOffset.UtcNow.AddDays(30)))));
    }

    [Fact]
    public void A_gateway_selecting_no_pod_is_reported_once_on_its_selector_not_on_its_credentials()
    {
        var gateways = Resources(Gateway("gw", "istio: custom-gateway", 443, "a-cert"));
        var custom = Pod("custom-gateway", "default", new() { ["myapp"] = "custom-gateway" });
        Assert.Equal(
            ["IST0101 default/gw spec.selector: the selector {istio: custom-gateway} matches no pod, so no gateway serves this Gateway; correct the labels (e.g. istio: ingressgateway) or deploy the gateway."],
            Lines(Check(gateways, custom, Secret("a-cert", "istio-system", Certificate(DateTimeOffset.UtcNow.AddDays(30))))));
        AssertClean(Check(gateways, Pod("custom-gateway", "default", new() { ["istio"] = "custom-gateway" }), Secret("a-cert", "default", Certificate(DateTimeOffset.UtcNow.AddDays(30)))));
    }

    [Fact]
    public void A_port_that_is_only_a_service_target_port_is_IST0162_as_istiod_does_not_translate_it()
    {
        var pod = Pod("private", "default", new() { ["myapp"] = "private-ingressgateway" });
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "private", NamespaceProperty = "default" },
            Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["myapp"] = "private-ingressgateway" }, Ports = [new V1ServicePort { Port = 8003, TargetPort = 80 }] },
        };
        Assert.Equal(
            ["IST0162 default/gw spec.servers[0].port.number: port 80 is not a port of any Service selecting the gateway pods, so no traffic reaches it; expose it on the gateway's Service or use one of 8003."],
            Lines(Check(Resources(Gateway("gw", "myapp: private-ingressgateway", 80, null)), pod, service)));
        AssertClean(Check(Resources(Gateway("gw", "myapp: private-ingressgateway", 8003, null)), pod, service));
    }

    [Fact]
    public void A_virtual_service_bound_to_a_generated_internal_gateway_is_IST0165_not_IST0101()
    {
        // The Gateway API controller's name for the Istio Gateway it generates from listener foo of Gateway "gateway".
        const string reference = "istio-ingress/gateway-istio-autogenerated-k8s-gateway-foo";
        var yaml = Resource("VirtualService", $"hosts: [foo.com]\ngateways: ['{reference}']\nhttp: [{{route: [{{destination: {{host: foo.com}}}}]}}]", "vs");
        var diagnostics = Validate(yaml, securityAdvice: false);
        Assert.Equal(
            [$"IST0165 default/vs spec.gateways[0]: '{reference}' is an internal auto-generated gateway; reference the Gateway API Gateway instead."],
            diagnostics.Where(d => d.Path.StartsWith("spec.gateways", StringComparison.Ordinal)).Select(d => $"{d.Code} {d.Namespace}/{d.Name} {d.Path}: {d.Message}"));
        AssertNone(Validate(yaml.Replace(reference, "istio-ingress/gateway", StringComparison.Ordinal), securityAdvice: false), DiagnosticCodes.ReferencedInternalGateway);
    }

    [Fact]
    public void A_virtual_service_conflicting_on_several_hosts_is_IST0109_once()
    {
        const string route = "http: [{route: [{destination: {host: ratings}}]}]";
        var yaml = Join(
            Resource("VirtualService", "hosts: [ratings]\n" + route, "ratings", ns: "foo"),
            Resource("VirtualService", "hosts: [ratings.foo.svc.cluster.local, google.com]\ngateways: [mesh, istio-ingressgateway]\n" + route, "ratings", ns: "bar"),
            Resource("VirtualService", "hosts: [google.com]\nexportTo: [.]\n" + route, "ratings", ns: "team2"));
        Assert.Equal(
            [
                "IST0109 foo/ratings spec.hosts[0]: host 'ratings' is also defined by mesh VirtualService bar/ratings; Istio uses only one of them. Merge the routes into one VirtualService.",
                "IST0109 bar/ratings spec.hosts[0]: host 'ratings.foo.svc.cluster.local' is also defined by mesh VirtualService foo/ratings; Istio uses only one of them. Merge the routes into one VirtualService.",
                "IST0109 team2/ratings spec.hosts[0]: host 'google.com' is also defined by mesh VirtualService bar/ratings; Istio uses only one of them. Merge the routes into one VirtualService.",
            ],
            Lines(Validate(yaml, securityAdvice: false).Where(d => d.Code == DiagnosticCodes.ConflictingMeshGatewayVirtualServiceHosts).ToList()));
        AssertNone(Validate(yaml.Replace("hosts: [google.com]", "hosts: [maps.google.com]", StringComparison.Ordinal).Replace("hosts: [ratings]", "hosts: [reviews]", StringComparison.Ordinal), securityAdvice: false), DiagnosticCodes.ConflictingMeshGatewayVirtualServiceHosts);
    }

    [Fact]
    public void A_destination_not_visible_in_a_namespace_the_virtual_service_is_exported_to_is_IST0101()
    {
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "hello", NamespaceProperty = "hello", Annotations = new Dictionary<string, string> { ["networking.istio.io/exportTo"] = "hello1,." } },
            Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 9080, Name = "http" }] },
        };
        string Route(string exportTo) => Resource("VirtualService", $"hosts: [hello]\nexportTo: [{exportTo}]\nhttp: [{{route: [{{destination: {{host: hello.hello.svc.cluster.local}}}}]}}]", "vs", ns: "hello");
        Assert.Equal(
            ["IST0101 hello/vs spec.http[0].route[0].destination.host: host 'hello.hello.svc.cluster.local': Service hello/hello is not exported to namespace bogus (networking.istio.io/exportTo: hello1,.), to which this VirtualService is exported; export the Service there too or narrow the VirtualService's exportTo."],
            Lines(Check(Resources(Route("., bogus")), service)));
        AssertClean(Check(Resources(Route("., hello1")), service));
        AssertClean(Check(Resources(Route("'*'")), service));

        var entries = Join(
            Resource("ServiceEntry", "hosts: [api.example.com]\nexportTo: [., team-a]\nports: [{number: 443, name: tls, protocol: TLS}]\nresolution: DNS", "api", ns: "apps"),
            Resource("VirtualService", "hosts: [api.example.com]\nexportTo: [., team-a, team-b]\ntls: [{match: [{sniHosts: [api.example.com]}], route: [{destination: {host: api.example.com}}]}]", "api", ns: "apps"));
        Assert.Equal(
            ["IST0101 apps/api spec.tls[0].route[0].destination.host: host 'api.example.com' is not declared by any ServiceEntry visible to namespace team-b, to which this VirtualService is exported; export the ServiceEntry there too or narrow the VirtualService's exportTo."],
            Lines(Validate(entries, securityAdvice: false).Where(d => d.Code == DiagnosticCodes.ReferencedResourceNotFound).ToList()));
        AssertNone(Validate(entries.Replace(", team-b]", "]", StringComparison.Ordinal), securityAdvice: false), DiagnosticCodes.ReferencedResourceNotFound);
    }

    internal static IReadOnlyList<IstioResource> Resources(params string[] documents) => MeshYaml.Read(Join(documents), "test.yaml");

    /// <summary>Validates without security advice, with the Kubernetes objects.</summary>
    internal static IReadOnlyList<Diagnostic> Check(IReadOnlyList<IstioResource> resources, params IKubernetesObject[] objects)
        => new MeshValidator { SecurityAdvice = false }.Validate(resources, objects);

    /// <summary>The diagnostics as <c>CODE namespace/name path: message</c>, in report order.</summary>
    internal static List<string> Lines(IReadOnlyList<Diagnostic> diagnostics)
        => diagnostics.Select(d => $"{d.Code} {d.Namespace}/{d.Name} {d.Path}: {d.Message}").ToList();
}
