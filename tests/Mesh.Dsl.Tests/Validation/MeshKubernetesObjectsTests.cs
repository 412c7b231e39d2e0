using k8s.Models;
using Mesh.Dsl.Builders;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>Kubernetes objects added to an <see cref="IstioMesh"/> take part in its validation and are never written.</summary>
public class MeshKubernetesObjectsTests
{
    private static IstioMesh MeshWithGateway()
    {
        var mesh = new IstioMesh();
        mesh.AddGateway("ingress", g => g
            .Namespace("istio-system")
            .Selector("istio", "ingressgateway")
            .HttpServer(80, "http", "a.example.com"));
        return mesh;
    }

    [Fact]
    public void Gateway_selector_is_checked_against_the_pods_added_to_the_mesh()
    {
        // A Gateway of the egress gateway: istio: ingressgateway would be served by Istio's default ingress gateway.
        var mesh = new IstioMesh();
        mesh.AddGateway("egress", g => g.Namespace("istio-system").Selector("istio", "egressgateway").HttpServer(80, "http", "a.example.com"));
        mesh.AddKubernetesObject(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "egress-1", NamespaceProperty = "istio-system", Labels = new Dictionary<string, string> { ["istio"] = "egress" } },
        });

        var diagnostic = Assert.Single(mesh.Validate(), d => d.Code == DiagnosticCodes.ReferencedResourceNotFound);
        Assert.Equal(("Gateway", "spec.selector"), (diagnostic.Kind, diagnostic.Path));
    }

    [Fact]
    public void A_matching_pod_satisfies_the_gateway_selector()
    {
        var mesh = MeshWithGateway();
        mesh.AddKubernetesObject(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "ingress-1", NamespaceProperty = "istio-system", Labels = new Dictionary<string, string> { ["istio"] = "ingressgateway" } },
        });

        Assert.DoesNotContain(mesh.Validate(), d => d.Code == DiagnosticCodes.ReferencedResourceNotFound);
    }

    [Fact]
    public void Kubernetes_objects_are_not_written()
    {
        var mesh = MeshWithGateway();
        mesh.AddKubernetesObject(new V1Pod { Metadata = new V1ObjectMeta { Name = "ingress-1", NamespaceProperty = "istio-system" } });
        Assert.DoesNotContain("kind: Pod", mesh.ToYaml(allowErrors: true), StringComparison.Ordinal);
    }

    [Fact]
    public void Objects_validation_does_not_use_are_rejected()
    {
        var exception = Assert.Throws<ArgumentException>(() => new IstioMesh().AddKubernetesObject(new V1ConfigMap()));
        Assert.Contains("V1ConfigMap is not used by validation", exception.Message, StringComparison.Ordinal);
    }
}
