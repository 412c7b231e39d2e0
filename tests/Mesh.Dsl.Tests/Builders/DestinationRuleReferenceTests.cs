using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Tests.Builders;

/// <summary>A VirtualService route can name a DestinationRule subset by the rule object, so a dangling subset cannot be written.</summary>
public class DestinationRuleReferenceTests
{
    private static DestinationRule Rule() => new DestinationRuleBuilder("reviews")
        .Host("reviews.prod.svc.cluster.local")
        .Subset("v1", "version", "v1")
        .Subset("v2", "version", "v2")
        .Build();

    [Fact]
    public void Route_to_a_rule_subset_takes_the_rules_host_and_the_subset_name()
    {
        var rule = Rule();
        var service = new VirtualServiceBuilder("reviews")
            .Hosts("reviews.prod.svc.cluster.local")
            .Http(http => http
                .Route(rule, "v1", r => r.Weight(75))
                .Route(rule, "v2", r => r.Weight(25)))
            .Build();

        var routes = service.Spec.Http[0].Route;
        Assert.Equal(
            [("reviews.prod.svc.cluster.local", "v1", 75), ("reviews.prod.svc.cluster.local", "v2", 25)],
            routes.Select(r => (r.Destination!.Host!, r.Destination.Subset!, r.Weight!.Value)));
    }

    [Fact]
    public void Mirror_and_route_destination_builders_take_the_rule_too()
    {
        var rule = Rule();
        var service = new VirtualServiceBuilder("reviews")
            .Http(http => http.Route("reviews", r => r.Destination(rule, "v2", port: 9080)))
            .Build();

        var destination = service.Spec.Http[0].Route[0].Destination!;
        Assert.Equal(("reviews.prod.svc.cluster.local", "v2", 9080u), (destination.Host!, destination.Subset!, destination.Port!.Number!.Value));
    }

    [Fact]
    public void A_subset_the_rule_does_not_define_is_rejected_naming_the_ones_it_has()
    {
        var exception = Assert.Throws<ArgumentException>(() => new VirtualServiceBuilder("reviews").Http(http => http.Route(Rule(), "v3")));
        Assert.Contains("v3", exception.Message, StringComparison.Ordinal);
        Assert.Contains("v1", exception.Message, StringComparison.Ordinal);
        Assert.Contains("v2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_without_host_is_rejected()
    {
        var rule = new DestinationRuleBuilder("no-host").Subset("v1", "version", "v1").Build();
        var exception = Assert.Throws<ArgumentException>(() => new VirtualServiceBuilder("x").Http(http => http.Route(rule, "v1")));
        Assert.Contains("has no host", exception.Message, StringComparison.Ordinal);
    }
}
