using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using k8s.Models;
using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>The catalogue §4 checks that need Kubernetes Services, Pods, Secrets or Namespaces, one small mesh each.</summary>
public class KubernetesChecksTests
{
    private const string IngressGateway = "selector: {istio: ingressgateway}\nservers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ['a.com'], tls: {mode: SIMPLE, credentialName: a-cert}}]";

    private static readonly V1Pod GatewayPod = Pod("ingress-1", "istio-system", new() { ["istio"] = "ingressgateway" });

    private static readonly V1Service GatewayService = new()
    {
        Metadata = new V1ObjectMeta { Name = "istio-ingressgateway", NamespaceProperty = "istio-system" },
        Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["istio"] = "ingressgateway" }, Ports = [new V1ServicePort { Port = 443, TargetPort = 8443 }] },
    };

    [Fact]
    public void Gateway_selector_matching_no_pod_is_IST0101()
    {
        var gateway = Resources(Resource("Gateway", IngressGateway.Replace("ingressgateway}", "ingress}", StringComparison.Ordinal), "gw"));
        Assert.Equal("spec.selector", Single(Check(gateway, GatewayPod), DiagnosticCodes.ReferencedResourceNotFound).Path);
        AssertNone(Check(Resources(Resource("Gateway", IngressGateway, "gw")), GatewayPod), DiagnosticCodes.ReferencedResourceNotFound);
    }

    [Fact]
    public void Without_kubernetes_objects_no_kubernetes_check_runs()
        => AssertNone(new MeshValidator().Validate(Resources(Resource("Gateway", IngressGateway.Replace("ingressgateway}", "ingress}", StringComparison.Ordinal), "gw"))), DiagnosticCodes.ReferencedResourceNotFound);

    [Theory]
    [InlineData(443, false)]
    [InlineData(8443, true)] // only a targetPort: istiod does not translate it, istioctl reports it
    [InlineData(9443, true)]
    public void Gateway_port_not_on_the_gateway_service_is_IST0162(int port, bool warns)
    {
        var gateway = Resources(Resource("Gateway", IngressGateway.Replace("number: 443", $"number: {port}", StringComparison.Ordinal), "gw"));
        var diagnostics = Check(gateway, GatewayPod, GatewayService);
        if (warns)
        {
            var diagnostic = Single(diagnostics, DiagnosticCodes.GatewayPortNotDefinedOnService);
            Assert.Equal(("spec.servers[0].port.number", DiagnosticSeverity.Warning), (diagnostic.Path, diagnostic.Severity));
        }
        else
        {
            AssertNone(diagnostics, DiagnosticCodes.GatewayPortNotDefinedOnService);
        }
    }

    [Fact]
    public void Gateway_port_when_no_service_selects_the_gateway_pods_is_IST0162_naming_that()
    {
        // A real folder often holds the gateway pods and other Services, but not the gateway's own Service: the
        // message then has no ports to offer, and says what is missing instead of "use one of ." with nothing.
        var otherService = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "reviews", NamespaceProperty = "default" },
            Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "reviews" }, Ports = [new V1ServicePort { Port = 9080 }] },
        };
        var diagnostic = Single(Check(Resources(Resource("Gateway", IngressGateway, "gw")), GatewayPod, otherService), DiagnosticCodes.GatewayPortNotDefinedOnService);
        Assert.Equal(
            ("spec.servers[0].port.number", "port 443 is not a port of any Service selecting the gateway pods, so no traffic reaches it; no Service selects those pods (selector {istio: ingressgateway}): add one that exposes port 443."),
            (diagnostic.Path, diagnostic.Message));
    }

    [Fact]
    public void Credential_without_secret_in_the_gateway_pods_namespace_is_IST0101()
    {
        var gateway = Resources(Resource("Gateway", IngressGateway, "gw", ns: "apps"));
        var wrongNamespace = Secret("a-cert", "apps", Certificate(DateTimeOffset.UtcNow.AddDays(30)));
        var diagnostic = Single(Check(gateway, GatewayPod, wrongNamespace), DiagnosticCodes.ReferencedResourceNotFound);
        Assert.Equal("spec.servers[0].tls.credentialName", diagnostic.Path);
        Assert.Contains("istio-system/a-cert", diagnostic.Message, StringComparison.Ordinal);
        AssertNone(Check(gateway, GatewayPod, Secret("a-cert", "istio-system", Certificate(DateTimeOffset.UtcNow.AddDays(30)))), DiagnosticCodes.ReferencedResourceNotFound);
    }

    [Fact]
    public void Secret_without_usable_certificate_is_IST0161()
    {
        var gateway = Resources(Resource("Gateway", IngressGateway, "gw"));
        var broken = new V1Secret { Metadata = new V1ObjectMeta { Name = "a-cert", NamespaceProperty = "istio-system" }, Data = new Dictionary<string, byte[]> { ["tls.crt"] = Encoding.UTF8.GetBytes("not a certificate") } };
        Assert.Equal("spec.servers[0].tls.credentialName", Single(Check(gateway, GatewayPod, broken), DiagnosticCodes.InvalidGatewayCredential).Path);
        var expired = Single(Check(gateway, GatewayPod, Secret("a-cert", "istio-system", Certificate(DateTimeOffset.UtcNow.AddDays(-1)))), DiagnosticCodes.InvalidGatewayCredential);
        Assert.Contains("expired", expired.Message, StringComparison.Ordinal);
        AssertNone(Check(gateway, GatewayPod, Secret("a-cert", "istio-system", Certificate(DateTimeOffset.UtcNow.AddDays(30)))), DiagnosticCodes.InvalidGatewayCredential);
    }

    [Fact]
    public void Sidecar_selector_matching_no_pod_is_IST0101()
    {
        var sidecar = Resources(Resource("Sidecar", "workloadSelector: {labels: {app: reviews}}\negress: [{hosts: ['./*']}]", "sc", ns: "apps"));
        Assert.Equal("spec.workloadSelector.labels", Single(Check(sidecar, Pod("reviews-1", "other", new() { ["app"] = "reviews" })), DiagnosticCodes.ReferencedResourceNotFound).Path);
        AssertNone(Check(sidecar, Pod("reviews-1", "apps", new() { ["app"] = "reviews" })), DiagnosticCodes.ReferencedResourceNotFound);
    }

    [Fact]
    public void Pod_selected_by_two_sidecars_is_IST0110()
    {
        var sidecars = Resources(
            Resource("Sidecar", "workloadSelector: {labels: {app: reviews}}\negress: [{hosts: ['./*']}]", "by-app", ns: "apps"),
            Resource("Sidecar", "workloadSelector: {labels: {version: v1}}\negress: [{hosts: ['./*']}]", "by-version", ns: "apps"));
        var diagnostics = Check(sidecars, Pod("reviews-v1", "apps", new() { ["app"] = "reviews", ["version"] = "v1" })).Where(d => d.Code == DiagnosticCodes.ConflictingSidecarWorkloadSelectors).ToList();
        Assert.Equal(["by-app", "by-version"], diagnostics.Select(d => d.Name));
        Assert.All(diagnostics, d => Assert.Equal("spec.workloadSelector", d.Path));
        AssertNone(Check(sidecars, Pod("reviews-v1", "apps", new() { ["app"] = "reviews", ["version"] = "v2" }), Pod("ratings-v1", "apps", new() { ["app"] = "ratings", ["version"] = "v1" })), DiagnosticCodes.ConflictingSidecarWorkloadSelectors);
    }

    [Fact]
    public void Sidecar_in_an_ambient_namespace_is_IST0167()
    {
        var sidecar = Resources(Resource("Sidecar", "egress: [{hosts: ['./*']}]", "default", ns: "apps"));
        static V1Namespace Namespace(string mode) => new() { Metadata = new V1ObjectMeta { Name = "apps", Labels = new Dictionary<string, string> { ["istio.io/dataplane-mode"] = mode } } };
        var diagnostic = Single(Check(sidecar, Namespace("ambient")), DiagnosticCodes.IneffectivePolicy);
        Assert.Equal(("spec", DiagnosticSeverity.Warning), (diagnostic.Path, diagnostic.Severity));
        AssertNone(Check(sidecar, Namespace("none")), DiagnosticCodes.IneffectivePolicy);
    }

    [Fact]
    public void Sidecar_selecting_ambient_pods_is_IST0167()
    {
        var sidecar = Resources(Resource("Sidecar", "workloadSelector: {labels: {app: reviews}}\negress: [{hosts: ['./*']}]", "sc", ns: "apps"));
        var ambientPod = Pod("reviews-1", "apps", new() { ["app"] = "reviews" });
        ambientPod.Metadata.Annotations = new Dictionary<string, string> { ["ambient.istio.io/redirection"] = "enabled" };
        Assert.Equal("spec.workloadSelector", Single(Check(sidecar, ambientPod), DiagnosticCodes.IneffectivePolicy).Path);
        AssertNone(Check(sidecar, Pod("reviews-1", "apps", new() { ["app"] = "reviews" })), DiagnosticCodes.IneffectivePolicy);
    }

    [Fact]
    public void Subset_selecting_no_pod_of_the_service_is_IST0173()
    {
        var rule = Resources(Resource("DestinationRule", "host: reviews\nsubsets: [{name: v1, labels: {version: v1}}, {name: v3, labels: {version: v3}}]", "reviews", ns: "apps"));
        var service = new V1Service { Metadata = new V1ObjectMeta { Name = "reviews", NamespaceProperty = "apps" }, Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "reviews" } } };
        var v1 = Pod("reviews-v1", "apps", new() { ["app"] = "reviews", ["version"] = "v1" });
        var v3Elsewhere = Pod("reviews-v3", "other", new() { ["app"] = "reviews", ["version"] = "v3" });
        var diagnostic = Single(Check(rule, service, v1, v3Elsewhere), DiagnosticCodes.DestinationRuleSubsetNotSelectPods);
        Assert.Equal(("spec.subsets[1].labels", DiagnosticSeverity.Error), (diagnostic.Path, diagnostic.Severity));
        AssertNone(Check(rule, service, v1, Pod("reviews-v3", "apps", new() { ["app"] = "reviews", ["version"] = "v3" })), DiagnosticCodes.DestinationRuleSubsetNotSelectPods);
    }

    [Fact]
    public void Files_can_hold_kubernetes_objects_when_asked()
    {
        var yaml = Join(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: ingress-1\n  namespace: istio-system\n  labels:\n    istio: ingressgateway\nspec:\n  containers:\n  - name: proxy\n    image: istio/proxyv2\n",
            Resource("Gateway", IngressGateway.Replace("ingressgateway}", "ingress}", StringComparison.Ordinal), "gw"),
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n");
        var file = Path.Combine(Path.GetTempPath(), $"mesh-k8s-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml);
        try
        {
            // By default they are kept like every other document: no read error, and no check that needs them.
            var withoutObjects = new MeshValidator().ValidateFiles([file]);
            AssertNone(withoutObjects, DiagnosticCodes.ReadError);
            AssertNone(withoutObjects, DiagnosticCodes.ReferencedResourceNotFound);
            var diagnostics = new MeshValidator { ReadKubernetesObjects = true }.ValidateFiles([file]);
            AssertNone(diagnostics, DiagnosticCodes.ReadError);
            var diagnostic = Single(diagnostics, DiagnosticCodes.ReferencedResourceNotFound);
            Assert.Equal(("spec.selector", file, 19), (diagnostic.Path, diagnostic.File, diagnostic.Line));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n", 1)]
    [InlineData("apiVersion: v1\nkind: 'Namespace'\nmetadata: {name: a}\n", 1)]
    [InlineData("apiVersion: v1\nkind: \"\\x50od\"\nmetadata: {name: a}\n", 1)]
    [InlineData("apiVersion: v1\nkind: \"Se\\\n  cret\"\nmetadata: {name: a}\n", 1)]
    [InlineData("apiVersion: v1\nkind: PodTemplate\nmetadata: {name: a}\n", 0)]
    public void Kubernetes_documents_are_found_however_their_kind_is_written(string document, int found)
    {
        var text = Join(Resource("VirtualService", "hosts: [a]", "vs"), document, Resource("ServiceEntry", "hosts: [a.com]\nresolution: DNS", "se"));
        var result = MeshYaml.TryRead(new StringReader(text));
        Assert.Empty(result.Errors);
        Assert.Equal(found, result.KubernetesObjects.Count);
        Assert.Equal(2, result.Resources.Count);
        Assert.Single(result.OtherDocuments);
    }

    private static IReadOnlyList<IstioResource> Resources(params string[] documents) => MeshYaml.Read(Join(documents), "test.yaml");

    private static IReadOnlyList<Diagnostic> Check(IReadOnlyList<IstioResource> resources, params IKubernetesObject[] objects)
        => new MeshValidator { SecurityAdvice = false }.Validate(resources, objects);

    internal static V1Pod Pod(string name, string ns, Dictionary<string, string> labels)
        => new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = labels } };

    internal static V1Secret Secret(string name, string ns, (string Cert, string Key) pem)
        => new()
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]> { ["tls.crt"] = Encoding.UTF8.GetBytes(pem.Cert), ["tls.key"] = Encoding.UTF8.GetBytes(pem.Key) },
        };

    internal static (string Cert, string Key) Certificate(DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=a.com", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(notAfter.AddDays(-60), notAfter);
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
