using k8s;
using k8s.Models;
using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.IstioctlFileAnalysisTests;
using static Mesh.Dsl.Tests.Validation.KubernetesChecksTests;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>
/// istioctl analyze's selector checks of Telemetry (IST0160, IST0101, IST0159) and AuthorizationPolicy (IST0127,
/// IST0101 for source namespaces), on files shaped like its own test cases; and IST0002 for fault.delay.percent.
/// </summary>
public class WorkloadPolicySelectorsTests
{
    private static string Telemetry(string name, string ns, string? selector)
        => $"apiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n"
           + (selector is null ? "" : $"  selector:\n    matchLabels: {{{selector}}}\n")
           + "  metrics:\n  - providers:\n    - name: prometheus\n";

    private static string Policy(string name, string ns, string? selector, string? from = null)
        => Resource("AuthorizationPolicy", (selector is null ? "" : $"selector:\n  matchLabels: {{{selector}}}\n") + (from is null ? "action: ALLOW\nrules: [{}]" : $"rules: [{{from: [{{source: {from}}}]}}]"), name, ns);

    [Fact]
    public void Several_telemetries_without_selector_in_a_namespace_are_IST0160_each()
    {
        var yaml = Join(Telemetry("no-selector", "ns1", null), Telemetry("has-selector", "ns1", "app: foo"), Telemetry("conflict-1", "ns2", null), Telemetry("conflict-2", "ns2", null));
        Assert.Equal(
            [
                "IST0160 ns2/conflict-1 spec: Telemetries conflict-1, conflict-2 of namespace ns2 all have no selector, so which one applies to the namespace's workloads is undefined; keep one and give the others a selector.",
                "IST0160 ns2/conflict-2 spec: Telemetries conflict-1, conflict-2 of namespace ns2 all have no selector, so which one applies to the namespace's workloads is undefined; keep one and give the others a selector.",
            ],
            Lines(Validate(yaml, securityAdvice: false)));
        AssertClean(Validate(Join(Telemetry("no-selector", "ns1", null), Telemetry("conflict-1", "ns2", null), Telemetry("conflict-2", "ns2", "app: foo")), securityAdvice: false));
    }

    [Fact]
    public void Telemetry_selectors_must_match_pods_of_their_namespace_and_not_overlap()
    {
        var resources = Resources(
            Telemetry("correct", "default", "app: productpage"),
            Telemetry("nonexistent", "default", "app: bogus"),
            Telemetry("other-ns", "other", "app: reviews"),
            Telemetry("overlap-1", "default", "app: ratings"),
            Telemetry("overlap-2", "default", "myapp: ratings"));
        var pods = new IKubernetesObject[]
        {
            Pod("productpage", "default", new() { ["app"] = "productpage" }),
            Pod("reviews", "default", new() { ["app"] = "reviews" }),
            Pod("ratings", "default", new() { ["app"] = "ratings", ["myapp"] = "ratings" }),
        };
        Assert.Equal(
            [
                "IST0101 default/nonexistent spec.selector.matchLabels: the selector {app: bogus} matches no pod in namespace default, so this Telemetry applies to nothing; correct the labels or remove it.",
                "IST0101 other/other-ns spec.selector.matchLabels: the selector {app: reviews} matches no pod in namespace other, so this Telemetry applies to nothing; correct the labels or remove it.",
                "IST0159 default/overlap-1 spec.selector: pod ratings is selected by several Telemetries (overlap-1, overlap-2); which one applies is undefined. Make the selectors disjoint or merge the Telemetries.",
                "IST0159 default/overlap-2 spec.selector: pod ratings is selected by several Telemetries (overlap-1, overlap-2); which one applies is undefined. Make the selectors disjoint or merge the Telemetries.",
            ],
            Lines(Check(resources, pods)));
        AssertClean(Check(Resources(Telemetry("correct", "default", "app: productpage"), Telemetry("reviews", "default", "app: reviews")), pods));

        // Without pods in the files nothing is known about workloads: no finding.
        AssertClean(Check(resources, new V1Namespace { Metadata = new V1ObjectMeta { Name = "default" } }));
    }

    [Fact]
    public void An_authorization_policy_applying_to_no_pod_is_IST0127()
    {
        var resources = Resources(
            Policy("ok", "httpbin", "app: httpbin"),
            Policy("namespace-wide", "httpbin", null),
            Policy("mesh-wide", "istio-system", null),
            Policy("mesh-wide-v1", "istio-system", "version: bogus"),
            Policy("empty-namespace", "httpbin-empty", null),
            Policy("nopods", "httpbin", "app: bogus"),
            Policy("other-namespace", "test", "app: httpbin"));
        var workload = AnalyzerParityTests.Deployment("httpbin", "httpbin", new() { ["app"] = "httpbin", ["version"] = "v1" });
        Assert.Equal(
            [
                "IST0127 istio-system/mesh-wide-v1 spec.selector: the selector {version: bogus} matches no pod in the mesh, so this policy applies to nothing; correct the labels.",
                "IST0127 httpbin-empty/empty-namespace spec: namespace httpbin-empty has no pods, so this namespace-wide policy applies to nothing; check the namespace.",
                "IST0127 httpbin/nopods spec.selector: the selector {app: bogus} matches no pod in namespace httpbin, so this policy applies to nothing; correct the labels.",
                "IST0127 test/other-namespace spec.selector: the selector {app: httpbin} matches no pod in namespace test, so this policy applies to nothing; correct the labels.",
            ],
            Lines(Check(resources, workload)));
        AssertClean(Check(Resources(Policy("mesh-wide-v1", "istio-system", "version: v1"), Policy("ok", "httpbin", "app: httpbin")), workload));
    }

    [Fact]
    public void A_source_namespace_pattern_matching_no_namespace_is_IST0101()
    {
        var namespaces = new IKubernetesObject[]
        {
            new V1Namespace { Metadata = new V1ObjectMeta { Name = "httpbin" } },
            new V1Namespace { Metadata = new V1ObjectMeta { Name = "prod-httpbin" } },
            new V1Namespace { Metadata = new V1ObjectMeta { Name = "httpbin-test" } },
        };
        var resources = Resources(
            Policy("bogus-ns", "httpbin", null, "{namespaces: [prod-*, '*-test', '*-bogus', bogus-*, '*', httpbin]}"),
            Policy("bogus-not-ns", "httpbin", null, "{notNamespaces: [staging]}"));
        Assert.Equal(
            [
                "IST0101 httpbin/bogus-ns spec.rules[0].from[0].source.namespaces[2]: namespace '*-bogus' matches no Namespace of the files; correct it or create the namespace.",
                "IST0101 httpbin/bogus-ns spec.rules[0].from[0].source.namespaces[3]: namespace 'bogus-*' matches no Namespace of the files; correct it or create the namespace.",
                "IST0101 httpbin/bogus-not-ns spec.rules[0].from[0].source.notNamespaces[0]: namespace 'staging' matches no Namespace of the files; correct it or create the namespace.",
            ],
            Lines(Check(resources, namespaces)));
        AssertClean(Check(Resources(Policy("ok", "httpbin", null, "{namespaces: [prod-*, '*-test', httpbin, HTTPBIN]}")), namespaces));
    }

    [Fact]
    public void Fault_delay_percent_is_deprecated_IST0002()
    {
        const string fault = "hosts: [productpage]\nhttp: [{fault: {delay: {percent: 50, fixedDelay: 1s}}, route: [{destination: {host: productpage}}]}]";
        Assert.Equal(
            ["IST0002 default/productpage spec.http[0].fault.delay.percent: delay.percent is deprecated; use delay.percentage.value."],
            Lines(Validate(Resource("VirtualService", fault, "productpage"), securityAdvice: false)));
        AssertClean(Validate(Resource("VirtualService", fault.Replace("percent: 50", "percentage: {value: 50}", StringComparison.Ordinal), "productpage"), securityAdvice: false));
    }

    [Fact]
    public void A_gateway_route_on_jwt_claims_without_request_authentication_on_the_gateway_is_IST0149()
    {
        var gateway = Resource("Gateway", "selector: {istio: ingressgateway}\nservers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [foo.com]}]", "foo-gateway");
        var route = Resource("VirtualService", "hosts: [foo.com]\ngateways: [foo-gateway]\nhttp: [{match: [{uri: {prefix: /}, headers: {'@request.auth.claims.foo': {exact: foo}}}], route: [{destination: {host: foo.default.svc.cluster.local}}]}]", "foo");
        var app = Pod("foo", "default", new() { ["app"] = "foo" });

        // The gateway's pod is Istio's default ingress gateway, in istio-system.
        Assert.Equal(
            ["IST0149 default/foo spec.gateways[0]: the routes match on '@request.auth.claims.foo', but gateway pod istio-system/istio-ingressgateway of 'foo-gateway' has no RequestAuthentication, so no JWT claims are extracted and the route never matches; add a RequestAuthentication selecting the gateway's pods."],
            Lines(Check(Resources(gateway, route), app)));

        var jwt = "jwtRules: [{issuer: https://example.com, jwksUri: https://example.com/jwks.json}]";
        AssertClean(Check(Resources(gateway, route, Resource("RequestAuthentication", "selector:\n  matchLabels: {istio: ingressgateway}\n" + jwt, "jwt", ns: "istio-system")), app));
        Assert.Single(Check(Resources(gateway, route, Resource("RequestAuthentication", jwt, "jwt", ns: "default")), app), d => d.Code == DiagnosticCodes.JwtClaimBasedRoutingWithoutRequestAuthN);
    }
}
