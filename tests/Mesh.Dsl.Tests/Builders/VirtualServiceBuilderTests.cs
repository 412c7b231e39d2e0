using System.Text;
using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Tests.Model;

namespace Mesh.Dsl.Tests.Builders;

public class VirtualServiceBuilderTests
{
    [Fact]
    public void Builders_reach_every_field_of_the_every_field_sample()
    {
        var built = new VirtualServiceBuilder("reviews")
            .Namespace("shop")
            .Hosts("reviews.shop.svc.cluster.local", "*.reviews.example.com")
            .Gateways("istio-system/public-gateway")
            .Gateway(VirtualService.MeshGateway)
            .Http(h => h
                .Name("reviews-v2")
                .Match(m => m
                    .Name("api")
                    .UriPrefix("/api/")
                    .Scheme(StringMatch.Exactly("https"))
                    .Method(StringMatch.MatchingRegex("^(GET|HEAD)$"))
                    .Authority(StringMatch.Exactly("reviews.example.com"))
                    .Header("end-user", StringMatch.Exactly("jason"))
                    .HeaderPresent("x-canary")
                    .Port(8080)
                    .SourceLabel("app", "frontend")
                    .SourceLabel("version", "v1")
                    .Gateways(VirtualService.MeshGateway)
                    .QueryParam("debug", StringMatch.Exactly("true"))
                    .IgnoreUriCase()
                    .WithoutHeader("x-internal", StringMatch.StartingWith("yes"))
                    .SourceNamespace("web")
                    .StatPrefix("reviews-api"))
                .Match(m => m
                    .Name("legacy-api")
                    .UriRegex("^/v[0-9]+/api$")
                    .Scheme(StringMatch.StartingWith("http"))
                    .Method(StringMatch.Exactly("POST"))
                    .Authority(StringMatch.StartingWith("reviews."))
                    .Header("end-user", StringMatch.StartingWith("test-"))
                    .QueryParam("debug", StringMatch.MatchingRegex("^(1|true)$"))
                    .WithoutHeader("x-internal", StringMatch.Exactly("1")))
                .Match(m => m
                    .Scheme(StringMatch.MatchingRegex("^https?$"))
                    .Method(StringMatch.StartingWith("P"))
                    .Authority(StringMatch.MatchingRegex(@".*\.example\.com"))
                    .Header("x-user-group", StringMatch.MatchingRegex("^(beta|alpha)$"))
                    .QueryParam("page", StringMatch.StartingWith("1"))
                    .WithoutHeader("x-skip", StringMatch.MatchingRegex(".+")))
                .Route("reviews.shop.svc.cluster.local", d => d
                    .Destination(x => x.Subset("v2").Port(9080))
                    .Weight(75)
                    .Headers(hs => hs
                        .Request(r => r.Set("x-route", "v2").Add("x-trace", "on").Remove("x-debug"))
                        .Response(r => r.Set("cache-control", "no-store").Add("x-served-by", "reviews-v2").Remove("server"))))
                .RouteTo("reviews.shop.svc.cluster.local", subset: "v1", weight: 25)
                .Rewrite(r => r.Uri("/").Authority("reviews.internal"))
                .Timeout(TimeSpan.FromSeconds(10))
                .Retries(r => r
                    .Attempts(3)
                    .PerTryTimeout(TimeSpan.FromSeconds(2))
                    .RetryOn("gateway-error", "connect-failure", "refused-stream")
                    .RetryRemoteLocalities()
                    .RetryIgnorePreviousHosts()
                    .Backoff(TimeSpan.FromMilliseconds(250)))
                .Fault(f => f.Delay(TimeSpan.FromSeconds(5), 0.1).Abort(503, 1.5))
                .Mirror("reviews-shadow.shop.svc.cluster.local", "v3", 9080)
                .MirrorPercent(10)
                .MirrorPercentSnakeCase(10)
                .MirrorPercentage(12.5)
                .CorsPolicy(c => c
                    .AllowOrigin("https://legacy.example.com")
                    .AllowOrigins(StringMatch.Exactly("https://reviews.example.com"), StringMatch.StartingWith("https://beta."))
                    .AllowOrigins(StringMatch.MatchingRegex(@"https://.*\.example\.com"))
                    .AllowMethods("GET", "POST")
                    .AllowHeaders("x-custom")
                    .ExposeHeaders("x-request-id")
                    .MaxAge(TimeSpan.FromHours(24))
                    .AllowCredentials(false)
                    .UnmatchedPreflights(CorsUnmatchedPreflights.Ignore))
                .Headers(hs => hs
                    .Request(r => r.Set("x-version", "v2").Add("x-forwarded-client", "frontend").Remove("cookie"))
                    .Response(r => r.Set("x-frame-options", "DENY").Add("vary", "Origin").Remove("x-powered-by"))))
            .Http(h => h
                .Name("moved")
                .Match(m => m.UriExact("/old"))
                .Redirect(r => r.Uri("/new").Authority("www.example.com").Port(8443).Scheme("https").RedirectCode(308)))
            .Http(h => h
                .Name("moved-prefix")
                .Match(m => m.UriPrefix("/v1/"))
                .Redirect(r => r.DerivePort(RedirectPortSelection.FromRequestPort).PrefixRewrite("/v2/")))
            .Http(h => h
                .Name("maintenance")
                .Match(m => m.UriPrefix("/maintenance"))
                .DirectResponse(503, "down for maintenance"))
            .Http(h => h
                .Name("binary")
                .Match(m => m.UriPrefix("/binary"))
                .DirectResponse(r => r.Status(200).Body(Encoding.UTF8.GetBytes("unknown error"))))
            .Http(h => h
                .Name("ratings")
                .Match(m => m.UriPrefix("/ratings"))
                .Delegate("ratings", "ratings"))
            .Http(h => h
                .Name("chaos")
                .Match(m => m.UriPrefix("/service/"))
                .Route("reviews.shop.svc.cluster.local")
                .Rewrite(r => r.UriRegexRewrite("^/service/([^/]+)(/.*)$", @"\2/instance/\1"))
                .Fault(f => f
                    .Delay(d => d.Percent(5).ExponentialDelay(TimeSpan.FromMilliseconds(100)).Percentage(5))
                    .Abort(a => a.GrpcStatus("UNAVAILABLE").Percentage(2)))
                .Mirrors(m => m.Destination("reviews-shadow.shop.svc.cluster.local", "v3", 9080).Percentage(50)))
            .Http(h => h
                .Name("reset")
                .Route("reviews.shop.svc.cluster.local")
                .Fault(f => f.Abort(a => a.Http2Error("REFUSED_STREAM"))))
            .Tls(t => t
                .Match(m => m
                    .SniHosts("login.reviews.example.com")
                    .DestinationSubnets("10.0.0.0/16")
                    .Port(443)
                    .SourceLabel("app", "frontend")
                    .Gateways("istio-system/public-gateway")
                    .SourceNamespace("web"))
                .RouteTo("login.shop.svc.cluster.local", 8443, "v1", 100))
            .Tcp(t => t
                .Match(m => m
                    .DestinationSubnets("10.1.0.0/16")
                    .Port(27017)
                    .SourceSubnet("10.2.0.0/16")
                    .SourceLabel("app", "reporting")
                    .Gateways(VirtualService.MeshGateway)
                    .SourceNamespace("analytics"))
                .Route(r => r.Destination(d => d.Host("mongo.backup.svc.cluster.local").Subset("primary").Port(5555)).Weight(100)))
            .ExportTo(".", "istio-system")
            .Build();

        Assert.Equal(VirtualServiceEveryField.Yaml, MeshYaml.Serialize(built));
    }

    [Fact]
    public void Route_to_a_service_entry_uses_its_first_host()
    {
        var entry = new ServiceEntryBuilder("cnn").Hosts("edition.cnn.com", "www.cnn.com").Build();

        var service = new VirtualServiceBuilder("cnn")
            .Hosts("edition.cnn.com")
            .Http(h => h.Route(entry, d => d.Weight(100)).Mirror(entry, port: 80))
            .Tcp(t => t.Route(entry))
            .Build();

        var http = Assert.Single(service.Spec.Http);
        Assert.Equal("edition.cnn.com", Assert.Single(http.Route).Destination!.Host);
        Assert.Equal(100, http.Route[0].Weight);
        Assert.Equal(("edition.cnn.com", 80u), (http.Mirror!.Host, http.Mirror.Port!.Number!.Value));
        Assert.Equal("edition.cnn.com", Assert.Single(Assert.Single(service.Spec.Tcp).Route).Destination!.Host);
    }

    [Fact]
    public void Route_destination_takes_host_subset_and_port_by_name()
    {
        var route = new HttpRouteDestinationBuilder(new HttpRouteDestination())
            .Destination("reviews", subset: "v2", port: 9080)
            .Target;

        Assert.Equal(("reviews", "v2", 9080u), (route.Destination!.Host, route.Destination.Subset, route.Destination.Port!.Number!.Value));
    }

    [Fact]
    public void Gateway_resource_in_another_namespace_is_written_namespace_qualified()
    {
        var gateway = new GatewayBuilder("istio-egressgateway").Namespace("istio-system").Build();

        var service = new VirtualServiceBuilder("aliyun").Namespace("default").Gateway(gateway).Build();
        var sameNamespace = new VirtualServiceBuilder("aliyun").Namespace("istio-system").Gateway(gateway).Build();

        Assert.Equal(["istio-system/istio-egressgateway"], service.Spec.Gateways);
        Assert.Equal(["istio-egressgateway"], sameNamespace.Spec.Gateways);
    }

    [Fact]
    public void Delegate_takes_the_name_and_namespace_of_the_delegate_virtual_service()
    {
        var mesh = new IstioMesh("ratings");
        var ratings = mesh.AddVirtualService("ratings", v => v.Http(h => h.Route("ratings")));

        var root = mesh.AddVirtualService("bookinfo", v => v
            .Hosts("bookinfo.com")
            .Http(h => h.Match(m => m.UriPrefix("/ratings")).Delegate(ratings)));

        var target = Assert.Single(root.Spec.Http).Delegate!;
        Assert.Equal(("ratings", "ratings"), (target.Name, target.Namespace));
        Assert.Same(root, mesh.Find<VirtualService>("bookinfo"));
        Assert.Equal("ratings", root.Metadata.NamespaceProperty);
    }

    [Fact]
    public void Retries_shorthand_splits_the_conditions()
    {
        var route = new HttpRouteBuilder(new HttpRoute())
            .Retries(3, TimeSpan.FromSeconds(2), "5xx,connect-failure")
            .Target;

        Assert.Equal((3, TimeSpan.FromSeconds(2), "5xx,connect-failure"), (route.Retries!.Attempts, route.Retries.PerTryTimeout, route.Retries.RetryOn));
    }

    [Fact]
    public void Child_builders_edit_the_existing_child_instead_of_replacing_it()
    {
        var route = new HttpRouteBuilder(new HttpRoute())
            .Fault(f => f.Delay(TimeSpan.FromSeconds(1)))
            .Fault(f => f.Abort(500))
            .Headers(h => h.Request(r => r.Set("a", "1")))
            .Headers(h => h.Request(r => r.Remove("b")))
            .Target;

        Assert.NotNull(route.Fault!.Delay);
        Assert.NotNull(route.Fault.Abort);
        Assert.Equal(("1", "b"), (route.Headers!.Request!.Set["a"], route.Headers.Request.Remove.Single()));
    }
}
