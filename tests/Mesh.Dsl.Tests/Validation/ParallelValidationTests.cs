using System.Globalization;
using k8s;
using k8s.Models;
using Mesh.Dsl.Builders;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.KubernetesChecksTests;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>
/// <see cref="MeshValidator.Parallel"/>: validating on two threads gives exactly the one-thread diagnostics, in
/// the same order, and throws what the one-thread run throws.
/// </summary>
public class ParallelValidationTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void All_scenarios_read_together_give_the_same_diagnostics_on_two_threads()
    {
        var resources = new List<IstioResource>();
        foreach (var file in TestPaths.ScenarioFiles)
        {
            // Some inputs are not Istio documents; whatever reads is validated as one mesh.
            resources.AddRange(MeshYaml.TryReadFile(file).Resources);
        }

        Assert.True(resources.Count > 20, $"only {resources.Count} scenario resources");
        var sequential = AssertSameOnTwoThreads(resources, []);

        // The scenarios together define some hosts twice, so cross-resource findings interleave with field ones.
        Assert.NotEmpty(sequential);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_generated_mesh_with_errors_duplicates_and_cross_resource_problems_gives_the_same_diagnostics_on_two_threads(bool listSomeTwice)
    {
        // Without resources listed twice the field rules report in position order, so only the cross-resource
        // findings put the joined list out of order.
        var (resources, objects) = GeneratedMesh(3000, listSomeTwice);
        var sequential = AssertSameOnTwoThreads(resources, objects);

        // The mesh must exercise what the merge has to get right: field and cross-resource findings (and
        // Kubernetes ones) for the same resources, interleaved by position, and resources listed twice.
        var codes = sequential.Select(d => d.Code).ToHashSet();
        foreach (var code in new[]
        {
            DiagnosticCodes.DuplicateResource, DiagnosticCodes.ReferencedResourceNotFound, DiagnosticCodes.ConflictingMeshGatewayVirtualServiceHosts,
            DiagnosticCodes.ConflictingServiceEntryProtocol, DiagnosticCodes.InvalidDestination, DiagnosticCodes.InvalidGatewayCredential,
        })
        {
            Assert.Contains(code, codes);
        }

        Assert.True(codes.Count >= 15, $"only {codes.Count} codes: {string.Join(", ", codes.Order(StringComparer.Ordinal))}");
        Assert.True(sequential.Count > 3000, $"only {sequential.Count} diagnostics");
        var fieldFirst = sequential.Zip(sequential.Skip(1)).Count(p => p.First.Name == p.Second.Name && p.First.Kind == p.Second.Kind && p.First.Code != p.Second.Code);
        Assert.True(fieldFirst > 500, "too few resources with several findings");
    }

    [Fact]
    public void A_cross_resource_finding_for_an_earlier_resource_comes_before_a_later_ones_field_finding()
    {
        // Each half reports in position order on its own; only the join can put the first resource's finding first.
        var resources = MeshYaml.Read(Join(
            Resource("VirtualService", "hosts: [a.example.com]\ngateways: [missing]\nhttp: [{route: [{destination: {host: a.default.svc.cluster.local}}]}]", "first"),
            Resource("ServiceEntry", "hosts: [b.example.com]\nports: [{number: 0, name: https, protocol: HTTPS}]\nresolution: DNS", "second")), "two.yaml");
        var diagnostics = AssertSameOnTwoThreads(resources, []);
        Assert.Equal(["first", "second"], diagnostics.Select(d => d.Name));
    }

    [Fact]
    public void The_field_rules_exception_surfaces_when_both_halves_fail_as_on_one_thread()
    {
        // A null host breaks only the cross-resource index, a null port only the field rules; on one thread the
        // field rules run first, so theirs is the exception, and so it must be on two.
        var (resources, _) = GeneratedMesh(600);
        var entries = resources.OfType<ServiceEntry>().ToList();
        entries[0].Spec.Hosts.Add(null!);
        entries[^1].Spec.Ports.Add(null!);
        AssertSameException(resources);
    }

    [Fact]
    public void A_cross_resource_exception_surfaces_as_itself_not_as_AggregateException()
    {
        var (resources, _) = GeneratedMesh(600);
        resources.OfType<ServiceEntry>().Last().Spec.Hosts.Add(null!);
        var parallel = AssertSameException(resources);
        Assert.Contains(nameof(Mesh.Dsl.Validation.Rules.MeshIndex), parallel.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_resource_throws_ArgumentNullException_on_two_threads()
    {
        var (resources, _) = GeneratedMesh(600);
        resources.Insert(300, null!);
        Assert.Throws<ArgumentNullException>(() => new MeshValidator { ParallelFrom = 0 }.Validate(resources));
    }

    /// <summary>Asserts that validating on two threads throws what one thread throws (type, message, throwing method) and returns it.</summary>
    private static Exception AssertSameException(IReadOnlyList<IstioResource> resources)
    {
        var sequential = Record.Exception(() => new MeshValidator { Parallel = false }.Validate(resources));
        var parallel = Record.Exception(() => new MeshValidator { ParallelFrom = 0 }.Validate(resources));
        Assert.NotNull(sequential);
        Assert.NotNull(parallel);
        Assert.Equal(sequential.GetType(), parallel.GetType());
        Assert.Equal(sequential.Message, parallel.Message);
        Assert.Equal(sequential.TargetSite, parallel.TargetSite);
        return parallel;
    }

    /// <summary>Validates on one thread and on two (from any size), asserts the lists equal and returns the first.</summary>
    private static IReadOnlyList<Diagnostic> AssertSameOnTwoThreads(IReadOnlyList<IstioResource> resources, IReadOnlyList<IKubernetesObject> objects)
    {
        var sequential = new MeshValidator { Parallel = false, TimeProvider = new FixedClock() }.Validate(resources, objects);
        var parallel = new MeshValidator { ParallelFrom = 0, TimeProvider = new FixedClock() }.Validate(resources, objects);

        // Records compare every member: code, severity, kind, namespace, name, path, message, file, line, column.
        Assert.Equal(sequential.Count, parallel.Count);
        for (var i = 0; i < sequential.Count; i++)
        {
            Assert.True(sequential[i] == parallel[i], $"diagnostic {i} differs:\n  one thread:  {sequential[i]}\n  two threads: {parallel[i]}");
        }

        return sequential;
    }

    /// <summary>
    /// About <paramref name="count"/> resources over five namespaces, most read from YAML (so diagnostics carry
    /// lines), some built in code, some listed twice (unless <paramref name="listSomeTwice"/> is false); with field errors, advice, duplicate names, conflicting
    /// hosts and protocols, missing references, and pods and secrets for the Kubernetes checks.
    /// </summary>
    private static (List<IstioResource> Resources, List<IKubernetesObject> Objects) GeneratedMesh(int count, bool listSomeTwice = true)
    {
        var documents = new List<string>();
        for (var i = 0; documents.Count < count; i++)
        {
            var ns = "ns-" + (i % 5).ToString(CultureInfo.InvariantCulture);
            var host = $"svc-{i}.example.com";
            var name = $"r-{i}";
            documents.Add((i % 14) switch
            {
                0 => Resource("ServiceEntry", $"hosts: [{host}]\nports: [{{number: 443, name: https, protocol: HTTPS}}, {{number: 80, name: http, protocol: HTTP}}]\nresolution: DNS", name, ns),
                1 => Resource("ServiceEntry", $"hosts: ['*.wild-{i}.com', svc-{i - 1}.example.com]\nports: [{{number: 0, name: https, protocol: TLS}}]\nresolution: DNS", name, ns),
                2 => Resource("DestinationRule", $"host: svc-{i - 2}.example.com\nsubsets: [{{name: v1, labels: {{version: v1}}}}]\ntrafficPolicy: {{tls: {{mode: SIMPLE}}, connectionPool: {{http: {{maxConcurrentStreams: -1}}}}}}", name, ns),
                3 => Resource("VirtualService", $"hosts: [svc-{i - 3}.example.com]\ngateways: [missing-{i}]\nhttp: [{{route: [{{destination: {{host: svc-{i - 3}.example.com, subset: v2}}, weight: -5}}, {{destination: {{host: nowhere-{i}.example.com}}}}]}}]", name, ns),
                4 => Resource("Gateway", $"selector: {{istio: ingressgateway}}\nservers: [{{port: {{number: 443, name: https, protocol: HTTPS}}, hosts: ['*/svc-{i}.example.com'], tls: {{mode: SIMPLE, credentialName: cert-{i % 3}}}}}]", name, "istio-system"),
                5 => Resource("Sidecar", "egress: [{hosts: ['./*', 'bad host']}]", name, ns),
                6 => Resource("PeerAuthentication", "mtls: {mode: STRICT}\nportLevelMtls: {8080: {mode: DISABLE}}", name, ns),
                7 => Resource("ServiceEntry", $"hosts: [svc-{i - 7}.example.com]\nports: [{{number: 443, name: tls, protocol: TLS}}]\nresolution: DNS", $"r-{i - 7}", "ns-" + ((i - 7) % 5).ToString(CultureInfo.InvariantCulture)),
                8 => Resource("VirtualService", $"hosts: [svc-{i - 8}.example.com]\nhttp: [{{route: [{{destination: {{host: svc-{i - 8}.example.com, port: {{number: 80}}}}}}]}}]", name, ns),
                9 => Resource("VirtualService", $"hosts: [svc-{i - 9}.example.com]\nhttp: [{{route: [{{destination: {{host: svc-{i - 9}.example.com, port: {{number: 8443}}}}}}]}}]", name, ns),
                10 => Resource("DestinationRule", $"host: svc-{i - 10}.example.com\ntrafficPolicy: {{portLevelSettings: [{{port: {{number: 80}}, tls: {{mode: DISABLE}}}}], outlierDetection: {{maxEjectionPercent: 150}}}}", name, ns),
                11 => Resource("Sidecar", $"workloadSelector: {{labels: {{app: app-{i % 4}}}}}\negress: [{{hosts: ['*/*']}}]", name, ns),
                12 => Resource("Gateway", $"selector: {{istio: egress-{i}}}\nservers: [{{port: {{number: 80, name: http, protocol: HTTP}}, hosts: ['svc-{i}.example.com', 'svc-{i}.example.com']}}]", name, ns),
                _ => Resource("ServiceEntry", $"hosts: [svc-{i - 13}.example.com]\naddresses: [10.0.0.{i % 256}, not-an-ip]\nports: [{{number: 443, name: https, protocol: HTTPS}}]\nresolution: STATIC\nendpoints: [{{address: 10.1.0.1}}]", name, ns),
            });
        }

        var resources = new List<IstioResource>(MeshYaml.Read(Join([.. documents]), "generated.yaml"));

        // Resources built in code (no source lines), and instances listed a second time further on.
        var built = new IstioMesh();
        for (var i = 0; i < count / 20; i++)
        {
            built.AddServiceEntry($"built-{i}", se => se.Hosts($"svc-{i * 14}.example.com").Port(443, "https", Protocols.Https).Resolution(ServiceEntryResolution.None));
        }

        for (var i = 0; i < built.Resources.Count; i++)
        {
            resources.Insert(i * 20 % resources.Count, built.Resources[i]);
        }

        for (var i = 0; listSomeTwice && i < count / 50; i++)
        {
            resources.Add(resources[i * 37 % resources.Count]);
        }

        var objects = new List<IKubernetesObject>
        {
            Pod("ingress", "istio-system", new() { ["istio"] = "ingressgateway" }),
            Secret("cert-0", "istio-system", Certificate(Now.AddDays(30))),
            Secret("cert-1", "istio-system", Certificate(Now.AddDays(-1))),
            new V1Namespace { Metadata = new V1ObjectMeta { Name = "ns-3", Labels = new Dictionary<string, string> { ["istio.io/dataplane-mode"] = "ambient" } } },
        };
        for (var i = 0; i < 40; i++)
        {
            objects.Add(Pod($"app-{i}", "ns-" + (i % 5).ToString(CultureInfo.InvariantCulture), new() { ["app"] = "app-" + (i % 6).ToString(CultureInfo.InvariantCulture) }));
        }

        return (resources, objects);
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
