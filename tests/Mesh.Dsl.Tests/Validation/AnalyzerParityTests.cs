using k8s;
using k8s.Models;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>
/// Findings that istioctl analyze reports on every resource involved in a conflict: each test has a failing mesh,
/// with the exact diagnostics on each resource, and a passing one.
/// </summary>
public class AnalyzerParityTests
{
    private const string Route = "http: [{route: [{destination: {host: reviews}}]}]";

    [Fact]
    public void IST0109_is_reported_on_every_virtual_service_of_the_conflict()
    {
        var yaml = Join(
            Resource("VirtualService", "hosts: [reviews]\n" + Route, "a"),
            Resource("VirtualService", "hosts: [reviews.default.svc.cluster.local]\n" + Route, "b"),
            Resource("VirtualService", "hosts: [reviews]\n" + Route, "c"));
        Assert.Equal(
            [
                "IST0109 default/a spec.hosts[0]: host 'reviews' is also defined by mesh VirtualService default/b, default/c; Istio uses only one of them. Merge the routes into one VirtualService.",
                "IST0109 default/b spec.hosts[0]: host 'reviews.default.svc.cluster.local' is also defined by mesh VirtualService default/a, default/c; Istio uses only one of them. Merge the routes into one VirtualService.",
                "IST0109 default/c spec.hosts[0]: host 'reviews' is also defined by mesh VirtualService default/a, default/b; Istio uses only one of them. Merge the routes into one VirtualService.",
            ],
            Lines(Validate(yaml), DiagnosticCodes.ConflictingMeshGatewayVirtualServiceHosts));

        // Hidden from each other (exportTo of disjoint namespaces), or bound to a gateway: no conflict.
        AssertNone(Validate(Join(
            Resource("VirtualService", "hosts: [reviews]\nexportTo: [.]\n" + Route, "a"),
            Resource("VirtualService", "hosts: [reviews]\nexportTo: [other]\n" + Route, "b"),
            Resource("VirtualService", "hosts: [reviews]\ngateways: [gw]\n" + Route, "c"))), DiagnosticCodes.ConflictingMeshGatewayVirtualServiceHosts);
    }

    [Fact]
    public void IST0109_names_only_the_virtual_services_whose_export_scope_overlaps()
    {
        var yaml = Join(
            Resource("VirtualService", "hosts: [api.example.com]\nexportTo: [a]\nhttp: [{route: [{destination: {host: api.example.com}}]}]", "one"),
            Resource("VirtualService", "hosts: [api.example.com]\nexportTo: [b]\nhttp: [{route: [{destination: {host: api.example.com}}]}]", "two"),
            Resource("VirtualService", "hosts: [api.example.com]\nhttp: [{route: [{destination: {host: api.example.com}}]}]", "all"));
        Assert.Equal(
            ["all: default/one, default/two", "one: default/all", "two: default/all"],
            Validate(yaml).Where(d => d.Code == DiagnosticCodes.ConflictingMeshGatewayVirtualServiceHosts)
                .Select(d => d.Name + ": " + d.Message.Split("VirtualService ")[1].Split(';')[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void IST0111_is_reported_on_each_sidecar_without_selector_in_the_namespace()
    {
        const string sidecar = "egress: [{hosts: ['./*']}]";
        var yaml = Join(
            Resource("Sidecar", sidecar, "s1"),
            Resource("Sidecar", sidecar, "s2"),
            Resource("Sidecar", sidecar, "s3"),
            Resource("Sidecar", "workloadSelector: {labels: {app: reviews}}\n" + sidecar, "selected"),
            Resource("Sidecar", sidecar, "alone", "other"));
        Assert.Equal(
            [
                "IST0111 default/s1 spec.workloadSelector: namespace default also has Sidecar s2, s3 without workloadSelector; only one of them takes effect. Give all but one a workloadSelector or merge them.",
                "IST0111 default/s2 spec.workloadSelector: namespace default also has Sidecar s1, s3 without workloadSelector; only one of them takes effect. Give all but one a workloadSelector or merge them.",
                "IST0111 default/s3 spec.workloadSelector: namespace default also has Sidecar s1, s2 without workloadSelector; only one of them takes effect. Give all but one a workloadSelector or merge them.",
            ],
            Lines(Validate(yaml), DiagnosticCodes.MultipleSidecarsWithoutWorkloadSelectors));
        AssertNone(Validate(Join(Resource("Sidecar", sidecar, "s1"), Resource("Sidecar", "workloadSelector: {labels: {app: reviews}}\n" + sidecar, "s2"))), DiagnosticCodes.MultipleSidecarsWithoutWorkloadSelectors);
    }

    [Fact]
    public void IST0177_is_reported_on_each_service_entry_of_the_conflict()
    {
        var yaml = Join(
            Resource("ServiceEntry", "hosts: [api.example.com]\nports: [{number: 443, name: https, protocol: HTTPS}]\nresolution: DNS", "tls"),
            Resource("ServiceEntry", "hosts: [api.example.com]\nports: [{number: 443, name: tcp, protocol: TCP}]\nresolution: DNS", "tcp"));
        Assert.Equal(
            [
                "IST0177 default/tls spec.ports[0].protocol: host 'api.example.com' port 443 is declared with protocol HTTPS here but TCP in ServiceEntry default/tcp; use one protocol for the host and port.",
                "IST0177 default/tcp spec.ports[0].protocol: host 'api.example.com' port 443 is declared with protocol TCP here but HTTPS in ServiceEntry default/tls; use one protocol for the host and port.",
            ],
            Lines(Validate(yaml), DiagnosticCodes.ConflictingServiceEntryProtocol));
        AssertNone(Validate(yaml.Replace("protocol: TCP", "protocol: HTTPS", StringComparison.Ordinal)), DiagnosticCodes.ConflictingServiceEntryProtocol);
    }

    [Fact]
    public void IST0138_is_reported_on_both_gateways_sharing_a_certificate()
    {
        var yaml = Join(
            Resource("Gateway", "selector: {istio: ingressgateway}\nservers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [a.example.com], tls: {mode: SIMPLE, credentialName: shared}}]", "gw-a"),
            Resource("Gateway", "selector: {istio: ingressgateway}\nservers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [b.example.com], tls: {mode: SIMPLE, credentialName: shared}}]", "gw-b"));
        Assert.Equal(
            [
                "IST0138 default/gw-a spec.servers[0].tls: Gateway default/gw-b uses the same certificate on the same workloads; HTTP/2 connection reuse can then send requests to the wrong server (404). Serve the hosts from one Gateway or use different certificates.",
                "IST0138 default/gw-b spec.servers[0].tls: Gateway default/gw-a uses the same certificate on the same workloads; HTTP/2 connection reuse can then send requests to the wrong server (404). Serve the hosts from one Gateway or use different certificates.",
            ],
            Lines(Validate(yaml), DiagnosticCodes.GatewayDuplicateCertificate));
        AssertNone(Validate(yaml.Replace("credentialName: shared}}]\", \"gw-b\"", "credentialName: own}}]\", \"gw-b\"", StringComparison.Ordinal).Replace("hosts: [b.example.com], tls: {mode: SIMPLE, credentialName: shared}", "hosts: [b.example.com], tls: {mode: SIMPLE, credentialName: own}", StringComparison.Ordinal)), DiagnosticCodes.GatewayDuplicateCertificate);
    }

    [Fact]
    public void IST0138_is_reported_on_the_gateway_whose_selector_the_other_includes()
    {
        // As istioctl: a Gateway is compared with those whose selector contains all of its labels.
        var yaml = Join(
            Resource("Gateway", "selector: {istio: ingressgateway}\nservers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [a.example.com], tls: {mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k.pem}}]", "broad"),
            Resource("Gateway", "selector: {istio: ingressgateway, app: shop}\nservers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [b.example.com], tls: {mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k.pem}}]", "narrow"),
            Resource("Gateway", "selector: {istio: egressgateway}\nservers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [c.example.com], tls: {mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k.pem}}]", "elsewhere"));
        Assert.Equal(["broad"], Validate(yaml).Where(d => d.Code == DiagnosticCodes.GatewayDuplicateCertificate).Select(d => d.Name));
    }

    [Fact]
    public void IST0145_is_reported_on_each_conflicting_gateway_for_each_server()
    {
        const string servers = "servers:\n- port: {number: 80, name: http, protocol: HTTP}\n  hosts: [shop.example.com]\n- port: {number: 443, name: https, protocol: HTTPS}\n  hosts: [shop.example.com]\n  tls: {mode: SIMPLE, credentialName: SECRET}";
        var yaml = Join(
            Resource("Gateway", "selector: {istio: ingressgateway}\n" + servers.Replace("SECRET", "one", StringComparison.Ordinal), "gw1"),
            Resource("Gateway", "selector: {istio: ingressgateway}\n" + servers.Replace("SECRET", "two", StringComparison.Ordinal), "gw2"));
        Assert.Equal(
            [
                "IST0145 default/gw1 spec.servers[0].hosts: Gateway default/gw2 also serves host(s) shop.example.com on port 80 for the same workloads (selector istio=ingressgateway); merge the servers into one Gateway or change the port or host.",
                "IST0145 default/gw1 spec.servers[1].hosts: Gateway default/gw2 also serves host(s) shop.example.com on port 443 for the same workloads (selector istio=ingressgateway); merge the servers into one Gateway or change the port or host.",
                "IST0145 default/gw2 spec.servers[0].hosts: Gateway default/gw1 also serves host(s) shop.example.com on port 80 for the same workloads (selector istio=ingressgateway); merge the servers into one Gateway or change the port or host.",
                "IST0145 default/gw2 spec.servers[1].hosts: Gateway default/gw1 also serves host(s) shop.example.com on port 443 for the same workloads (selector istio=ingressgateway); merge the servers into one Gateway or change the port or host.",
            ],
            Lines(Validate(yaml), DiagnosticCodes.ConflictingGateways));

        // Another bind, another host or another port: no conflict.
        AssertNone(Validate(Join(
            Resource("Gateway", "selector: {istio: ingressgateway}\nservers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [shop.example.com]}]", "gw1"),
            Resource("Gateway", "selector: {istio: ingressgateway}\nservers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [shop.example.com], bind: 10.0.0.1}]", "gw2"),
            Resource("Gateway", "selector: {istio: ingressgateway}\nservers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [cart.example.com]}]", "gw3"),
            Resource("Gateway", "selector: {istio: ingressgateway}\nservers: [{port: {number: 8080, name: http, protocol: HTTP}, hosts: [shop.example.com]}]", "gw4"))), DiagnosticCodes.ConflictingGateways);
    }

    [Fact]
    public void IST0145_by_sub_selector_needs_a_workload_carrying_both_selectors()
    {
        var resources = MeshYaml.Read(Join(
            Resource("Gateway", "selector: {istio: ingressgateway}\nservers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [shop.example.com]}]", "broad"),
            Resource("Gateway", "selector: {istio: ingressgateway, app: shop}\nservers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [shop.example.com]}]", "narrow")), "test.yaml");
        var both = Deployment("ingress", "istio-system", new() { ["istio"] = "ingressgateway", ["app"] = "shop" });
        Assert.Equal(
            [
                "IST0145 default/broad spec.servers[0].hosts: Gateway default/narrow also serves host(s) shop.example.com on port 80 for the same workloads (selector istio=ingressgateway); merge the servers into one Gateway or change the port or host.",
                "IST0145 default/narrow spec.servers[0].hosts: Gateway default/broad also serves host(s) shop.example.com on port 80 for the same workloads (selector app=shop,istio=ingressgateway); merge the servers into one Gateway or change the port or host.",
            ],
            Lines(new MeshValidator().Validate(resources, [both]), DiagnosticCodes.ConflictingGateways));

        // A workload that carries only the broader selector's labels: different workloads, no conflict.
        var broadOnly = Deployment("ingress", "istio-system", new() { ["istio"] = "ingressgateway" });
        AssertNone(new MeshValidator().Validate(resources, [broadOnly]), DiagnosticCodes.ConflictingGateways);
        AssertNone(new MeshValidator().Validate(resources), DiagnosticCodes.ConflictingGateways);
    }

    internal static V1Deployment Deployment(string name, string ns, Dictionary<string, string> labels) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1DeploymentSpec
        {
            Selector = new V1LabelSelector { MatchLabels = labels },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = labels },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "istio-proxy", Image = "istio/proxyv2" }] },
            },
        },
    };

    /// <summary>The diagnostics with the code, as <c>CODE namespace/name path: message</c>, in report order.</summary>
    private static List<string> Lines(IReadOnlyList<Diagnostic> diagnostics, string code)
        => diagnostics.Where(d => d.Code == code).Select(d => $"{d.Code} {d.Namespace}/{d.Name} {d.Path}: {d.Message}").ToList();
}
