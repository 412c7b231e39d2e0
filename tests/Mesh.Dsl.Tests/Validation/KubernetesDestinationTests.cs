using k8s;
using k8s.Models;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>VirtualService destinations in the cluster domain, checked against the Kubernetes Services of the files.</summary>
public class KubernetesDestinationTests
{
    private static readonly V1Service Reviews = Service("reviews", "default", null, 9080, 9090);

    private static readonly V1Service Ratings = Service("ratings", "default", null, 9080);

    [Theory]
    [InlineData("reviews", 9080)]
    [InlineData("reviews.default.svc.cluster.local", 9090)]
    public void A_host_a_service_declares_is_not_IST0101(string host, int port)
    {
        var vs = Resource("VirtualService", $"hosts: [reviews]\nhttp:\n- match: [{{uri: {{prefix: /a}}}}]\n  route: [{{destination: {{host: {host}, port: {{number: {port}}}}}}}]\n  mirror: {{host: ratings}}\n- route: [{{destination: {{host: {host}, port: {{number: {port}}}}}}}]\n  mirrors: [{{destination: {{host: ratings.default.svc.cluster.local}}}}]");
        AssertClean(Check(vs, Reviews, Ratings));
    }

    [Fact]
    public void A_missing_port_on_a_multi_port_service_is_IST0112()
    {
        var vs = Resource("VirtualService", "hosts: [reviews]\nhttp: [{route: [{destination: {host: reviews}}], mirror: {host: ratings}}]", "vs");
        Assert.Equal(
            ["IST0112 spec.http[0].route[0].destination.port: Service default/reviews exposes several ports for 'reviews' (9080, 9090); set destination.port.number."],
            Lines(Check(vs, Reviews, Ratings)));
    }

    [Fact]
    public void A_host_or_port_no_service_declares_is_IST0101()
    {
        var vs = Resource("VirtualService", "hosts: [reviews]\nhttp: [{route: [{destination: {host: reviews-bogus}}, {destination: {host: ratings, port: {number: 8080}}}], mirror: {host: details.default.svc.cluster.local}}]", "vs");
        Assert.Equal(
            [
                "IST0101 spec.http[0].route[0].destination.host: host 'reviews-bogus' is neither declared by a ServiceEntry nor a Service of namespace default (reviews-bogus.default.svc.cluster.local); correct the host or add the Service.",
                "IST0101 spec.http[0].route[1].destination.port.number: Service default/ratings has no port 8080 for 'ratings'; use one of 9080.",
                "IST0101 spec.http[0].mirror.host: host 'details.default.svc.cluster.local' is neither declared by a ServiceEntry nor a Service of namespace default (details.default.svc.cluster.local); correct the host or add the Service.",
            ],
            Lines(Check(vs, Reviews, Ratings)));

        // From namespace other the short names mean other's Services, of which the files hold none: unknown, not
        // wrong; the mirror's full name still means default's.
        Assert.Equal(
            ["IST0101 spec.http[0].mirror.host: host 'details.default.svc.cluster.local' is neither declared by a ServiceEntry nor a Service of namespace default (details.default.svc.cluster.local); correct the host or add the Service."],
            Lines(Check(vs.Replace("namespace: default", "namespace: other", StringComparison.Ordinal), Reviews, Ratings)));
    }

    [Fact]
    public void A_service_not_exported_to_the_virtual_services_namespace_is_IST0101()
    {
        var vs = Resource("VirtualService", "hosts: [reviews.default.svc.cluster.local]\nhttp: [{route: [{destination: {host: reviews.default.svc.cluster.local, port: {number: 9080}}}]}]", "vs", ns: "frontend");
        var hidden = Service("reviews", "default", ".", 9080);
        Assert.Equal(
            ["IST0101 spec.http[0].route[0].destination.host: host 'reviews.default.svc.cluster.local': Service default/reviews is not exported to namespace frontend (networking.istio.io/exportTo: .); export it or route from a namespace that sees it."],
            Lines(Check(vs, hidden)));
        AssertClean(Check(vs, Service("reviews", "default", "., frontend", 9080)));
        AssertClean(Check(vs, Service("reviews", "default", "*", 9080)));
    }

    private static V1Service Service(string name, string ns, string? exportTo, params int[] ports) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Annotations = exportTo is null ? null : new Dictionary<string, string> { ["networking.istio.io/exportTo"] = exportTo } },
        Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = name }, Ports = [.. ports.Select(p => new V1ServicePort { Port = p, Name = "http-" + p })] },
    };

    private static IReadOnlyList<Diagnostic> Check(string yaml, params IKubernetesObject[] objects)
        => new MeshValidator { SecurityAdvice = false }.Validate(MeshYaml.Read(yaml, "test.yaml"), objects);

    private static List<string> Lines(IReadOnlyList<Diagnostic> diagnostics)
        => diagnostics.Where(d => d.Code is DiagnosticCodes.ReferencedResourceNotFound or DiagnosticCodes.VirtualServiceDestinationPortSelectorRequired)
            .Select(d => $"{d.Code} {d.Path}: {d.Message}").ToList();
}
