using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Scenarios;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Scenarios;

public class LegacyImportTests
{
    [Fact]
    public void The_bookinfo_googleapis_rules_become_the_expected_resources_without_warnings()
    {
        var mesh = new IstioMesh();
        var import = mesh.Legacy().ImportFile(TestPaths.LegacyInput);

        var expected = MeshYaml.ReadFile(Path.Combine(TestPaths.Scenarios, "legacy-bookinfo-googleapis.yaml"));
        Assert.Empty(import.Warnings);
        Assert.Equal(import.Resources, mesh.Resources);
        Assert.Equal(expected.Count, import.Resources.Count);
        Assert.All(expected.Zip(import.Resources), pair => Assert.True(ResourceComparer.Instance.Equals(pair.First, pair.Second), pair.First.ToString()));
    }

    [Fact]
    public void Rules_for_one_destination_merge_by_precedence_with_weighted_subsets_and_matches()
    {
        var import = Import("""
            apiVersion: config.istio.io/v1alpha2
            kind: RouteRule
            metadata:
              name: reviews-default
            spec:
              destination:
                name: reviews
              precedence: 1
              route:
              - labels:
                  version: v1
                weight: 80
              - labels:
                  version: v3
                weight: 20
            ---
            apiVersion: config.istio.io/v1alpha2
            kind: RouteRule
            metadata:
              name: reviews-test
            spec:
              destination:
                name: reviews
              precedence: 2
              match:
                request:
                  headers:
                    uri:
                      prefix: /api
                    Cookie:
                      regex: "^(.*?;)?(user=jason)(;.*)?$"
              route:
              - labels:
                  version: v2
              httpReqTimeout:
                simpleTimeout:
                  timeout: 5s
              httpReqRetries:
                simpleRetry:
                  attempts: 3
                  perTryTimeout: 2s
            """);

        var virtualService = Assert.IsType<VirtualService>(import.Resources[0]);
        Assert.Equal("reviews-default", virtualService.Metadata.Name);
        Assert.Equal(["reviews"], virtualService.Spec.Hosts);
        var (test, fallback) = (virtualService.Spec.Http[0], virtualService.Spec.Http[1]);
        var match = Assert.Single(test.Match);
        Assert.Equal("/api", match.Uri!.Prefix);
        Assert.Equal("^(.*?;)?(user=jason)(;.*)?$", match.Headers["cookie"].Regex);
        Assert.Equal("v2", Assert.Single(test.Route).Destination!.Subset);
        Assert.Equal(TimeSpan.FromSeconds(5), test.Timeout);
        Assert.Equal((3, TimeSpan.FromSeconds(2)), (test.Retries!.Attempts!.Value, test.Retries.PerTryTimeout!.Value));
        Assert.Equal([("v1", 80), ("v3", 20)], fallback.Route.Select(r => (r.Destination!.Subset!, r.Weight!.Value)));
        var rule = Assert.IsType<DestinationRule>(import.Resources[1]);
        Assert.Equal(["v2", "v1", "v3"], rule.Spec.Subsets.Select(s => s.Name));
        Assert.All(rule.Spec.Subsets, s => Assert.Equal(s.Name, s.Labels["version"]));
        var merged = Assert.Single(import.Warnings);
        Assert.Equal(("RouteRule reviews-test", 17), (merged.Resource, merged.Line));
        Assert.Contains("merged into VirtualService reviews-default", merged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_sets_with_the_same_values_get_numbered_subset_names()
    {
        var import = Import("""
            apiVersion: config.istio.io/v1alpha2
            kind: RouteRule
            metadata:
              name: split
            spec:
              destination:
                name: ratings
              route:
              - labels: {version: v1}
              - labels: {track: v1}
            """);

        var rule = Assert.IsType<DestinationRule>(import.Resources[1]);
        Assert.Equal(["v1", "v1-2"], rule.Spec.Subsets.Select(s => s.Name));
        Assert.Equal("v1", rule.Spec.Subsets[1].Labels["track"]);
    }

    [Fact]
    public void Redirect_and_rewrite_keep_their_uri_and_authority()
    {
        var import = Import("""
            apiVersion: config.istio.io/v1alpha2
            kind: RouteRule
            metadata:
              name: moved
            spec:
              destination:
                name: ratings
              redirect:
                uri: /v1/bookRatings
                authority: bookratings.default.svc.cluster.local
            ---
            apiVersion: config.istio.io/v1alpha2
            kind: RouteRule
            metadata:
              name: rewritten
            spec:
              destination:
                name: reviews
              rewrite:
                uri: /v1/reviews
            """);

        var redirect = Assert.Single(Assert.IsType<VirtualService>(import.Resources[0]).Spec.Http);
        Assert.Equal(("/v1/bookRatings", "bookratings.default.svc.cluster.local"), (redirect.Redirect!.Uri, redirect.Redirect.Authority));
        Assert.Empty(redirect.Route);
        var rewrite = Assert.Single(Assert.IsType<VirtualService>(import.Resources[1]).Spec.Http);
        Assert.Equal(("/v1/reviews", (string?)null), (rewrite.Rewrite!.Uri, rewrite.Rewrite.Authority));
        Assert.Equal("reviews", Assert.Single(rewrite.Route).Destination!.Host);
        Assert.Empty(import.Warnings);
    }

    [Theory]
    [InlineData("http", "HTTP", "www.google.com", ServiceEntryResolution.Dns)]
    [InlineData("https", "HTTPS", "*.google.com", ServiceEntryResolution.None)]
    [InlineData("grpc", "GRPC", "grpc.example.com", ServiceEntryResolution.Dns)]
    [InlineData("http2", "HTTP2", "h2.example.com", ServiceEntryResolution.Dns)]
    [InlineData("tcp", "TCP", "db.example.com", ServiceEntryResolution.Dns)]
    public void Egress_rule_protocols_become_service_entry_ports(string legacy, string protocol, string host, ServiceEntryResolution resolution)
    {
        var import = Import($"""
            apiVersion: config.istio.io/v1alpha2
            kind: EgressRule
            metadata:
              name: external
            spec:
              destination:
                service: "{host}"
              ports:
              - port: 8000
                protocol: {legacy}
            """);

        var entry = Assert.IsType<ServiceEntry>(Assert.Single(import.Resources));
        var port = Assert.Single(entry.Spec.Ports);
        Assert.Equal((8000u, $"{legacy}-8000", protocol), (port.Number!.Value, port.Name, port.Protocol));
        Assert.Equal([host], entry.Spec.Hosts);
        Assert.Equal((ServiceEntryLocation.MeshExternal, resolution), (entry.Spec.Location!.Value, entry.Spec.Resolution!.Value));
        Assert.Empty(import.Warnings);
    }

    [Fact]
    public void Untranslatable_parts_are_warned_about_with_resource_path_and_line()
    {
        var import = Import("""
            apiVersion: config.istio.io/v1alpha2
            kind: RouteRule
            metadata:
              name: faulty
              namespace: shop
            spec:
              destination:
                name: reviews
              match:
                source:
                  name: productpage
              route:
              - labels:
                  version: v1
              httpFault:
                abort:
                  percent: 10
                  httpStatus: 400
              mirror:
                name: reviews
            ---
            apiVersion: config.istio.io/v1alpha2
            kind: EgressRule
            metadata:
              name: odd
            spec:
              destination:
                service: 10.0.0.0/8
              ports:
              - port: 53
                protocol: udp
              useEgressProxy: true
            ---
            apiVersion: config.istio.io/v1alpha2
            kind: DestinationPolicy
            metadata:
              name: cb
            spec: {}
            ---
            apiVersion: networking.istio.io/v1alpha3
            kind: VirtualService
            metadata:
              name: modern
            spec: {}
            """);

        Assert.Equal(
            [
                (11, "RouteRule shop/faulty", "spec.match.source.name"),
                (15, "RouteRule shop/faulty", "spec.httpFault"),
                (19, "RouteRule shop/faulty", "spec.mirror"),
                (28, "EgressRule odd", "spec.destination.service"),
                (29, "EgressRule odd", "spec.ports"),
                (31, "EgressRule odd", "spec.ports[0].protocol"),
                (32, "EgressRule odd", "spec.useEgressProxy"),
                (35, "DestinationPolicy cb", "kind"),
                (40, "VirtualService modern", "apiVersion"),
            ],
            import.Warnings.Select(w => (w.Line, w.Resource, w.Path)));
        Assert.Contains("DestinationRule", import.Warnings[^2].Message, StringComparison.Ordinal);
        Assert.Equal("legacy.yaml:15:3: RouteRule shop/faulty: spec.httpFault: is not translated; add the equivalent to the VirtualService's http route by hand (fault).", import.Warnings[1].ToString());
        var entry = Assert.IsType<ServiceEntry>(import.Resources[^1]);
        Assert.Equal(["odd"], entry.Spec.Hosts);
        Assert.Equal(["10.0.0.0/8"], entry.Spec.Addresses);
        Assert.Equal(ServiceEntryResolution.None, entry.Spec.Resolution);
    }

    [Fact]
    public void A_route_rule_without_destination_routes_the_host_named_after_it_and_says_so()
    {
        var import = Import("""
            apiVersion: config.istio.io/v1alpha2
            kind: RouteRule
            metadata:
              name: details
            spec:
              route:
              - labels: {version: v1}
            """);

        Assert.Equal(["details"], Assert.IsType<VirtualService>(import.Resources[0]).Spec.Hosts);
        Assert.Equal("spec.destination", Assert.Single(import.Warnings).Path);
    }

    [Fact]
    public void Options_set_the_api_version_and_the_namespace_of_rules_without_one()
    {
        var import = Import(
            """
            apiVersion: config.istio.io/v1alpha2
            kind: EgressRule
            metadata:
              name: google
            spec:
              destination:
                service: www.google.com
              ports:
              - port: 443
                protocol: https
            """,
            o =>
            {
                o.ApiVersion = ApiVersions.NetworkingV1Alpha3;
                o.Namespace = "legacy";
            });

        var entry = Assert.Single(import.Resources);
        Assert.Equal((ApiVersions.NetworkingV1Alpha3, "legacy"), (entry.ApiVersion, entry.Metadata.NamespaceProperty));
    }

    [Fact]
    public void Invalid_yaml_is_an_error_with_its_position()
    {
        var error = Assert.Throws<MeshReadException>(() => new IstioMesh().Legacy().Import("kind: [RouteRule\n", "bad.yaml"));

        Assert.Equal("bad.yaml", Assert.Single(error.Errors).File);
    }

    private static LegacyImport Import(string yaml, Action<LegacyImportOptions>? configure = null)
        => new IstioMesh().Legacy().Import(yaml, "legacy.yaml", configure);
}
