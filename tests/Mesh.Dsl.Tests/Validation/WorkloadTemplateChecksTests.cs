using k8s;
using k8s.Models;
using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.KubernetesChecksTests;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>
/// The Gateway and Sidecar checks that select pods, on repositories that hold Deployments (pod templates) rather
/// than Pods, as istioctl analyze's own test files do; and the ambient namespace test istioctl applies.
/// </summary>
public class WorkloadTemplateChecksTests
{
    private const string IngressGateway = "selector: {istio: ingressgateway}\nservers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ['a.com'], tls: {mode: SIMPLE, credentialName: a-cert}}]";

    private static readonly V1Deployment GatewayDeployment = AnalyzerParityTests.Deployment("istio-ingressgateway", "istio-system", new() { ["istio"] = "ingressgateway" });

    private static readonly V1Service GatewayService = new()
    {
        Metadata = new V1ObjectMeta { Name = "istio-ingressgateway", NamespaceProperty = "istio-system" },
        Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["istio"] = "ingressgateway" }, Ports = [new V1ServicePort { Port = 443, TargetPort = 8443 }] },
    };

    [Fact]
    public void Gateway_selecting_no_workload_is_IST0101_and_a_deployment_counts_as_its_workload()
    {
        // An egress gateway's Gateway: istio: ingressgateway is served by Istio's default ingress gateway when the files hold none.
        var gateway = Resources(Resource("Gateway", IngressGateway.Replace("ingressgateway", "egressgateway", StringComparison.Ordinal), "gw"));
        var other = AnalyzerParityTests.Deployment("reviews", "default", new() { ["app"] = "reviews" });
        Assert.Equal(
            ["IST0101 spec.selector: the selector {istio: egressgateway} matches no pod, so no gateway serves this Gateway; correct the labels (e.g. istio: ingressgateway) or deploy the gateway."],
            Lines(Check(gateway, other), DiagnosticCodes.ReferencedResourceNotFound));
        AssertNone(Check(gateway, AnalyzerParityTests.Deployment("istio-egressgateway", "istio-system", new() { ["istio"] = "egressgateway" })), DiagnosticCodes.ReferencedResourceNotFound);
    }

    [Fact]
    public void Gateway_port_not_exposed_by_the_deployments_service_is_IST0162()
    {
        var gateway = Resources(Resource("Gateway", IngressGateway.Replace("number: 443", "number: 9443", StringComparison.Ordinal), "gw"));
        Assert.Equal(
            ["IST0162 spec.servers[0].port.number: port 9443 is not a port of any Service selecting the gateway pods, so no traffic reaches it; expose it on the gateway's Service or use one of 443."],
            Lines(Check(gateway, GatewayDeployment, GatewayService), DiagnosticCodes.GatewayPortNotDefinedOnService));
        AssertNone(Check(Resources(Resource("Gateway", IngressGateway, "gw")), GatewayDeployment, GatewayService), DiagnosticCodes.GatewayPortNotDefinedOnService);
    }

    [Fact]
    public void Credential_secret_in_the_deployments_namespace_is_found_and_checked()
    {
        // The Gateway lives in default, its workload (a Deployment) in istio-system, where the Secret is.
        var gateway = Resources(Resource("Gateway", IngressGateway, "gw"));
        var valid = Secret("a-cert", "istio-system", Certificate(DateTimeOffset.UtcNow.AddDays(30)));
        AssertClean(Check(gateway, GatewayDeployment, GatewayService, valid));

        var expired = Secret("a-cert", "istio-system", Certificate(new DateTimeOffset(2020, 1, 2, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(
            ["IST0161 spec.servers[0].tls.credentialName: Secret istio-system/a-cert cannot serve TLS: the certificate expired on 2020-01-02; store a valid PEM certificate and key (tls.crt and tls.key)."],
            Lines(Check(gateway, GatewayDeployment, GatewayService, expired), DiagnosticCodes.InvalidGatewayCredential));

        var elsewhere = Secret("a-cert", "default", Certificate(DateTimeOffset.UtcNow.AddDays(30)));
        Assert.Equal(
            ["IST0101 spec.servers[0].tls.credentialName: credentialName 'a-cert' has no Secret istio-system/a-cert; the gateway workload reads it from its own namespace istio-system. Create it there (kubectl create secret tls a-cert -n istio-system ...)."],
            Lines(Check(gateway, GatewayDeployment, GatewayService, elsewhere), DiagnosticCodes.ReferencedResourceNotFound));
    }

    [Fact]
    public void Deployments_read_from_files_are_the_gateways_workloads()
    {
        var directory = Directory.CreateTempSubdirectory("mesh-workloads-");
        try
        {
            var file = Path.Combine(directory.FullName, "mesh.yaml");
            File.WriteAllText(file, Join(
                Resource("Gateway", IngressGateway, "gw"),
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: istio-ingressgateway\n  namespace: istio-system\nspec:\n  selector:\n    matchLabels: {istio: ingressgateway}\n  template:\n    metadata:\n      labels: {istio: ingressgateway}\n    spec:\n      containers: [{name: istio-proxy, image: istio/proxyv2}]\n"));
            var diagnostics = new MeshValidator { ReadKubernetesObjects = true, SecurityAdvice = false }.ValidateFiles([file]);
            AssertClean(diagnostics);
            File.WriteAllText(file, File.ReadAllText(file).Replace("selector: {istio: ingressgateway}\n  servers", "selector: {istio: egressgateway}\n  servers", StringComparison.Ordinal));
            Assert.Equal("spec.selector", Single(new MeshValidator { ReadKubernetesObjects = true, SecurityAdvice = false }.ValidateFiles([file]), DiagnosticCodes.ReferencedResourceNotFound).Path);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("istio-injection", "enabled")]
    [InlineData("istio.io/rev", "canary")]
    public void A_namespace_labelled_for_sidecar_injection_is_not_ambient(string label, string value)
    {
        const string sidecar = "egress: [{hosts: ['./*']}]";
        var sidecars = Resources(Resource("Sidecar", sidecar, "s1", ns: "apps"), Resource("Sidecar", sidecar, "s2", ns: "apps"));
        var ambient = new V1Namespace { Metadata = new V1ObjectMeta { Name = "apps", Labels = new Dictionary<string, string> { ["istio.io/dataplane-mode"] = "ambient" } } };

        // Ambient: each Sidecar does nothing (IST0167), and istioctl then does not report them as competing.
        Assert.Equal(["s1", "s2"], Check(sidecars, ambient).Where(d => d.Code == DiagnosticCodes.IneffectivePolicy).Select(d => d.Name));
        AssertNone(Check(sidecars, ambient), DiagnosticCodes.MultipleSidecarsWithoutWorkloadSelectors);

        ambient.Metadata.Labels[label] = value;
        var diagnostics = Check(sidecars, ambient);
        AssertNone(diagnostics, DiagnosticCodes.IneffectivePolicy);
        Assert.Equal(["s1", "s2"], diagnostics.Where(d => d.Code == DiagnosticCodes.MultipleSidecarsWithoutWorkloadSelectors).Select(d => d.Name));
    }

    private static IReadOnlyList<IstioResource> Resources(params string[] documents) => MeshYaml.Read(Join(documents), "test.yaml");

    private static IReadOnlyList<Diagnostic> Check(IReadOnlyList<IstioResource> resources, params IKubernetesObject[] objects)
        => new MeshValidator { SecurityAdvice = false }.Validate(resources, objects);

    private static List<string> Lines(IReadOnlyList<Diagnostic> diagnostics, string code)
        => diagnostics.Where(d => d.Code == code).Select(d => $"{d.Code} {d.Path}: {d.Message}").ToList();
}
