using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Tests.Builders;

public class VirtualServiceBuilderGuardTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Weight_outside_0_to_100_is_rejected(int weight)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HttpRouteBuilder(new HttpRoute()).RouteTo("reviews", weight: weight));

        Assert.Equal("weight", error.ParamName);
        Assert.StartsWith($"Weight {weight} is out of range", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Weight_at_the_bounds_is_accepted(int weight)
    {
        var route = new TcpRouteBuilder(new TcpRoute()).Route("mongo", d => d.Weight(weight)).Target;

        Assert.Equal(weight, Assert.Single(route.Route).Weight);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70000)]
    public void Bad_ports_are_rejected_everywhere_a_port_is_given(int port)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpRouteBuilder(new HttpRoute()).RouteTo("reviews", port: port));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpMatchRequestBuilder(new HttpMatchRequest()).Port(port));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TlsMatchAttributesBuilder(new TlsMatchAttributes()).Port(port));
        Assert.Throws<ArgumentOutOfRangeException>(() => new L4MatchAttributesBuilder(new L4MatchAttributes()).Port(port));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpRedirectBuilder(new HttpRedirect()).Port(port));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpRouteBuilder(new HttpRoute()).Mirror("reviews", port: port));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DestinationBuilder(new Destination()).Port(port));
        Assert.Contains($"Port {port} is out of range", error.Message);
    }

    [Fact]
    public void Empty_hosts_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new VirtualServiceBuilder("reviews").Hosts(""));
        Assert.Throws<ArgumentException>(() => new HttpRouteBuilder(new HttpRoute()).Route(""));
        Assert.Throws<ArgumentException>(() => new TlsMatchAttributesBuilder(new TlsMatchAttributes()).SniHosts(""));
        var error = Assert.Throws<ArgumentException>(() => DestinationBuilder.Create(""));
        Assert.Equal("A host cannot be empty. (Parameter 'host')", error.Message);
    }

    [Fact]
    public void A_host_with_a_scheme_is_rejected_naming_the_value()
    {
        var error = Assert.Throws<ArgumentException>(() => new VirtualServiceBuilder("reviews").Hosts("https://reviews"));

        Assert.Contains("\"https://reviews\" is not a host", error.Message);
    }

    [Fact]
    public void A_service_entry_without_hosts_cannot_be_a_destination()
    {
        var entry = new ServiceEntry { Metadata = new() { Name = "empty" } };

        var error = Assert.Throws<ArgumentException>(() => new HttpRouteBuilder(new HttpRoute()).Route(entry));

        Assert.StartsWith("The ServiceEntry empty has no hosts to route to", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("ns/gw/extra")]
    [InlineData("/gw")]
    public void Bad_gateway_references_are_rejected(string gateway)
    {
        Assert.Throws<ArgumentException>(() => new VirtualServiceBuilder("reviews").Gateways(gateway));
        Assert.Throws<ArgumentException>(() => new HttpMatchRequestBuilder(new HttpMatchRequest()).Gateways(gateway));
    }

    [Fact]
    public void Durations_under_one_millisecond_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpRouteBuilder(new HttpRoute()).Timeout(TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpRetryBuilder(new HttpRetry()).PerTryTimeout(TimeSpan.FromTicks(9999)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpRetryBuilder(new HttpRetry()).Backoff(TimeSpan.FromMilliseconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaultDelayBuilder(new FaultDelay()).FixedDelay(TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CorsPolicyBuilder(new CorsPolicy()).MaxAge(TimeSpan.FromMilliseconds(1500)));
    }

    [Theory]
    [InlineData(199)]
    [InlineData(601)]
    public void Http_status_outside_what_istio_accepts_is_rejected(int status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpRouteBuilder(new HttpRoute()).DirectResponse(status));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaultAbortBuilder(new FaultAbort()).HttpStatus(status));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    public void Redirect_code_outside_3xx_is_rejected(int code)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpRedirectBuilder(new HttpRedirect()).RedirectCode(code));
    }

    [Fact]
    public void Redirect_scheme_must_be_http_or_https()
    {
        var error = Assert.Throws<ArgumentException>(() => new HttpRedirectBuilder(new HttpRedirect()).Scheme("ftp"));

        Assert.StartsWith("\"ftp\" is not a redirect scheme", error.Message);
    }

    [Fact]
    public void Retry_conditions_with_blanks_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new HttpRouteBuilder(new HttpRoute()).Retries(3, retryOn: "5xx, connect-failure"));

        Assert.StartsWith("\" connect-failure\" is not a retry condition", error.Message);
    }

    [Fact]
    public void Negative_retry_attempts_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpRetryBuilder(new HttpRetry()).Attempts(-1));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    [InlineData(double.NaN)]
    public void Percentages_outside_0_to_100_are_rejected(double percentage)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpRouteBuilder(new HttpRoute()).MirrorPercentage(percentage));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpMirrorPolicyBuilder(new HttpMirrorPolicy()).Percentage(percentage));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaultAbortBuilder(new FaultAbort()).Percentage(percentage));
    }

    [Fact]
    public void Bad_resource_and_namespace_names_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new VirtualServiceBuilder("Reviews"));
        Assert.Throws<ArgumentException>(() => new HttpRouteBuilder(new HttpRoute()).Delegate("ratings", "Bad_Namespace"));
        Assert.Throws<ArgumentException>(() => new HttpMatchRequestBuilder(new HttpMatchRequest()).SourceNamespace(""));
    }

    [Fact]
    public void Null_callbacks_and_matches_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new VirtualServiceBuilder("reviews").Http(null!));
        Assert.Throws<ArgumentNullException>(() => new HttpRouteBuilder(new HttpRoute()).Match(null!));
        Assert.Throws<ArgumentNullException>(() => new HttpMatchRequestBuilder(new HttpMatchRequest()).Uri(null!));
        Assert.Throws<ArgumentNullException>(() => new HttpMatchRequestBuilder(new HttpMatchRequest()).Header("x", null!));
        Assert.Throws<ArgumentNullException>(() => StringMatch.Exactly(null!));
    }

    [Fact]
    public void A_rejected_route_is_not_added()
    {
        var route = new HttpRoute();

        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpRouteBuilder(route).RouteTo("reviews", weight: 200));

        Assert.Empty(route.Route);
    }
}
